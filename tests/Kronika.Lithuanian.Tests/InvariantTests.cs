using System.Text;
using Kronika.Core.Model;

namespace Kronika.Lithuanian.Tests;

/// <summary>Whatever the text, tokens and sentences stay inside it, in order, and nothing throws or hangs.</summary>
public class InvariantTests
{
    private static void AssertWellFormed(Document doc)
    {
        var previousEnd = 0;
        for (var i = 0; i < doc.TokenCount; i++)
        {
            var t = doc.Token(i);
            Assert.True(t.Start >= previousEnd, $"token {i} starts at {t.Start}, before the previous end {previousEnd}");
            Assert.True(t.End > t.Start && t.End <= doc.Text.Length);
            Assert.Equal(doc.Text[t.Start..t.End], t.Text);
            // Nothing but separators is left out between tokens.
            foreach (var c in doc.Text.AsSpan(previousEnd, t.Start - previousEnd))
                Assert.True(char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format,
                    $"character U+{(int)c:X4} before token {i} is in no token");
            previousEnd = t.End;
        }
        var next = 0;
        foreach (var s in doc.Sentences())
        {
            Assert.Equal(next, s.FirstToken);
            next += s.TokenCount;
        }
        Assert.Equal(doc.TokenCount, next);
    }

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Tokenizer_KeepsOffsetsInOrderOnRandomText(int seed)
    {
        const string alphabet = "aąbcčdeęėfghiįyjklmnoprsštuųūvzžAĄBČĖŠŽ0123456789 .,;:!?-–—„“\"'’()[]/@%€+&*#…\n\t\u00A0\u200B\u00AD";
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            var roll = random.Next(100);
            if (roll < 2) sb.Append("😀👍🏽🇱🇹"[random.Next(0, 3) * 2]); // a lone high surrogate
            else if (roll < 4) sb.Append('\0');
            else if (roll < 6) sb.Append("https://lrt.lt/a(b)");
            else if (roll < 8) sb.Append(" 2024 m. V. ");
            else sb.Append(alphabet[random.Next(alphabet.Length)]);
        }
        AssertWellFormed(Analyze.Text(sb.ToString()));
    }

    [Theory]
    [InlineData("a")]
    [InlineData(".")]
    [InlineData(" ")]
    [InlineData("-")]
    [InlineData("„")]
    [InlineData("1")]
    [InlineData("😀")]
    [InlineData("\uD800")]
    [InlineData("\0")]
    [InlineData("a.")]
    [InlineData("m. ")]
    [InlineData("1 ")]
    [InlineData("a-")]
    [InlineData("(")]
    [InlineData("http://a)")]
    [InlineData("x@")]
    [InlineData("V. ")]
    [InlineData("?!")]
    [InlineData("\u0301")]
    public async Task Tokenizer_HandlesAMegabyteOfOneThingQuickly(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 1_000_000 / unit.Length));
        var doc = await Task.Run(() => Analyze.Text(text)).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        AssertWellFormed(doc);
    }

    [Fact]
    public void Tokenizer_HandlesMixedScripts()
    {
        var doc = Analyze.Text("Lietuva 立陶宛 Литва ليتوانيا लिथुआनिया Λιθουανία. Ką sakė Путин? Nieko.");
        AssertWellFormed(doc);
        Assert.Contains(doc.Tokens(), t => t.Text == "Литва");
        Assert.Contains(doc.Tokens(), t => t.Text == "Λιθουανία");
        Assert.Equal(3, doc.SentenceCount);
    }

    [Fact]
    public void Tokenizer_HandlesEmptyAndBlankText()
    {
        Assert.Equal(0, Analyze.Text("").TokenCount);
        Assert.Equal(0, Analyze.Text(" \n\t\0 ").TokenCount);
        Assert.Equal(0, Analyze.Text(" \n ").SentenceCount);
    }
}
