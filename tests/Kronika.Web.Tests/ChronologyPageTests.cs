using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Kronika.Core.Pipeline;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;
using Kronika.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using System.Text.Json;

namespace Kronika.Web.Tests;

/// <summary>
/// A server on loopback over the samples and this team's articles on Russia–North Korea contacts
/// (Data/chronology.jsonl), and one headless chromium for the page tests.
/// </summary>
public sealed class ChronologySite : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly string _folder = Directory.CreateTempSubdirectory("kronika-page-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string Url { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public bool Available => File.Exists(Chromium);

    public async ValueTask InitializeAsync()
    {
        if (!Available) return;
        var db = Path.Combine(_folder, "kronika.db");
        using (var store = new SqliteStore(db))
            new Ingestor(LithuanianPipeline.Create(), new Pipeline([]), store).Run(
                ArticleReader.Read([TestPaths.Samples, Path.Combine(TestPaths.RepositoryRoot, "tests", "Kronika.Web.Tests", "Data", "chronology.jsonl")]), _ => { });
        _app = KronikaWeb.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration["Kronika:Db"] = "sqlite:" + db;
        });
        await _app.StartAsync();
        Url = _app.Urls.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// The page as a journalist uses it, in Debian's chromium: the question answered from the start page, deep links to a
/// report's sentence, paging, export and watch buttons, keyboard only, 400 px, the navigation race, and axe on every view.
/// Screenshots go to screenshots/ in the test output folder.
/// </summary>
public sealed class ChronologyPageTests(ChronologySite site) : IClassFixture<ChronologySite>
{
    /// <summary>Codes the API uses that the page must show in words.</summary>
    private static readonly string[] RawCodes = ["PAST_REF", "FUTURE_REF", "REPORTED", "ASSERTED", "NEGATED", "MOBILIZE", "CONSULT", "TMO", "APPROX"];

    private static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    private static async Task Shot(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
    }

    private async Task<IPage> Page(int width = 1200, int height = 900)
    {
        if (!site.Available) Assert.Skip($"{ChronologySite.Chromium} is not installed (apt-get install -y chromium; .ci/run does)");
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.Url });
        var page = await context.NewPageAsync();
        // The page speaks Lithuanian unless told otherwise.
        await page.GotoAsync(site.Url + "/");
        await page.WaitForSelectorAsync("h1");
        return page;
    }

    private static Task Rendered(IPage page) => page.WaitForSelectorAsync("#view > .view[aria-busy=false]");

    [Fact]
    public async Task The_journalists_question_is_answered_in_three_actions_with_dates_sources_and_figures()
    {
        var page = await Page();
        var actions = new List<string>();
        await page.FillAsync("form.question input[name=actor]", "Rusija");
        actions.Add("type Rusija");
        await page.FillAsync("form.question input[name=target]", "Šiaurės Korėja");
        actions.Add("type Šiaurės Korėja");
        await page.Locator("form.question input[name=from]").PressSequentiallyAsync("2024\n");
        actions.Add("type 2024 and Enter");
        Assert.True(actions.Count <= 3, string.Join(", ", actions));

        await page.WaitForSelectorAsync("table.chronicle tbody tr");
        await Rendered(page);
        Assert.Contains("#/chronicle?", page.Url);
        Assert.Contains("from=2024-01-01", page.Url);
        var table = await page.InnerTextAsync("table.chronicle");
        // Dates in words, the meeting of 2024-06-19 first among the calendar-dated ones, rows by event date.
        Assert.Contains("2024 m. birželio 19 d.", table);
        Assert.Contains("susitikimas ar pokalbis", table);
        Assert.Contains("Šiaurės Korėja → Rusija", table);
        // According to whom, and the casualty figures per source, the disagreeing ones marked.
        Assert.Contains("Pietų Korėja", table);
        Assert.Contains("Volodymyras Zelenskis", table);
        Assert.Contains("apie 100 karys", table);
        Assert.Contains("apie 3 000 karys", table.Replace('\u00a0', ' '));
        Assert.True(await page.Locator("table.chronicle li.conflict").CountAsync() > 0);
        Assert.Contains("Rytų žinios, 2024-06-20", table);
        var page1 = await page.InnerTextAsync("main");
        foreach (var code in RawCodes) Assert.DoesNotContain(code, page1);
        Assert.Matches(@"Įvykių: \d+", await page.InnerTextAsync(".count"));
        Assert.Equal(await page.InnerTextAsync(".count"), await page.InnerTextAsync("#status"));
        // Focus went to the view's heading.
        Assert.Equal("H1", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        await Shot(page, "chronology.png");

        await page.ClickAsync("#language");
        await page.WaitForSelectorAsync("text=Chronicle of events");
        var english = await page.InnerTextAsync("table.chronicle");
        Assert.Contains("19 June 2024", english);
        Assert.Contains("meeting or talks", english);
        Assert.Contains("about 100 karys", english);
        await Shot(page, "chronology-en.png");
        await page.ClickAsync("#language");
    }

    [Fact]
    public async Task A_report_opens_its_article_at_the_sentence_with_the_trigger_and_participants_marked()
    {
        var page = await Page(1200, 700);
        await page.GotoAsync(site.Url + "/#/chronicle?actor=Rusija&target=%C5%A0iaur%C4%97s%20Kor%C4%97ja&from=2024-01-01");
        await page.Locator("ul.reports a", new() { HasText = "Rytų žinios, 2024-06-20" }).First.ClickAsync();
        await page.WaitForSelectorAsync(".article .text .here");
        await Rendered(page);
        Assert.Matches(@"#/article/\d+\?s=\d+&t=\d+", page.Url);
        Assert.Equal("susitiko", await page.InnerTextAsync(".here.current"));
        var participants = await page.Locator(".here.participant").AllInnerTextsAsync();
        Assert.Contains(participants, p => p.Contains("Putinas", StringComparison.Ordinal));
        Assert.Contains(participants, p => p.Contains("Kim Jong Unu", StringComparison.Ordinal));
        // The same link opened afresh (shared) shows the same sentence.
        var link = page.Url;
        var other = await site.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 500 } });
        await other.GotoAsync(link);
        await other.WaitForSelectorAsync(".here.current");
        await other.WaitForFunctionAsync("() => { const r = document.querySelector('.here.current').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }");
        await Shot(page, "deep-link.png");
        await other.CloseAsync();

        // The entity page's events open their sentence too.
        await page.GotoAsync(site.Url + "/#/entity/Q7747");
        await page.WaitForSelectorAsync("table.events tbody tr");
        var trigger = await page.InnerTextAsync("table.events tbody tr q.sentence mark");
        await page.Locator("table.events tbody tr a").First.ClickAsync();
        await page.WaitForSelectorAsync(".here.current");
        Assert.Equal(trigger, await page.InnerTextAsync(".here.current"));
    }

    [Fact]
    public async Task Chronology_search_and_entity_index_page_through_their_results_with_shareable_addresses()
    {
        var page = await Page();
        await page.GotoAsync(site.Url + "/#/chronicle");
        await page.WaitForSelectorAsync(".pager .range");
        await Rendered(page);
        var range = await page.InnerTextAsync(".pager .range");
        Assert.Matches(@"^1–20 iš (\d+)$", range);
        var total = int.Parse(range.Split(' ').Last());
        Assert.True(total > 20);
        await page.Locator(".pager a[rel=next]").First.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.pager .range')?.textContent.startsWith('21–')");
        Assert.Contains("offset=20", page.Url);
        Assert.Equal(Math.Min(20, total - 20), await page.Locator("table.chronicle tbody tr").CountAsync());
        // Sorting by first report is in the address too.
        await page.SelectOptionAsync("form.chronicle select[name=order]", "report");
        await page.ClickAsync("form.chronicle button[type=submit]");
        await page.WaitForFunctionAsync("() => location.hash.includes('order=report') && document.querySelector('.pager .range')?.textContent.startsWith('1–')");

        await page.GotoAsync(site.Url + "/#/entities?type=LOC&sort=name");
        await page.WaitForSelectorAsync("table.entities tbody tr");
        var names = await page.Locator("table.entities tbody tr td:first-child").AllInnerTextsAsync();
        // In Lithuanian order: Č after C, Š after S, Ž last (the build has no lt-LT collation, so the letters decide).
        var letters = names.Select(n => Endpoints.Entities.Alphabet.IndexOf(char.ToLowerInvariant(n[0]))).ToList();
        Assert.Equal(letters.Order(), letters);
        Assert.Equal(20, names.Count);
        await page.Locator(".pager a[rel=next]").First.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.pager .range')?.textContent.startsWith('21–')");
        Assert.Contains("type=LOC", page.Url);
        await page.FillAsync("form.entities input[name=q]", "Korėj");
        await page.ClickAsync("form.entities button[type=submit]");
        await page.WaitForFunctionAsync("() => !location.hash.includes('offset') && document.querySelector('table.entities')");
        Assert.All(await page.Locator("table.entities tbody tr td:first-child").AllInnerTextsAsync(), n => Assert.Contains("Korėj", n));
        await Shot(page, "entities.png");

        // A name the store does not know says so instead of a silent zero.
        await page.GotoAsync(site.Url + "/#/chronicle?actor=Niekas%20Nebuv%C4%99s");
        await page.WaitForSelectorAsync("p.error");
        Assert.Contains("Niekas Nebuvęs", await page.InnerTextAsync("p.error"));
    }

    [Fact]
    public async Task Search_and_chronology_sort_newest_or_oldest_first_and_keep_the_order_in_the_address()
    {
        var page = await Page();
        await page.GotoAsync(site.Url + "/#/search?q=Lietuva");
        await page.WaitForSelectorAsync("ol.hits li");
        await page.SelectOptionAsync("form.search select[name=sort]", "oldest");
        await page.ClickAsync("form.search button[type=submit]");
        await page.WaitForFunctionAsync("() => location.hash.includes('sort=oldest') && document.querySelector('ol.hits li')");
        await Rendered(page);
        var shown = await page.Locator("ol.hits a.title").AllInnerTextsAsync();
        string[] Titles(string json) => JsonDocument.Parse(json).RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()!).ToArray();
        var oldest = Titles(await page.EvaluateAsync<string>("async () => await (await fetch('/api/search?q=Lietuva&sort=oldest&limit=20')).text()"));
        var relevance = Titles(await page.EvaluateAsync<string>("async () => await (await fetch('/api/search?q=Lietuva&limit=20')).text()"));
        Assert.Equal(oldest, shown);
        Assert.NotEqual(relevance, shown);
        // The export of the view keeps its order; the address, opened afresh, keeps the choice.
        Assert.Contains("sort=oldest", await page.GetAttributeAsync("a[data-format=jsonl]", "href"));
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("ol.hits li");
        Assert.Equal("oldest", await page.InputValueAsync("form.search select[name=sort]"));
        Assert.Equal(shown, await page.Locator("ol.hits a.title").AllInnerTextsAsync());

        await page.GotoAsync(site.Url + "/#/chronicle");
        await page.WaitForSelectorAsync("table.chronicle tbody tr");
        await page.SelectOptionAsync("form.chronicle select[name=order]", "event-desc");
        await page.ClickAsync("form.chronicle button[type=submit]");
        await page.WaitForFunctionAsync("() => location.hash.includes('order=event-desc') && document.querySelector('table.chronicle tbody tr')");
        var first = JsonDocument.Parse(await page.EvaluateAsync<string>("async () => await (await fetch('/api/chronicle?order=event-desc&limit=1')).text()"))
            .RootElement.GetProperty("events")[0].GetProperty("from").GetString()!;
        Assert.Contains(first[..4], await page.InnerTextAsync("table.chronicle tbody tr td:first-child"));
        Assert.Contains("order=event-desc", await page.GetAttributeAsync("a[data-format=csv]", "href"));
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    [Fact]
    public async Task Export_buttons_download_the_view_and_a_watch_gives_its_feed_address()
    {
        var page = await Page();
        await page.GotoAsync(site.Url + "/#/chronicle?actor=Rusija&target=%C5%A0iaur%C4%97s%20Kor%C4%97ja&from=2024-01-01");
        await page.WaitForSelectorAsync("table.chronicle tbody tr");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-format=csv]"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("event_id,", csv);
        Assert.Contains("Pietų Korėja", csv);
        // The export is of this view: no event without both sides (the 2026 storm, the 2023 basketball game).
        Assert.DoesNotContain("Žalgiris", csv);
        var gdelt = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-format=gdelt]"));
        Assert.Contains("\t", await File.ReadAllTextAsync(await gdelt.PathAsync()));

        await page.GotoAsync(site.Url + "/#/search?q=Kim%20Jong%20Unas");
        await page.WaitForSelectorAsync("ol.hits li");
        var jsonl = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-format=jsonl]"));
        Assert.All((await File.ReadAllLinesAsync(await jsonl.PathAsync())).Where(l => l.Length > 0), l => Assert.StartsWith("{", l));
        await page.FillAsync("input[name=watch]", "kim-ir-putinas");
        await page.ClickAsync("form.watch button[type=submit]");
        await page.WaitForSelectorAsync("#feed-address");
        var feed = await page.InputValueAsync("#feed-address");
        Assert.Equal(site.Url + "/feeds/kim-ir-putinas.atom", feed);
        await page.ClickAsync("button.copy");
        await page.WaitForSelectorAsync("text=Adresas nukopijuotas.");
        Assert.Equal(feed, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        var atom = await page.APIRequest.GetAsync(feed);
        Assert.Equal(200, atom.Status);
        Assert.Contains("<feed", await atom.TextAsync());
        // The same name for something else is refused in the page's language.
        await page.GotoAsync(site.Url + "/#/search?q=biud%C5%BEetas");
        await page.WaitForSelectorAsync("input[name=watch]");
        await page.FillAsync("input[name=watch]", "kim-ir-putinas");
        await page.ClickAsync("form.watch button[type=submit]");
        await page.WaitForSelectorAsync(".watch-result .error");
        Assert.Contains("jau užimtas", await page.InnerTextAsync(".watch-result .error"));
        await Shot(page, "watch.png");
    }

    [Fact]
    public async Task Keyboard_alone_goes_from_search_to_an_article_and_a_values_panel()
    {
        var page = await Page();
        async Task TabTo(string selector)
        {
            for (var i = 0; i < 80; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                if (await page.EvaluateAsync<bool>($"document.activeElement.matches({System.Text.Json.JsonSerializer.Serialize(selector)})")) return;
            }
            Assert.Fail($"Tab never reached {selector}");
        }
        await TabTo("form.search input[name=q]");
        await page.Keyboard.TypeAsync("Putinui");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("ol.hits li");
        Assert.Equal("H1", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        await TabTo("ol.hits a.title");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".article .text .mark");
        await Rendered(page);
        await page.WaitForFunctionAsync("() => document.activeElement.tagName === 'H1'");
        await TabTo(".article .text .mark.time");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#panel:not([hidden])");
        Assert.Equal("panel", await page.EvaluateAsync<string>("document.activeElement.id"));
        var panel = await page.InnerTextAsync("#panel");
        Assert.Contains("Reikšmė", panel);
        Assert.Matches(@"\d{4} m\. [a-ząčęėįšųūž]+ \d+ d\.", panel);
        await Shot(page, "keyboard-panel.png");
        await page.Keyboard.PressAsync("Escape");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.classList.contains('mark')"));
        // An entity's panel links to its page; an event's panel tells its details in words.
        await TabTo(".article .text .mark.ent");
        await page.Keyboard.PressAsync(" ");
        await page.WaitForSelectorAsync("#panel:not([hidden]) a[href^='#/entity/']");
        await page.Keyboard.PressAsync("Escape");
        await TabTo(".article .text .mark.trigger");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#panel:not([hidden]) dl");
        var eventPanel = await page.InnerTextAsync("#panel");
        foreach (var code in RawCodes) Assert.DoesNotContain(code, eventPanel);
    }

    [Fact]
    public async Task Every_view_reads_at_400_pixels_without_sideways_scrolling_and_passes_axe()
    {
        var page = await Page(400, 800);
        var article = await page.EvaluateAsync<long>("fetch('/api/search?q=Kim%20Jong%20Unas').then(r => r.json()).then(b => b.hits[0].id)");
        var views = new (string Name, string Hash, string Ready)[]
        {
            ("home", "#/", "form.question"),
            ("chronology", "#/chronicle?actor=Rusija&target=%C5%A0iaur%C4%97s%20Kor%C4%97ja&from=2024-01-01", "table.chronicle"),
            ("search", "#/search?q=Putinas", "ol.hits"),
            ("article", $"#/article/{article}?ev=0", ".article .text"),
            ("entity", "#/entity/Q7747", "table.events"),
            ("entities", "#/entities", "table.entities"),
        };
        foreach (var (name, hash, ready) in views)
        {
            await page.GotoAsync(site.Url + "/" + hash);
            await page.WaitForSelectorAsync(ready);
            await Rendered(page);
            var (scroll, inner) = (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth"), await page.EvaluateAsync<int>("innerWidth"));
            Assert.True(scroll <= inner, $"{name}: the page is {scroll} px wide in a {inner} px window");
            await Shot(page, $"narrow-{name}.png");
            var axe = await page.RunAxe();
            var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, $"{name}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
        }
    }

    [Fact]
    public async Task A_slow_view_left_behind_never_shows_in_the_next_one()
    {
        var page = await Page();
        var release = new TaskCompletionSource();
        await page.RouteAsync(new System.Text.RegularExpressions.Regex("/api/search\\?"), async route =>
        {
            await release.Task;
            try { await route.ContinueAsync(); } catch (PlaywrightException) { /* the page gave up on it: as it should */ }
        });
        await page.EvaluateAsync("location.hash = '#/search?q=Putinas'");
        await page.WaitForSelectorAsync("form.search");
        await page.EvaluateAsync("location.hash = '#/entities'");
        await page.WaitForSelectorAsync("table.entities tbody tr");
        release.SetResult();
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Equal(0, await page.Locator("ol.hits").CountAsync());
        Assert.Equal(1, await page.Locator("#view > .view").CountAsync());
        Assert.Equal("Subjektų rodyklė", await page.InnerTextAsync("h1"));
        await Shot(page, "race.png");
    }

    [Fact]
    public async Task A_server_error_is_told_in_the_pages_language()
    {
        var page = await Page();
        await page.GotoAsync(site.Url + "/#/search?q=%22Putinas");
        await page.WaitForSelectorAsync("p.error");
        Assert.Contains("Užklausa neperskaitoma", await page.InnerTextAsync("p.error"));
        await page.RouteAsync(new System.Text.RegularExpressions.Regex("/api/chronicle\\?"), route => route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = "{\"title\":\"Request took too long\",\"status\":503}" }));
        await page.GotoAsync(site.Url + "/#/chronicle?q=karys");
        await page.WaitForSelectorAsync("p.error");
        Assert.Contains("užtruko per ilgai", await page.InnerTextAsync("p.error"));
    }
}
