using Kronika.Core.Model;

namespace Kronika.Core.Tests;

public class DocumentTests
{
    [Fact]
    public void Document_ViewsReadTheTokenTable()
    {
        var doc = new Document("Vilnius yra sostinė.");
        doc.AddToken(0, 7, TokenKind.Word, TokenFlags.SpaceAfter);
        doc.AddToken(8, 3, TokenKind.Word, TokenFlags.SpaceAfter);
        doc.AddToken(12, 7, TokenKind.Word);
        doc.AddToken(19, 1, TokenKind.Punctuation);
        doc.AddSentence(0, 4);
        doc.TokenAt(0).Lemma = doc.Vocabulary.Intern("Vilnius");
        doc.TokenAt(0).Upos = Upos.PROPN;

        var sentence = doc.Sentence(0);
        Assert.Equal("Vilnius yra sostinė.", sentence.Text);
        Assert.Equal(["Vilnius", "yra", "sostinė", "."], sentence.Tokens.Tokens().Select(t => t.Text));
        Assert.Equal("Vilnius", doc.Token(0).Lemma);
        Assert.Equal(Upos.PROPN, doc.Token(0).Upos);
        Assert.Null(doc.Token(1).Lemma);
        Assert.True(doc.Token(0).SpaceAfter);
        Assert.False(doc.Token(2).SpaceAfter);
    }

    [Fact]
    public void Token_ReadsTheDependencyTree()
    {
        // Ministras susitiko su ambasadore . | Tai viskas .
        var doc = new Document("Ministras susitiko su ambasadore. Tai viskas.");
        int[] starts = [0, 10, 19, 22, 32, 34, 38, 44];
        int[] lengths = [9, 8, 2, 10, 1, 3, 6, 1];
        for (var i = 0; i < starts.Length; i++) doc.AddToken(starts[i], lengths[i], TokenKind.Word);
        doc.AddSentence(0, 5);
        doc.AddSentence(5, 3);
        (int Head, string Deprel)[] tree = [(1, "nsubj"), (-1, "root"), (3, "case"), (1, "obl:arg"), (1, "punct"), (6, "nsubj"), (-1, "root"), (6, "punct")];
        Assert.Empty(doc.Token(1).Children()); // not parsed yet
        for (var i = 0; i < tree.Length; i++)
        {
            doc.TokenAt(i).Head = tree[i].Head;
            doc.TokenAt(i).Deprel = doc.Vocabulary.Intern(tree[i].Deprel);
        }
        doc.TokenAt(2).Lemma = doc.Vocabulary.Intern("su");
        doc.Layers |= Layers.Syntax;

        var verb = doc.Token(1);
        Assert.Null(verb.Head);
        Assert.Equal("susitiko", doc.Token(0).Head?.Text);
        Assert.Equal(["Ministras", "ambasadore", "."], verb.Children().Select(t => t.Text));
        Assert.Equal("Ministras", verb.Subject?.Text);
        Assert.Null(verb.Object);
        Assert.Equal([("ambasadore", "su")], verb.Obliques().Select(o => (o.Oblique.Text, o.Preposition)));
        Assert.True(doc.Token(3).Is("obl"));
        Assert.False(doc.Token(3).Is("ob"));
        Assert.Equal(["Tai", "."], doc.Token(6).Children().Select(t => t.Text));
        Assert.Equal(1, doc.SentenceOf(6));
    }

    [Fact]
    public void Document_RefusesTokensOutsideTheTextOrOverlapping()
    {
        var doc = new Document("abc def");
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.AddToken(5, 3, TokenKind.Word));
        doc.AddToken(0, 3, TokenKind.Word);
        Assert.Throws<ArgumentException>(() => doc.AddToken(2, 2, TokenKind.Word));
    }

    [Fact]
    public void Document_TokenTableGrowsPastItsFirstCapacity()
    {
        var text = string.Join(' ', Enumerable.Repeat("a", 1000));
        var doc = new Document(text);
        for (var i = 0; i < 1000; i++) doc.AddToken(i * 2, 1, TokenKind.Word);
        Assert.Equal(1000, doc.TokenCount);
        Assert.Equal(1998, doc.Token(999).Start);
    }

    [Fact]
    public void Vocabulary_InternsEachStringOnce()
    {
        var vocabulary = new Vocabulary();
        var a = vocabulary.Intern("karys");
        var b = vocabulary.Intern("karys".AsSpan());
        Assert.Equal(a, b);
        Assert.Equal("karys", vocabulary[a]);
        Assert.Equal(0, vocabulary.Intern(""));
        Assert.Null(vocabulary[0]);
    }
}
