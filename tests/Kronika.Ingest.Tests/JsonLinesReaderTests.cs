using Kronika.Core.Model;

namespace Kronika.Ingest.Tests;

public class JsonLinesReaderTests
{
    [Fact]
    public void Read_TakesEveryLineOfJsonLinesAsAnArticle()
    {
        var path = TestData.File("jsonl", "articles.jsonl");
        var results = ArticleReader.Read([path]).ToList();

        Assert.All(results, r => Assert.Null(r.Error));
        var docs = results.Select(r => r.Document!).ToList();
        Assert.Equal([new DateOnly(2025, 8, 13), new DateOnly(2025, 8, 14), new DateOnly(2025, 8, 15)], docs.Select(d => d.Date!.Value));
        Assert.Equal(
            "Antradienį Vilniuje užfiksuota aukščiausia šios vasaros temperatūra.\nSinoptikai perspėja, kad karštis tęsis iki savaitgalio.",
            docs[0].Text);
        Assert.Equal([new TextRange(0, 68), new TextRange(69, 124)], docs[0].Paragraphs);
        // The blank third line is skipped, and the names still count every line of the file.
        Assert.Equal(
            new ArticleSource($"{Path.GetFileName(path)}:1", "https://www.orai.example/vilnius/karstis", "www.orai.example", "Vilniuje – karščio rekordas", $"{path}:1"),
            docs[0].Source);
        Assert.Equal(new ArticleSource($"{Path.GetFileName(path)}:2", null, "Šiaulių kraštas", "Šiauliuose atnaujinta aikštė", $"{path}:2"), docs[1].Source);
        Assert.Equal(new ArticleSource($"{Path.GetFileName(path)}:4", "https://kultura.example/teatras", "kultura.example", null, $"{path}:4"), docs[2].Source);
    }

    [Fact]
    public void Read_ReportsEachBadJsonLineByFileAndLineAndKeepsTheGoodOnes()
    {
        var path = TestData.File("jsonl", "mixed.jsonl");
        var results = ArticleReader.Read([path]).ToList();

        Assert.Equal(8, results.Count);
        Assert.Equal("Pirmas geras straipsnis apie žiemos orus Lietuvoje.", results[0].Document!.Text);
        Assert.Equal("Paskutinis geras straipsnis apie pavasario potvynius.", results[7].Document!.Text);
        Assert.Equal(
            [
                $"error: {path}:2: invalid JSON: Expected end of string, but instead reached end of data.",
                $"error: {path}:3: missing \"text\"",
                $"error: {path}:4: impossible date 2025-02-30",
                $"error: {path}:5: not a JSON object",
                $"error: {path}:6: missing \"date\" (or pass --date)",
                $"error: {path}:7: \"text\" must be a string, not number",
            ],
            results[1..7].Select(r => r.Error!.ToString()));
    }

    [Fact]
    public void ParseJsonLines_DateOptionSuppliesOnlyMissingDates()
    {
        const string text = """
            {"date": "2025-01-02", "text": "Su data."}
            {"text": "Be datos."}
            """;
        var docs = ArticleReader.ParseJsonLines(text, "a.jsonl", new DateOnly(2020, 5, 5)).Select(r => r.Document!).ToList();
        Assert.Equal([new DateOnly(2025, 1, 2), new DateOnly(2020, 5, 5)], docs.Select(d => d.Date!.Value));
    }

    [Theory]
    [InlineData("2025-08-13", 2025, 8, 13)]
    [InlineData("2025-08-13T23:30:00+03:00", 2025, 8, 13)]
    [InlineData("2016 m. gruodžio 22 d. 11:10", 2016, 12, 22)]
    [InlineData("2018-03-22 / 18:30", 2018, 3, 22)]
    [InlineData("Pirmadienis, 12 Kovas 2018 14:04", 2018, 3, 12)]
    [InlineData("Thu, 22 Dec 2016 00:10:00 +0200", 2016, 12, 22)]
    public void ParseJsonLines_ReadsDatesInEveryPublishedForm(string date, int year, int month, int day)
    {
        var line = $$"""{"date": "{{date}}", "text": "Tekstas."}""";
        var doc = ArticleReader.ParseJsonLines(line, "a.jsonl").Single().Document!;
        Assert.Equal(new DateOnly(year, month, day), doc.Date);
    }

    [Fact]
    public void ParseJsonLines_ReportsAFileOfBlankLines()
    {
        var error = ArticleReader.ParseJsonLines("\n  \n", "a.jsonl").Single().Error!;
        Assert.Equal("error: a.jsonl: no articles: every line is blank", error.ToString());
    }
}
