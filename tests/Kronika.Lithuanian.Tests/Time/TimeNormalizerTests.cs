using System.Text;
using System.Text.Json;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Lithuanian.Time;
using Kronika.Tests;

namespace Kronika.Lithuanian.Tests.Time;

/// <summary>
/// The team's time-expression suite (Time/time-cases.jsonl: sentence, publication date, expected text, type, value,
/// modifier), one test per line, plus publication-date formats, golden files over samples/ and hostile input.
/// </summary>
public class TimeNormalizerTests
{
    private static readonly string CasesFile = Path.Combine(TestPaths.RepositoryRoot, "tests", "Kronika.Lithuanian.Tests", "Time", "time-cases.jsonl");

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        var n = 0;
        foreach (var line in File.ReadLines(CasesFile))
            if (!string.IsNullOrWhiteSpace(line)) data.Add(++n, line);
        return data;
    }

    [Fact]
    public void TimeSuite_HasAtLeast250Cases() => Assert.True(Cases().Count >= 250, $"only {Cases().Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void TimeNormalizer_FindsAndNormalizesTheExpressions(int line, string json)
    {
        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        var text = root.GetProperty("text").GetString()!;
        var dct = DateOnly.Parse(root.GetProperty("dct").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var expected = root.GetProperty("times").EnumerateArray()
            .Select(t => $"{t.GetProperty("text").GetString()} | {t.GetProperty("type").GetString()} | {t.GetProperty("value").GetString()} | {(t.GetProperty("mod").ValueKind == JsonValueKind.Null ? "-" : t.GetProperty("mod").GetString())}")
            .ToList();
        var doc = Analyze.Full.Process(new Document(text, dct));
        var actual = doc.Times.Select(t => $"{text[t.Start..t.End]} | {t.Type} | {t.Value} | {t.Mod ?? "-"}").ToList();
        Assert.True(expected.SequenceEqual(actual), $"line {line}: {text}\n expected: {string.Join("; ", expected)}\n actual:   {string.Join("; ", actual)}");
    }

    [Theory]
    [InlineData("2016 m. gruodžio 22 d. 11:10", "2016-12-22", "11:10")]
    [InlineData("2018-03-22 / 18:30", "2018-03-22", "18:30")]
    [InlineData("Pirmadienis, 12 Kovas 2018 14:04", "2018-03-12", "14:04")]
    [InlineData("SAU 03 10:08 2018", "2018-01-03", "10:08")]
    [InlineData("2025-08-13T09:15:00+03:00", "2025-08-13", "09:15")]
    [InlineData("Publikuota: 2024.05.07", "2024-05-07", null)]
    [InlineData("2023 m. rugsėjo 1 d.", "2023-09-01", null)]
    public void PublicationDate_ReadsTheFormatsOfLithuanianNewsSites(string text, string date, string? time)
    {
        var parsed = PublicationDate.Load().Parse(text);
        Assert.NotNull(parsed);
        Assert.Equal(date, parsed.Value.Date.ToString("yyyy-MM-dd"));
        Assert.Equal(time, parsed.Value.Time?.ToString("HH:mm"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Vakar")]
    [InlineData("2025 m. vasario 30 d.")]
    [InlineData("Kovas 2018")]
    public void PublicationDate_RejectsIncompleteOrImpossibleDates(string text)
    {
        Assert.Null(PublicationDate.Load().Parse(text));
    }

    [Theory]
    [InlineData("2025-08-13-putinas-kim.txt")]
    [InlineData("2024-12-19-biudzetas-2025.txt")]
    [InlineData("2026-02-07-audra-vakaru-lietuvoje.txt")]
    [InlineData("2023-07-12-nato-vilniuje.txt")]
    public void Times_MatchGoldenFile(string sample)
    {
        var doc = Analyze.Full.Process(ArticleReader.Read([Path.Combine(TestPaths.Samples, sample)]).Single().Document!);
        var sb = new StringBuilder();
        foreach (var t in doc.Times)
            sb.Append($"{doc.Text[t.Start..t.End]}\t{t.Type}\t{t.Value}\t{t.Mod ?? "-"}{(t.Anchor is null ? "" : "\tanchor=" + t.Anchor)}\n");
        Golden.Check("Kronika.Lithuanian.Tests", "Time", Path.ChangeExtension(sample, ".times.tsv"), sb.ToString());
    }

    [Fact]
    public void TimeNormalizer_KeepsSpansInsideTheTextInOrder()
    {
        var random = new Random(7);
        string[] pieces = ["2024 m.", "rugpjūčio", "13 d.", "prieš", "po", "nuo", "iki", "vakar", "antradienį", "–", "15 val.", "trejus", "metus", "likus", "dienoms", "XX a.", "kovą", ".", "9-ajame", "dešimtmetyje", "tą", "pačią", "dieną", "kas", "savaitę"];
        var text = string.Join(' ', Enumerable.Range(0, 3000).Select(_ => pieces[random.Next(pieces.Length)]));
        var doc = Analyze.Full.Process(new Document(text, new DateOnly(2025, 8, 13)));
        var previousEnd = 0;
        foreach (var t in doc.Times)
        {
            Assert.True(t.Start >= previousEnd && t.End > t.Start && t.End <= text.Length);
            Assert.False(string.IsNullOrEmpty(t.Value));
            previousEnd = t.End;
        }
        Assert.NotEmpty(doc.Times);
    }
}
