using System.Globalization;
using System.Text.RegularExpressions;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Tests;

namespace Kronika.Cli.Tests;

/// <summary>The bench corpus reads like news: real calendar days, and the people users ask about.</summary>
public sealed class SyntheticCorpusTests
{
    private static readonly Lazy<List<string>> Articles = new(() =>
    {
        var pipeline = LithuanianPipeline.Create();
        var corpus = new SyntheticCorpus(ArticleReader.Read([TestPaths.Samples]).Select(r => pipeline.Process(r.Document!)));
        return Enumerable.Range(0, 300).Select(i => corpus.Article(i)).ToList();
    });

    // The months in the genitive, as a day follows them (`lapkričio 5 d.`), with their lengths (February as in a leap year).
    private static readonly (string Genitive, int Days)[] Months =
    [
        ("sausio", 31), ("vasario", 29), ("kovo", 31), ("balandžio", 30), ("gegužės", 31), ("birželio", 30),
        ("liepos", 31), ("rugpjūčio", 31), ("rugsėjo", 30), ("spalio", 31), ("lapkričio", 30), ("gruodžio", 31),
    ];

    [Fact]
    public void SyntheticCorpus_WritesOnlyDaysThatTheirMonthHas()
    {
        var pattern = new Regex(@"\b(" + string.Join('|', Months.Select(m => m.Genitive)) + @") (\d+)(?= d\.|-[ąoa]|\b)", RegexOptions.IgnoreCase);
        var seen = 0;
        var bad = new List<string>();
        foreach (var text in Articles.Value)
            foreach (Match m in pattern.Matches(text))
            {
                seen++;
                var days = Months.First(x => x.Genitive.Equals(m.Groups[1].Value, StringComparison.OrdinalIgnoreCase)).Days;
                var day = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                if (day < 1 || day > days) bad.Add(m.Value);
            }
        Assert.True(seen >= 100, $"only {seen} day-month expressions in 300 articles");
        Assert.Empty(bad);
    }

    [Theory]
    [InlineData("Putino")]
    [InlineData("Nausėda")]
    [InlineData("Zelenskis")]
    public void SyntheticCorpus_KeepsTheSamplesPeople(string form)
    {
        var count = Articles.Value.Count(a => a.Contains(form, StringComparison.Ordinal));
        Assert.True(count >= 5, $"{form} in {count} of 300 articles");
    }

    [Fact]
    public void SyntheticCorpus_StillRenamesSomePeople()
    {
        // The same seed with another index gives another mix: some articles name people the samples never name.
        var samples = string.Join('\n', Directory.GetFiles(TestPaths.Samples).Select(File.ReadAllText));
        var surname = new Regex(@"\b[A-ZČŠŽ]\. ([A-ZČŠŽĄĘĖĮŲŪ][a-ząčęėįšųūž]+)");
        var unseen = Articles.Value.SelectMany(a => surname.Matches(a)).Select(m => m.Groups[1].Value).Distinct().Count(s => !samples.Contains(s, StringComparison.Ordinal));
        Assert.True(unseen >= 10, $"only {unseen} surnames not in the samples");
    }
}
