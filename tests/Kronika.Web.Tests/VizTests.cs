using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Kronika.Web.Tests;

/// <summary>
/// The bundled charts (wwwroot/viz.js) in Debian's chromium: KronikaViz.volume and KronikaViz.map drawn from the real
/// /api/volume and /api/places of the samples, read as a user and a screen reader would. Screenshots go to screenshots/.
/// </summary>
public sealed class VizTests(SampleStore samples) : IClassFixture<SampleStore>
{
    private const string Chromium = "/usr/bin/chromium";

    private static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    [Fact]
    public async Task The_volume_chart_has_axes_values_and_a_table_and_the_map_has_countries_and_a_focusable_circle_per_place()
    {
        if (!File.Exists(Chromium)) Assert.Skip($"{Chromium} is not installed (apt-get install -y chromium; .ci/run does)");
        await using var app = KronikaWeb.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration["Kronika:Db"] = samples.Db;
        });
        await app.StartAsync();
        var url = app.Urls.First();
        using (var http = new HttpClient())
            if (!(await http.GetAsync(url + "/viz.js")).IsSuccessStatusCode)
                Assert.Skip("wwwroot/viz.js was not built (node and npm are needed at build time; the build warned)");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 1100 } });
        var errors = new List<string>();
        // Failed requests are told by their responses (the browser's own /favicon.ico aside).
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add(m.Text); };
        page.Response += (_, r) => { if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) errors.Add($"{r.Status} {r.Url}"); };
        page.PageError += (_, e) => errors.Add(e);
        // Nothing but the server is asked for: no tiles, no CDN.
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);

        await page.GotoAsync(url + "/");
        await page.WaitForFunctionAsync("() => window.KronikaViz !== undefined");
        var drawn = await page.EvaluateAsync<JsonElement>("""
            async () => {
              document.body.replaceChildren();
              const volume = await (await fetch("/api/volume?by=published&bucket=month")).json();
              const places = await (await fetch("/api/places")).json();
              const chart = document.createElement("section");
              const map = document.createElement("section");
              document.body.append(chart, map);
              window.KronikaViz.volume(chart, volume.series, { by: "published", lang: "lt" });
              window.KronikaViz.map(map, places.places, { lang: "lt", onSelect: (p) => { window.selected = p.name; } });
              return { series: volume.series, places: places.places };
            }
            """);
        var series = drawn.GetProperty("series").EnumerateArray().ToList();
        var places = drawn.GetProperty("places").EnumerateArray().ToList();
        Assert.True(series.Count >= 10, $"{series.Count} months");
        Assert.NotEmpty(places);

        // The volume chart: a bar per period, a count axis and a time axis with labels, the highest value written out,
        // a title, and the same numbers in a table for screen readers.
        var chart = page.Locator("section").First;
        Assert.Equal(series.Count, await chart.Locator("rect.kv-bar").CountAsync());
        var counts = await chart.Locator(".kv-axis-y text").AllTextContentsAsync();
        Assert.Contains("0", counts);
        Assert.True(counts.Count(c => int.TryParse(c, out _)) >= 2, string.Join(",", counts));
        var times = await chart.Locator(".kv-axis-x text").AllTextContentsAsync();
        Assert.Contains(times, t => t.Contains("2025", StringComparison.Ordinal));
        Assert.Contains("Paskelbimo data", times);
        Assert.Contains(times, t => t.StartsWith("saus.", StringComparison.Ordinal)); // January, with its year under it
        var max = series.Max(p => p.GetProperty("count").GetInt32());
        Assert.Contains(max.ToString(System.Globalization.CultureInfo.InvariantCulture), await chart.Locator(".kv-value").AllTextContentsAsync());
        Assert.Equal("Straipsniai per mėnesį pagal paskelbimo datą", await chart.Locator("svg > title").TextContentAsync());
        Assert.NotNull(await chart.Locator("svg").GetAttributeAsync("aria-labelledby"));
        Assert.Equal(series.Count, await chart.Locator("table.kv-data tbody tr").CountAsync());
        Assert.Equal("2025 m. rugpjūtis", await chart.Locator("table.kv-data tbody th").Nth(series.FindIndex(p => p.GetProperty("date").GetString() == "2025-08")).TextContentAsync());

        // The map: the world's countries, a circle per place named with its count, reachable and chosen by keyboard.
        var map = page.Locator("section").Nth(1);
        Assert.True(await map.Locator("path.kv-country").CountAsync() > 150);
        var marks = map.Locator("g.kv-place");
        Assert.Equal(places.Count, await marks.CountAsync());
        Assert.Equal(places.Count, await map.Locator("g.kv-place circle").CountAsync());
        // The samples' capitals, countries, regions and cities are each drawn where they are (a country at its capital).
        foreach (var (name, lat, lon) in new[] { ("Vilnius", 54.69, 25.28), ("Maskva", 55.76, 37.62), ("Pchenjanas", 39.03, 125.75), ("Vašingtonas", 38.9, -77.04),
                     ("Ženeva", 46.2, 6.15), ("Rusija", 55.76, 37.62), ("Kursko sritis", 51.74, 36.19), ("Sumų sritis", 50.92, 34.8) })
        {
            var place = Assert.Single(places, p => p.GetProperty("name").GetString() == name);
            Assert.Equal(lat, place.GetProperty("lat").GetDouble(), 0.3);
            Assert.Equal(lon, place.GetProperty("lon").GetDouble(), 0.3);
            Assert.Equal(1, await map.Locator($"g.kv-place[aria-label^='{name}: '] circle").CountAsync());
        }
        Assert.Contains("(rodoma sostinėje)", await map.Locator("g.kv-place[aria-label^='Rusija: ']").GetAttributeAsync("aria-label"));
        var vilnius = places.Single(p => p.GetProperty("name").GetString() == "Vilnius");
        var vilniusMark = map.Locator("g.kv-place[aria-label^='Vilnius: ']");
        Assert.Equal("0", await vilniusMark.GetAttributeAsync("tabindex"));
        Assert.Contains($"{vilnius.GetProperty("count").GetInt32()} ", await vilniusMark.GetAttributeAsync("aria-label"));
        // The place with the most events (the API lists them by count) is named on the map; others may give way to it.
        var top = places[0].GetProperty("name").GetString()!;
        Assert.Contains(await map.Locator(".kv-labels text").AllTextContentsAsync(), t => t.StartsWith(top, StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Tab");
        for (var i = 0; i < 5 && !await page.EvaluateAsync<bool>("() => document.activeElement?.classList.contains('kv-place')"); i++)
            await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')");
        await page.Keyboard.PressAsync("Enter");
        Assert.StartsWith(await page.EvaluateAsync<string>("() => window.selected"), focused);

        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "viz.png"), FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {Path.Combine(Screenshots, "viz.png")}");

        // English, and a narrow screen: the same drawing in the page's other language, within 400 px.
        await page.SetViewportSizeAsync(400, 900);
        await page.EvaluateAsync("""
            async () => {
              const volume = await (await fetch("/api/volume?by=event&bucket=month")).json();
              const places = await (await fetch("/api/places")).json();
              const [chart, map] = document.querySelectorAll("section");
              window.KronikaViz.volume(chart, volume.series, { by: "event", lang: "en" });
              window.KronikaViz.map(map, places.places, { lang: "en" });
            }
            """);
        Assert.Equal("Articles per month by the dates they talk about", await chart.Locator("svg > title").TextContentAsync());
        Assert.Contains("Date talked about", await chart.Locator(".kv-axis-x text").AllTextContentsAsync());
        var wide = await page.EvaluateAsync<string>("""
            () => document.documentElement.scrollWidth <= 400 ? "" : [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 400)
              .map((e) => `${e.tagName}.${e.getAttribute("class")} ${Math.round(e.getBoundingClientRect().right)}`).slice(0, 5).join("; ")
            """);
        Assert.True(wide.Length == 0, wide);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "viz-400-en.png"), FullPage = true });

        Assert.Empty(errors);
        Assert.All(requests, r => Assert.StartsWith(url, r));
    }
}
