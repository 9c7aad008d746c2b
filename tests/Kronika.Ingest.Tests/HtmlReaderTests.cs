using System.Text;
using Kronika.Core.Model;

namespace Kronika.Ingest.Tests;

public sealed class HtmlReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kronika-html-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Body = """
        <p>Trečiadienį Marijampolėje vyko tradicinė rudens mugė, į kurią suvažiavo ūkininkai ir amatininkai iš visos Suvalkijos.</p>
        <p>Prekeiviai siūlė medų, sūrius, rūkytą mėsą ir rankų darbo keramiką. Daugiausia pirkėjų sulaukė duonos kepėjai.</p>
        <p>Organizatoriai skaičiuoja, kad mugėje per dieną apsilankė apie penkis tūkstančius žmonių.</p>
        """;

    private const string BodyText =
        "Trečiadienį Marijampolėje vyko tradicinė rudens mugė, į kurią suvažiavo ūkininkai ir amatininkai iš visos Suvalkijos.\n" +
        "Prekeiviai siūlė medų, sūrius, rūkytą mėsą ir rankų darbo keramiką. Daugiausia pirkėjų sulaukė duonos kepėjai.\n" +
        "Organizatoriai skaičiuoja, kad mugėje per dieną apsilankė apie penkis tūkstančius žmonių.";

    /// <summary>A page with the common body, the given head elements, and the given HTML just above the text.</summary>
    private static string Page(string head = "", string aboveText = "") => $"""
        <!DOCTYPE html><html lang="lt"><head><meta charset="utf-8"><title>Marijampolėje – rudens mugė</title>{head}</head>
        <body><article><h1>Marijampolėje – rudens mugė</h1>{aboveText}{Body}</article></body></html>
        """;

    [Fact]
    public void Read_TakesTextTitleUrlAndMetaDateFromASavedPage()
    {
        var path = TestData.File("html", "meta-date.html");
        var doc = ArticleReader.Read([path]).Single().Document!;

        // The meta date wins over the site header's "today", and the navigation, byline, related links and footer
        // are not article text; the list items and the line after <br> are paragraphs of their own.
        Assert.Equal(new DateOnly(2025, 3, 11), doc.Date);
        Assert.Equal(
            new ArticleSource(Path.GetFileName(path), "https://www.miestozinios.example/kaunas/nauja-biblioteka", "www.miestozinios.example", "Kaune atidaryta nauja biblioteka", path),
            doc.Source);
        Assert.Equal(
            [
                "Antradienį Kauno Šilainių mikrorajone duris atvėrė nauja viešoji biblioteka, kurioje skaitytojų laukia daugiau nei trisdešimt tūkstančių knygų, erdvė vaikams ir tylos kambarys studentams.",
                "Bibliotekos vadovė Aušra Petrauskienė sakė, kad pirmąją dieną užsiregistravo beveik keturi šimtai naujų skaitytojų, o daugiausia dėmesio sulaukė vaikų literatūros skyrius.",
                "Pastato rekonstrukcija kainavo apie 3,2 milijono eurų. Didžiąją dalį lėšų skyrė savivaldybė, likusią dalį – valstybės investicijų programa.",
                "Darbai truko aštuoniolika mėnesių.",
                "Ką siūlys biblioteka",
                "Kas šeštadienį vyks garsiniai skaitymai mažiesiems.",
                "Vakarais veiks lietuvių kalbos kursai užsieniečiams.",
                "Savivaldybė planuoja kitais metais panašiai atnaujinti dar dvi rajonines bibliotekas Aleksote ir Dainavoje.",
            ],
            doc.Paragraphs.Select(p => doc.Text[p.Start..p.End]));
        Assert.Equal("lt", doc.Language);
    }

    [Fact]
    public void Read_TakesTheDateFromALithuanianDateLineInTheArticle()
    {
        var path = TestData.File("html", "date-line.html");
        var doc = ArticleReader.Read([path]).Single().Document!;

        // Not the top bar's "Šiandien 2026 m. sausio 5 d.": that is the day the page was saved.
        Assert.Equal(new DateOnly(2016, 12, 22), doc.Date);
        Assert.Equal(new ArticleSource(Path.GetFileName(path), "https://regionas.example/panevezys/tiltas", "regionas.example", "Panevėžyje pradėtas remontuoti tiltas per Nevėžį", path), doc.Source);
        Assert.StartsWith("Ketvirtadienį Panevėžyje prasidėjo", doc.Text);
        Assert.DoesNotContain("2016 m.", doc.Text);
        Assert.Equal(3, doc.Paragraphs.Count);
    }

    [Fact]
    public void Read_ReportsAPageWithoutAnyDateAndTakesTheDateOption()
    {
        var path = TestData.File("html", "no-date.html");

        var error = ArticleReader.Read([path]).Single().Error!;
        Assert.Equal($"error: {path}: missing date: no publication date in the page's meta tags or text (pass --date)", error.ToString());

        var doc = ArticleReader.Read([path], new DateOnly(2024, 7, 1)).Single().Document!;
        Assert.Equal(new DateOnly(2024, 7, 1), doc.Date);
        Assert.StartsWith("Į Klaipėdos kruizinių laivų terminalą", doc.Text);
    }

    [Fact]
    public void ParseHtml_DateOptionOverridesThePageDate()
    {
        var html = Page("""<meta property="article:published_time" content="2025-10-01T10:00:00+03:00">""");
        Assert.Equal(new DateOnly(2025, 10, 1), ArticleReader.ParseHtml(html, "a.html").Date);
        Assert.Equal(new DateOnly(2020, 1, 1), ArticleReader.ParseHtml(html, "a.html", new DateOnly(2020, 1, 1)).Date);
    }

    [Theory]
    [InlineData("""<meta property="og:published_time" content="2025-10-01T10:00:00+03:00">""")]
    [InlineData("""<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "headline": "Mugė", "datePublished": "2025-10-01T10:00:00+03:00"}]}</script>""")]
    [InlineData("""<meta itemprop="datePublished" content="2025-10-01">""")]
    [InlineData("""<meta name="pubdate" content="2025-10-01 10:00:00">""")]
    [InlineData("""<meta name="date" content="2025-10-01">""")]
    public void ParseHtml_ReadsTheDateFromEachKindOfMetadata(string head)
    {
        var doc = ArticleReader.ParseHtml(Page(head), "a.html");
        Assert.Equal(new DateOnly(2025, 10, 1), doc.Date);
        Assert.Equal(BodyText, doc.Text);
    }

    [Fact]
    public void ParseHtml_KeepsTheDateOfTheSourcesClockNotUtc()
    {
        // 00:30 in Vilnius is still the previous day in UTC; the article belongs to the day it was printed.
        var doc = ArticleReader.ParseHtml(Page("""<meta property="article:published_time" content="2025-10-02T00:30:00+03:00">"""), "a.html");
        Assert.Equal(new DateOnly(2025, 10, 2), doc.Date);
    }

    [Theory]
    [InlineData("""<div class="date">2016 m. gruodžio 22 d. 11:10</div>""", 2016, 12, 22)]
    [InlineData("""<span>Paskelbta: 2018-03-22 / 18:30</span>""", 2018, 3, 22)]
    [InlineData("""<p class="data">Pirmadienis, 12 Kovas 2018 14:04</p>""", 2018, 3, 12)]
    [InlineData("""<time datetime="2024-02-16T09:00:00+02:00">prieš 2 val.</time>""", 2024, 2, 16)]
    public void ParseHtml_ReadsThePrintedDateLine(string dateLine, int year, int month, int day)
    {
        var doc = ArticleReader.ParseHtml(Page(aboveText: dateLine), "a.html");
        Assert.Equal(new DateOnly(year, month, day), doc.Date);
        Assert.Equal(BodyText, doc.Text);
    }

    [Fact]
    public void ParseHtml_DoesNotTakeADateMentionedInASentence()
    {
        var html = Page(aboveText: "<p>Seimas 2016 m. gruodžio 22 d. posėdyje priėmė naują mugių įstatymą.</p>");
        var error = Assert.Throws<ArticleException>(() => ArticleReader.ParseHtml(html, "a.html"));
        Assert.StartsWith("missing date", error.Message);
    }

    [Fact]
    public void ParseHtml_ReportsAPageWithoutArticleText()
    {
        const string html = """<html><head><meta name="date" content="2025-01-01"></head><body><nav><a href="/">Pradžia</a></nav></body></html>""";
        var error = Assert.Throws<ArticleException>(() => ArticleReader.ParseHtml(html, "a.html"));
        Assert.Equal("no article text found in the page", error.Message);
    }

    [Fact]
    public void Read_DecodesAWindows1257Page()
    {
        var html = File.ReadAllText(TestData.File("html", "meta-date.html"), Encoding.UTF8)
            .Replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1257\">", StringComparison.Ordinal);
        var path = Path.Combine(_dir, "puslapis.html");
        File.WriteAllBytes(path, TextDecoder.Windows1257.GetBytes(html));

        var doc = ArticleReader.Read([path]).Single().Document!;
        Assert.StartsWith("Antradienį Kauno Šilainių mikrorajone duris atvėrė", doc.Text);
        Assert.Contains("likusią dalį – valstybės investicijų programa.", doc.Text);
        Assert.Equal("Kaune atidaryta nauja biblioteka", doc.Source.Title);
    }
}
