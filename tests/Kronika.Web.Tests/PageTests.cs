using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Kronika.Web.Tests;

/// <summary>
/// The page in a real browser (Debian's chromium, headless, driven by Playwright) against a server on loopback with
/// the samples ingested. Screenshots go to screenshots/ in the test output folder.
/// </summary>
public sealed class PageTests(SampleStore samples) : IClassFixture<SampleStore>
{
    private const string Chromium = "/usr/bin/chromium";

    private static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    private static async Task Shot(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
    }

    [Fact]
    public async Task A_journalist_searches_opens_an_article_and_an_entity_page_in_either_language()
    {
        if (!File.Exists(Chromium)) Assert.Skip($"{Chromium} is not installed (apt-get install -y chromium; .ci/run does)");
        // An article whose text is markup: the page must show it as text.
        using (var store = new SqliteStore(samples.Db["sqlite:".Length..]))
            store.Write([StoredArticle.From(new SearchLemmas().Analyze(new Document(
                "Kibernetinė ataka: į svetainę įterptas kodas <script>document.title='pwned'</script> ir <img src=x onerror=\"document.title='pwned'\">.",
                new DateOnly(2025, 9, 1), new ArticleSource("hostile.txt"))))]);
        await using var app = KronikaWeb.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration["Kronika:Db"] = samples.Db;
        });
        await app.StartAsync();
        var url = app.Urls.First();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });

        await page.GotoAsync(url + "/");
        await page.FillAsync("form.search input[name=q]", "Putinui");
        await page.ClickAsync("form.search button");
        await page.WaitForSelectorAsync("ol.hits li mark");
        Assert.StartsWith("Putin", await page.Locator("ol.hits li mark").First.InnerTextAsync());
        await Shot(page, "search.png");

        await page.Locator("ol.hits a.title", new() { HasText = "Kim Jong Unas" }).First.ClickAsync();
        await page.WaitForSelectorAsync(".article .text .ent");
        Assert.True(await page.Locator(".article .text .ent").CountAsync() > 5);
        Assert.True(await page.Locator(".article .text .trigger").CountAsync() > 0);
        // The search's word is marked in the article in every form (Putinas, Putino, Putinui…).
        var hits = await page.Locator(".article .text .hit").AllInnerTextsAsync();
        Assert.True(hits.Count > 1);
        Assert.All(hits, h => Assert.StartsWith("Putin", h));
        Assert.True(hits.Distinct().Count() > 1, string.Join(", ", hits));
        // A value in words: the time mark opens its panel; the events are told in words, not codes.
        await page.Locator(".article .text .mark.time").First.ClickAsync();
        Assert.Contains("2025 m. rugpjūčio 12 d.", await page.InnerTextAsync("#panel"));
        Assert.Contains("susitikimas ar pokalbis (telefonu)", await page.InnerTextAsync("aside .event-list"));
        await Shot(page, "article.png");

        await page.Locator("aside a", new() { HasText = "Vladimiras Putinas" }).ClickAsync();
        await page.WaitForSelectorAsync("svg.chart rect, figure.kv-volume:not([hidden])");
        Assert.Equal("Vladimiras Putinas", await page.InnerTextAsync("h1"));
        Assert.Equal("https://www.wikidata.org/wiki/Q7747", await page.Locator("a", new() { HasText = "Q7747" }).GetAttributeAsync("href"));
        await Shot(page, "entity.png");

        await page.ClickAsync("#language");
        Assert.Equal("Search", await page.InnerTextAsync("header nav a[href='#/search']"));
        await page.WaitForSelectorAsync("text=Mentioned with");
        await Shot(page, "entity-en.png");
        await page.ClickAsync("#language");
        Assert.Equal("Paieška", await page.InnerTextAsync("header nav a[href='#/search']"));

        await page.GotoAsync(url + "/#/?q=kibernetinė");
        await page.Locator("ol.hits a.title").First.ClickAsync();
        await page.WaitForSelectorAsync(".article .text p");
        Assert.Contains("<script>document.title='pwned'</script>", await page.InnerTextAsync(".article .text"));
        Assert.Equal("Kronika", await page.TitleAsync());
        // Only the page's own scripts (app.js, and viz.js when the charts are in), none from the article.
        Assert.All(await page.Locator("script").EvaluateAllAsync<string[]>("s => s.map(x => x.getAttribute('src') || '')"), src => Assert.Matches("^/[a-z]+\\.js$", src));
    }
}
