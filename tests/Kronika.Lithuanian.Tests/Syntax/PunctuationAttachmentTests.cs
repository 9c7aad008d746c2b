using Kronika.Core.Learning;
using Kronika.Core.Model;
using Kronika.Lithuanian.Syntax;

namespace Kronika.Lithuanian.Tests.Syntax;

/// <summary>
/// The rules after parsing, on trees written by this team (heads 1-based, 0 for the root): paired marks move under the
/// one word they enclose that heads outside them, and relations the part of speech settles are relabelled.
/// </summary>
public class PunctuationAttachmentTests
{
    private static ParserWord[] Words(string sentence, string tags) =>
        [.. sentence.Split(' ').Zip(tags.Split(' '), (w, t) => ParserWord.Of(w, w, null, Enum.Parse<Upos>(t), default))];

    [Theory]
    // Quotes around a name: both from the name's head word, whatever the parser said.
    [InlineData("Bendrovė „ Lietuvos geležinkeliai “ pranešė .", "NOUN PUNCT PROPN NOUN PUNCT VERB PUNCT",
        new[] { 6, 1, 4, 1, 1, 0, 6 }, new[] { 6, 4, 4, 1, 4, 0, 6 })]
    // A quoted clause; the colon and the final mark stay.
    [InlineData("Jis pasakė : „ Ateisiu rytoj “ .", "PRON VERB PUNCT PUNCT VERB ADV PUNCT PUNCT",
        new[] { 2, 0, 5, 2, 2, 5, 2, 2 }, new[] { 2, 0, 5, 5, 2, 5, 5, 2 })]
    // Brackets around an explanation.
    [InlineData("Seimas ( parlamentas ) posėdžiavo .", "NOUN PUNCT NOUN PUNCT VERB PUNCT",
        new[] { 5, 1, 1, 5, 0, 5 }, new[] { 5, 3, 1, 3, 0, 5 })]
    // Each pair under its own word.
    [InlineData("„ Taip “ , – atsakė „ ne “ .", "PUNCT ADV PUNCT PUNCT PUNCT VERB PUNCT PART PUNCT PUNCT",
        new[] { 6, 6, 6, 6, 6, 0, 6, 6, 6, 6 }, new[] { 2, 6, 2, 6, 6, 0, 8, 6, 8, 6 })]
    // Two words heading outside the quotes: nothing is sure, nothing moves.
    [InlineData("Vilnius „ didelis gražus “ miestas .", "PROPN PUNCT ADJ ADJ PUNCT NOUN PUNCT",
        new[] { 0, 6, 6, 6, 6, 1, 1 }, new[] { 0, 6, 6, 6, 6, 1, 1 })]
    // Nested pairs each go to their own word.
    [InlineData("Filmas „ Vasara ( 1999 ) “ laimėjo .", "NOUN PUNCT NOUN PUNCT NUM PUNCT PUNCT VERB PUNCT",
        new[] { 8, 8, 1, 8, 3, 8, 8, 0, 8 }, new[] { 8, 3, 1, 5, 3, 5, 3, 0, 8 })]
    public void PunctuationAttachment_PutsPairedMarksUnderWhatTheyEnclose(string sentence, string tags, int[] parsed, int[] expected)
    {
        var heads = parsed.Select(h => h - 1).ToArray();
        PunctuationAttachment.Reattach(Words(sentence, tags), heads);
        Assert.Equal(expected.Select(h => h - 1).ToArray(), heads);
    }

    [Fact]
    public void PunctuationAttachment_LeavesAMarkWithDependentsOrAtTheRootAlone()
    {
        // The opening quote heads a word and the closing one is the root: neither may move (a cycle, or no root).
        var words = Words("„ Vilnius “", "PUNCT PROPN PUNCT");
        int[] heads = [2, 0, -1];
        PunctuationAttachment.Reattach(words, heads);
        Assert.Equal([2, 0, -1], heads);
    }

    [Theory]
    // An oblique under a noun that is no predicate is a nominal modifier.
    [InlineData("Susitikimas Vilniuje įvyko .", "NOUN NOUN VERB PUNCT", new[] { 3, 1, 0, 3 }, "nsubj obl root dep", "nsubj nmod root punct")]
    // Under a predicate noun (the root, or one with a subject of its own) it stays an oblique.
    [InlineData("Jis mokytojas mokykloje .", "PRON NOUN NOUN PUNCT", new[] { 2, 0, 2, 2 }, "nsubj root obl punct", "nsubj root obl punct")]
    [InlineData("Sakė , kad jis mokytojas mokykloje .", "VERB PUNCT SCONJ PRON NOUN NOUN PUNCT", new[] { 0, 5, 5, 5, 1, 5, 1 }, "root punct mark nsubj ccomp obl punct", "root punct mark nsubj ccomp obl punct")]
    // Under a verb it stays; a number is nummod, not dep.
    [InlineData("Atvyko 5 ministrai Vilniuje .", "VERB NUM NOUN NOUN PUNCT", new[] { 0, 3, 1, 1, 1 }, "root dep nsubj obl punct", "root nummod nsubj obl punct")]
    public void Relabel_SettlesRelationsByPartOfSpeech(string sentence, string tags, int[] heads, string parsed, string expected)
    {
        string[] names = ["ccomp", "dep", "mark", "nmod", "nsubj", "nummod", "obl", "punct", "root"];
        var model = new DependencyModel(names, ActionWeights.From(new PerceptronModel(2 + 2 * names.Length, new Dictionary<ulong, (int, float)[]>())));
        var labels = parsed.Split(' ').Select(l => Array.IndexOf(names, l)).ToArray();
        model.Relabel(Words(sentence, tags), [.. heads.Select(h => h - 1)], labels);
        Assert.Equal(expected, string.Join(' ', labels.Select(l => names[l])));
    }
}
