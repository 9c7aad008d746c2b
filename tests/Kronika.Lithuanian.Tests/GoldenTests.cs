using System.Text;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Tests;

namespace Kronika.Lithuanian.Tests;

/// <summary>Tokens and sentences of a few sample articles, compared with reviewed golden files.</summary>
public class GoldenTests
{
    [Theory]
    [InlineData("2025-08-13-putinas-kim.txt")]
    [InlineData("2024-12-19-biudzetas-2025.txt")]
    [InlineData("2024-01-28-gripo-epidemija.txt")]
    [InlineData("2023-11-10-zalgiris-real.txt")]
    public void Sentences_MatchGoldenFile(string sample)
    {
        var read = ArticleReader.Read([Path.Combine(TestPaths.Samples, sample)]).Single();
        Assert.Null(read.Error);
        var doc = LithuanianPipeline.Create().Process(read.Document!);
        Golden.Check("Kronika.Lithuanian.Tests", "Sentences", Path.ChangeExtension(sample, ".tokens.txt"), Render(doc));
    }

    /// <summary>One sentence per line, tokens separated by " | "; `~` marks abbreviations and initials, `+` a thousands group.</summary>
    private static string Render(Document doc)
    {
        var sb = new StringBuilder();
        foreach (var sentence in doc.Sentences())
        {
            var first = true;
            foreach (var t in sentence.Tokens.Tokens())
            {
                if (!first) sb.Append(" | ");
                first = false;
                if (t.Has(TokenFlags.NumberGroup)) sb.Append('+');
                sb.Append(t.Span);
                if (t.Has(TokenFlags.Abbreviation) || t.Has(TokenFlags.Initial)) sb.Append('~');
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
