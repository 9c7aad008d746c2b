using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Kronika.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

/// <summary>
/// `load --render --db PATH`: each view's first render in Debian's chromium on loopback, over an existing store. A view
/// is opened afresh (a new tab, the page's files cached as a returning reader has them) and timed from the start of
/// navigation until the page marks it drawn (`aria-busy=false`: its data fetched and written into the page), N times
/// with different questions; medians and p90 per view. The start page, which asks the server for nothing, is the
/// baseline of the same run. Also the page's weight: script and style as served, raw and gzipped.
/// </summary>
public static class RenderBench
{
    public const string Chromium = "/usr/bin/chromium";

    public static async Task Run(string store, int runs)
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is not installed (apt-get install -y chromium)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, store {store}");
        await using var app = KronikaWeb.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration["Kronika:Db"] = store;
        });
        await app.StartAsync();
        var url = app.Urls.First();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };

        // The page's weight: what a first visit downloads (index.html aside), raw and gzip -9.
        long raw = 0, gzip = 0;
        foreach (var file in new[] { "app.js", "app.css", "labels.json", "viz.js" })
        {
            var bytes = await http.GetByteArrayAsync("/" + file);
            using var packed = new MemoryStream();
            using (var z = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(bytes);
            Console.WriteLine($"  {file}: {bytes.Length / 1024.0:F1} KB ({packed.Length / 1024.0:F1} KB gzip)");
            raw += bytes.Length;
            gzip += packed.Length;
        }
        Console.WriteLine($"page weight: script, style and labels {raw / 1024.0:F1} KB ({gzip / 1024.0:F1} KB gzip); the budget is 300 KB");

        // The questions: the store bench's searches, the most written-about people and places, articles across the store.
        var stats = JsonDocument.Parse(await http.GetStringAsync("/api/articles?limit=1")).RootElement;
        var articles = stats.GetProperty("total").GetInt32();
        Console.WriteLine($"{articles:N0} articles in the store");
        // The samples' people and places (bench gen builds every article from them); the entity list itself is a view measured below.
        string[] people = ["Q7747", "Q9268379", "Q3874799", "Q22686"];
        string[] places = ["Q216", "Q159", "Q423", "Q212"];
        var queries = StoreBench.Mix.Where(m => m.Query.Length > 0).Select(m => m.Query).Distinct().ToArray();
        var ids = JsonDocument.Parse(await http.GetStringAsync($"/api/articles?limit=100&offset={Math.Min(articles / 2, 5000)}")).RootElement
            .GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToArray();
        var views = new (string Name, Func<int, string> Hash)[]
        {
            ("home (baseline: no request to the store)", _ => "#/"),
            ("search", i => "#/search?q=" + Uri.EscapeDataString(queries[i % queries.Length])),
            ("search, newest first", i => "#/search?sort=newest&q=" + Uri.EscapeDataString(queries[i % queries.Length])),
            ("chronicle", i => i % 2 == 0 ? "#/chronicle" : "#/chronicle?either=" + Uri.EscapeDataString(places[i % places.Length])),
            ("chronicle, newest first", i => "#/chronicle?order=event-desc&either=" + Uri.EscapeDataString(people[i % people.Length])),
            ("article", i => $"#/article/{ids[i % ids.Length]}"),
            ("entity", i => "#/entity/" + Uri.EscapeDataString(i % 2 == 0 ? people[i % people.Length] : places[i % places.Length])),
            ("entity index", i => i % 2 == 0 ? "#/entities" : "#/entities?type=LOC&sort=name"),
        };

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 800 } });
        // Warm up: the page's files in the cache, the server's code jitted, every view once.
        foreach (var (_, hash) in views) await Time(context, url, hash(1000));
        var home = new List<double>();
        foreach (var (name, hash) in views)
        {
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                times.Add(await Time(context, url, hash(i)));
                if (times.Count >= 3 && times.Min() > 5000) break; // a view this slow is measured three times, not N
            }
            if (home.Count == 0) home = times;
            times.Sort();
            double At(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
            var ratio = home == times ? "" : $" ({At(0.5) / Math.Max(0.001, home.Order().ElementAt(home.Count / 2)):F1}× the start page)";
            Console.WriteLine($"first render, {name}: median {At(0.5):F0} ms, p90 {At(0.9):F0} ms, max {times[^1]:F0} ms over {times.Count}{ratio}");
        }
        await app.StopAsync();
    }

    /// <summary>Opens the view in a new tab; milliseconds from navigation start until the view is drawn.</summary>
    private static async Task<double> Time(IBrowserContext context, string url, string hash)
    {
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(url + "/" + hash, new() { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
            var drawn = await page.WaitForFunctionAsync(
                "() => document.querySelector('#view > .view[aria-busy=false]') ? performance.now() : false",
                null, new() { PollingInterval = null, Timeout = 120_000 });
            var ms = await drawn.JsonValueAsync<double>();
            if (await page.QuerySelectorAsync("#view .error") is { } error) Console.WriteLine($"  {hash}: {ms:F0} ms, said: {await error.InnerTextAsync()}");
            return ms;
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
