using Kronika.Core.Model;
using Kronika.Lithuanian.Syntax;

namespace Kronika.Lithuanian.Tests.Syntax;

/// <summary>
/// Pseudo-projective parsing on trees written by this team (heads 1-based, 0 for the root). In `Naują jis nusipirko
/// automobilį .` the adjective hangs on the object across the verb, an arc the arc-eager parser cannot build.
/// </summary>
public class PseudoProjectiveTests
{
    private static readonly (string Words, int[] Heads, string Relations)[] Trees =
    [
        ("Naują jis nusipirko automobilį .", [4, 3, 0, 3, 3], "amod nsubj root obj punct"),
        ("Didelį jie pastatė namą .", [4, 3, 0, 3, 3], "amod nsubj root obj punct"),
        ("Policija sulaikė vagį .", [2, 0, 2, 2], "nsubj root obj punct"),
        ("Ministras susitiko su ambasadoriumi .", [2, 0, 4, 2, 2], "nsubj root case obl punct"),
        ("Vyriausybė patvirtino naują biudžetą .", [2, 0, 4, 2, 2], "nsubj root amod obj punct"),
        ("Ūkininkai protestavo prieš naujus mokesčius .", [2, 0, 5, 5, 2, 2], "nsubj root case amod obl punct"),
    ];

    private static List<ParsedSentence> Sentences() => TeamTrees.Sentences(Trees);

    [Fact]
    public void PseudoProjective_LiftsACrossingArcAndPutsItBack()
    {
        int[] heads = [3, 2, 5, 2, 2]; // 0-based, the root = 5
        var lifted = SyntaxTrainer.Projective(heads);
        Assert.Equal([2, 2, 5, 2, 2], lifted);
        string[] relations = ["amod", "nsubj", "root", "obj", "punct"];
        var encoded = PseudoProjective.Encode(heads, lifted, relations);
        Assert.Equal(["amod^obj", "nsubj", "root", "obj", "punct"], encoded);

        string[] names = ["amod", "amod^obj", "nsubj", "obj", "punct", "root"];
        int[] plain = [0, 0, 2, 3, 4, 5];
        string?[] wanted = [null, "obj", null, null, null, null];
        int[] parsedHeads = [2, 2, -1, 2, 2];
        int[] labels = [1, 2, 5, 3, 4];
        PseudoProjective.Decode(parsedHeads, labels, names, plain, wanted);
        Assert.Equal([3, 2, -1, 2, 2], parsedHeads);
        Assert.Equal([0, 2, 5, 3, 4], labels);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Training_WithLiftedLabels_ParsesCrossingArcs(bool lift, bool crossingArcRight)
    {
        var sentences = Sentences();
        var model = SyntaxTrainer.Train(sentences, new SyntaxTrainingOptions(Epochs: 10, Prune: 0, Lift: lift), TextWriter.Null);
        var words = sentences[0].Words.Append(ParserWord.Root).ToArray();
        var heads = new int[5];
        var labels = new int[5];
        model.Parse(words, 5, new ArcEager(5), [], new float[model.ActionCount], heads, labels);
        Assert.Equal(crossingArcRight, heads[0] == 3);
        Assert.Equal("amod", model.Labels[labels[0]]);
        Assert.Equal(lift ? 100 : 100 * 28.0 / 30, SyntaxScore.Of(model, sentences).Las, 3);
    }
}
