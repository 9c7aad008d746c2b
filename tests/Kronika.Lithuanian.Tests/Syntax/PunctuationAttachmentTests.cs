using Kronika.Core.Model;
using Kronika.Lithuanian.Syntax;

namespace Kronika.Lithuanian.Tests.Syntax;

/// <summary>
/// The punctuation rule on trees written by this team: the words' heads are given (1-based, 0 for the root), every mark
/// starts on the first word, and the rule must put each where the UD convention wants it.
/// </summary>
public class PunctuationAttachmentTests
{
    [Theory]
    // A comma before a conjunct hangs from that conjunct; the final mark from the root.
    [InlineData("Jis atėjo , bet ji išėjo .", new[] { 2, 0, 1, 6, 6, 2, 1 }, new[] { 2, 0, 6, 6, 6, 2, 2 })]
    [InlineData("Atvyko ministrai , ambasadoriai ir žurnalistai .", new[] { 0, 1, 1, 2, 6, 2, 1 }, new[] { 0, 1, 4, 2, 6, 2, 1 })]
    // Quotes hang from the one word of what they enclose whose head is outside them; the colon from the quoted clause.
    [InlineData("Jis pasakė : „ Ateisiu rytoj “ .", new[] { 2, 0, 1, 1, 2, 5, 1, 1 }, new[] { 2, 0, 5, 5, 2, 5, 5, 2 })]
    [InlineData("Bendrovė „ Lietuvos geležinkeliai “ pranešė .", new[] { 6, 1, 4, 1, 1, 0, 1 }, new[] { 6, 4, 4, 1, 4, 0, 6 })]
    // A comma opening a relative clause hangs from the clause's verb.
    [InlineData("Vyras , kuris atėjo , yra mano brolis .", new[] { 8, 1, 4, 1, 1, 8, 8, 0, 1 }, new[] { 8, 4, 4, 1, 1, 8, 8, 0, 8 })]
    // Brackets around an explanation.
    [InlineData("Seimas ( parlamentas ) posėdžiavo .", new[] { 5, 1, 1, 1, 0, 1 }, new[] { 5, 3, 1, 3, 0, 5 })]
    public void PunctuationAttachment_FollowsTheUdConvention(string sentence, int[] parsed, int[] expected)
    {
        var words = sentence.Split(' ').Select(w => ParserWord.Of(w, w, null, char.IsPunctuation(w[0]) ? Upos.PUNCT : Upos.NOUN, default)).ToArray();
        var heads = parsed.Select(h => h - 1).ToArray();
        PunctuationAttachment.Reattach(words, heads);
        Assert.Equal(expected.Select(h => h - 1).ToArray(), heads);
    }

    [Fact]
    public void PunctuationAttachment_LeavesAMarkWithDependentsOrAtTheRootAlone()
    {
        // `–` heads a word and `.` is the root: neither may move (a cycle, or a sentence without a root).
        var words = "Jis – ten .".Split(' ').Select(w => ParserWord.Of(w, w, null, char.IsPunctuation(w[0]) ? Upos.PUNCT : Upos.NOUN, default)).ToArray();
        int[] heads = [3, 3, 1, -1];
        PunctuationAttachment.Reattach(words, heads);
        Assert.Equal([3, 3, 1, -1], heads);
    }
}
