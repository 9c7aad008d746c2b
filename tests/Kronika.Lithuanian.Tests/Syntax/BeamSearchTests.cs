using Kronika.Core.Model;
using Kronika.Lithuanian.Syntax;

namespace Kronika.Lithuanian.Tests.Syntax;

/// <summary>The beam parser trained globally, on a few trees written by this team (heads 1-based, 0 for the root).</summary>
public class BeamSearchTests
{
    private static readonly (string Words, int[] Heads, string Relations)[] Trees =
    [
        ("Policija sulaikė vagį .", [2, 0, 2, 2], "nsubj root obj punct"),
        ("Ministras susitiko su ambasadoriumi .", [2, 0, 4, 2, 2], "nsubj root case obl punct"),
        ("Vyriausybė patvirtino naują biudžetą .", [2, 0, 4, 2, 2], "nsubj root amod obj punct"),
        ("Rusija ir Korėja susitarė .", [4, 3, 1, 0, 4], "nsubj cc conj root punct"),
        ("Vagį sulaikė policija .", [2, 0, 2, 2], "obj root nsubj punct"),
        ("Ūkininkai protestavo prieš naujus mokesčius .", [2, 0, 5, 5, 2, 2], "nsubj root case amod obl punct"),
    ];

    private static List<ParsedSentence> Sentences() => TeamTrees.Sentences(Trees);

    [Fact]
    public void GlobalTraining_LearnsItsTrainingTrees()
    {
        var sentences = Sentences();
        var model = SyntaxTrainer.Train(sentences, new SyntaxTrainingOptions(Epochs: 10, Prune: 0, Beam: 4), TextWriter.Null);
        Assert.Equal(4, model.Beam);
        var (uas, las, _) = SyntaxScore.Of(model, sentences);
        Assert.Equal(100, uas);
        Assert.Equal(100, las);
    }

    [Fact]
    public void BeamModel_KeepsItsWidthAndMarginWhenSaved()
    {
        var sentences = Sentences();
        var model = SyntaxTrainer.Train(sentences, new SyntaxTrainingOptions(Epochs: 4, Prune: 0, Beam: 3), TextWriter.Null).WithBeam(3, 25f);
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = DependencyModel.Load(file);
        Assert.Equal(3, loaded.Beam);
        Assert.Equal(25f, loaded.Margin);
        Assert.Equal(SyntaxScore.Of(model, sentences).Las, SyntaxScore.Of(loaded, sentences).Las);
    }
}
