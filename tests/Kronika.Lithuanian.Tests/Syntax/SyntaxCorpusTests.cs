using Kronika.Core.IO;
using Kronika.Lithuanian.Syntax;

namespace Kronika.Lithuanian.Tests.Syntax;

/// <summary>UD train's older relations brought to the dev and test conventions, on sentences written by this team.</summary>
public class SyntaxCorpusTests
{
    // Each word: form, UPOS, FEATS, head (1-based, 0 root), relation as released; the word checked is the second.
    [Theory]
    [InlineData("padėjo VERB _ 0 root; draugui NOUN Case=Dat|Number=Sing 1 obj", "obl:arg")]
    [InlineData("pasiekė VERB _ 0 root; tikslo NOUN Case=Gen|Number=Sing 1 obj", "obl:arg")]
    [InlineData("vadovauja VERB _ 0 root; partijai NOUN Case=Dat|Number=Sing 1 iobj", "obl:arg")]
    [InlineData("domisi VERB _ 0 root; politika NOUN Case=Ins|Number=Sing 1 obj", "obl:arg")]
    [InlineData("sulaikė VERB _ 0 root; vagį NOUN Case=Acc|Number=Sing 1 obj", "obj")]
    [InlineData("sakė VERB _ 0 root; grįšiąs VERB VerbForm=Part 1 acl", "ccomp")]
    [InlineData("žinia NOUN Case=Nom 0 root; atvykus VERB VerbForm=Part 1 acl", "acl")]
    [InlineData("sulaikė VERB _ 0 root; policija NOUN Case=Nom|Number=Sing 1 nsubj", "nsubj")]
    public void Harmonize_BringsTrainRelationsToDevConventions(string words, string expected)
    {
        var sentence = new ConlluSentence();
        foreach (var (w, i) in words.Split("; ").Select((w, i) => (w.Split(' '), i)))
            sentence.Words.Add(new ConlluWord((i + 1).ToString(), w[0], w[0], w[1], "_", w[2], w[3], w[4], "_", "_"));
        var changed = SyntaxCorpus.Harmonize([sentence]);
        Assert.Equal(expected, sentence.Words[1].Deprel);
        Assert.Equal(expected == words.Split("; ")[1].Split(' ')[4] ? 0 : 1, changed);
    }
}
