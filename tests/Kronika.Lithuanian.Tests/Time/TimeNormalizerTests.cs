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
    [InlineData("2013/12/02 8:14", "2013-12-02", "08:14")]
    [InlineData("2018 03 20 9:40", "2018-03-20", "09:40")]
    [InlineData("2018-03-22T21:05:43+02:00", "2018-03-22", "21:05")]
    [InlineData("2024-01-15T23:40:00Z", "2024-01-15", "23:40")]
    [InlineData("2018.03.22 18:30", "2018-03-22", "18:30")]
    [InlineData("Antradienis, 3 Sausis 2017 09:12", "2017-01-03", "09:12")]
    [InlineData("Šeštadienis, 28 Vasaris 2015", "2015-02-28", null)]
    [InlineData("GRU 24 08:00 2019", "2019-12-24", "08:00")]
    [InlineData("LAP 05 17:45 2021", "2021-11-05", "17:45")]
    [InlineData("Paskelbta 2020 m. birželio 9 d., 07:05", "2020-06-09", "07:05")]
    [InlineData("2019 m. spalio 30 d. 16:20", "2019-10-30", "16:20")]
    [InlineData("Atnaujinta 2022-11-04 / 12:00", "2022-11-04", "12:00")]
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
    [InlineData("prieš 1 d.")]
    [InlineData("2018 13 40 9:40")]
    [InlineData("Sau 03 10:08 2018")]
    public void PublicationDate_RejectsIncompleteOrImpossibleDates(string text)
    {
        Assert.Null(PublicationDate.Load().Parse(text));
    }

    [Theory]
    [InlineData("prieš 1 d.", "2025-09-09")]
    [InlineData("prieš 3 d.", "2025-09-07")]
    [InlineData("1 sav. prieš", "2025-09-03")]
    [InlineData("2 d. prieš", "2025-09-08")]
    [InlineData("Vakar", "2025-09-09")]
    [InlineData("vakar 14:20", "2025-09-09")]
    public void PublicationDate_ResolvesRelativeLinesAgainstTheDayTheyWereRead(string text, string date)
    {
        var parsed = PublicationDate.Load().Parse(text, new DateOnly(2025, 9, 10));
        Assert.NotNull(parsed);
        Assert.Equal(date, parsed.Value.Date.ToString("yyyy-MM-dd"));
    }

    /// <summary>Issue 21: dates at the calendar's edges never throw; what cannot be represented stays unresolved.</summary>
    [Theory]
    [InlineData("0001-01-01", "Vakar", "XXXX-XX-XX")]
    [InlineData("0001-01-01", "praėjusį pirmadienį", "XXXX-XX-XX")]
    [InlineData("0001-01-01", "pernai", "XXXX")]
    [InlineData("0001-01-01", "praėjusią žiemą", "XXXX-XX")]
    [InlineData("0001-01-01", "prieš dvejus metus", "XXXX")]
    [InlineData("0001-02-10", "prieš 10 dienų", "0001-01-31")]
    [InlineData("9999-12-31", "rytoj", "XXXX-XX-XX")]
    [InlineData("9999-12-31", "kitais metais", "XXXX")]
    [InlineData("9999-12-31", "kitą savaitę", "XXXX-WXX")]
    [InlineData("9999-12-31", "po trijų mėnesių", "XXXX-XX")]
    [InlineData("9999-12-31", "kitą pirmadienį", "XXXX-XX-XX")]
    [InlineData("9999-12-31", "kitame amžiuje", "XX")]
    [InlineData("9999-12-27", "rytoj", "9999-12-28")]
    public void TimeNormalizer_LeavesDatesOutsideTheCalendarUnresolved(string dct, string expression, string value)
    {
        var text = $"Tai įvyko {expression}.";
        var doc = Analyze.Full.Process(new Document(text, DateOnly.Parse(dct, System.Globalization.CultureInfo.InvariantCulture)));
        var time = Assert.Single(doc.Times);
        Assert.Equal(value, time.Value);
    }

    /// <summary>Issue 21: the whole pipeline and the reader on articles dated 0001-01-01 and 9999-12-31.</summary>
    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-01-02")]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-27")]
    public void Pipeline_AnalyzesArticlesAtTheCalendarsEdgesWithoutThrowing(string dct)
    {
        var text = $" date {dct} Kraštas\nVakar Vilniuje posėdžiavo Vyriausybė, o praėjusį pirmadienį ministras pirmininkas susitiko su prezidentu. "
            + "Pernai ir užpernai buvo sausra, praėjusią žiemą buvo šalta. Kitais metais, kitą savaitę ir rytoj vyks rinkimai, poryt bus šilta. "
            + "Po dvejų metų bus geriau, prieš trejus metus buvo blogiau. Kitą žiemą, praėjusio amžiaus 9-ajame dešimtmetyje, po Velykų ir prieš Kalėdas. "
            + "Likus trims dienoms iki susitikimo policija sulaikė 3 įtariamuosius. Susitikimas vyks rytoj 15 val.\n";
        var read = ArticleReader.Read(["-"], stdin: () => new MemoryStream(Encoding.UTF8.GetBytes(text))).Single();
        Assert.Null(read.Error);
        var doc = Analyze.Full.Process(read.Document!);
        Assert.NotEmpty(doc.Times);
        Assert.All(doc.Times, t => Assert.False(string.IsNullOrEmpty(t.Value)));
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

    /// <summary>Articles the team wrote for the forms of issue 17 (Time/Articles), compared with reviewed golden files.</summary>
    [Theory]
    [InlineData("2025-09-10-naujienu-datos.txt")]
    public void Times_OfTeamArticles_MatchGoldenFile(string article)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "tests", "Kronika.Lithuanian.Tests", "Time", "Articles", article);
        var doc = Analyze.Full.Process(ArticleReader.Read([path]).Single().Document!);
        var sb = new StringBuilder();
        foreach (var t in doc.Times)
            sb.Append($"{doc.Text[t.Start..t.End]}\t{t.Type}\t{t.Value}\t{t.Mod ?? "-"}\n");
        Golden.Check("Kronika.Lithuanian.Tests", "Time", Path.ChangeExtension(article, ".times.tsv"), sb.ToString());
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
