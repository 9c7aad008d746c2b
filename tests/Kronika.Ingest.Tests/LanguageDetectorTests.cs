using System.Text;

namespace Kronika.Ingest.Tests;

public sealed class LanguageDetectorTests : IDisposable
{
    private const string Lithuanian =
        "Vyriausybė trečiadienį pritarė naujam biudžeto projektui, kuriame numatyta daugiau lėšų švietimui ir sveikatos apsaugai.";

    private const string English =
        "The government approved the new budget draft on Wednesday, setting aside more money for schools and hospitals.";

    private const string Russian =
        "Правительство в среду одобрило новый проект бюджета, в котором предусмотрено больше средств на школы и больницы.";

    private readonly string _dir = Directory.CreateTempSubdirectory("kronika-lang-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(Lithuanian, "lt")]
    // No ė, į or ų: this one is Lingua's to decide, not the fast path's.
    [InlineData("Seimas patvirtino naują biudžetą, o ministras pirmininkas papasakojo apie artimiausius planus.", "lt")]
    // An English text full of Lithuanian names is still English.
    [InlineData("Officials in Klaipėda and Šiauliai said the new ferry line to Kiel would open in spring, the port authority confirmed.", "en")]
    [InlineData(English, "en")]
    [InlineData(Russian, "ru")]
    [InlineData("Valdība trešdien apstiprināja jauno budžeta projektu, kurā paredzēts vairāk naudas skolām un slimnīcām.", "lv")]
    [InlineData("Rząd w środę zatwierdził nowy projekt budżetu, w którym przewidziano więcej pieniędzy na szkoły i szpitale.", "pl")]
    [InlineData("Уряд у середу схвалив новий проєкт бюджету, у якому передбачено більше коштів на школи та лікарні.", "uk")]
    public void Detect_NamesTheLanguageOfAParagraph(string text, string language)
    {
        Assert.Equal(language, LanguageDetector.Shared.Detect(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello world")]
    [InlineData("Привет, мир")]
    [InlineData("2025-08-13 15:30, 42 %")]
    public void Detect_TakesTextOfFewerThanTwentyLettersAsLithuanian(string text)
    {
        Assert.Equal("lt", LanguageDetector.Shared.Detect(text));
    }

    [Fact]
    public void Read_SetsTheLanguageOfEveryArticle()
    {
        var path = Path.Combine(_dir, "kalbos.jsonl");
        var lines = new[] { Lithuanian, English, Russian }.Select(t => $$"""{"date": "2025-01-01", "text": "{{t}}"}""");
        File.WriteAllLines(path, lines, new UTF8Encoding(false));
        var txt = Path.Combine(_dir, "seed.txt");
        File.WriteAllText(txt, " date 2025-01-01 " + English, new UTF8Encoding(false));

        var languages = ArticleReader.Read([path, txt]).Select(r => r.Document!.Language).ToList();

        Assert.Equal(["lt", "en", "ru", "en"], languages);
    }
}
