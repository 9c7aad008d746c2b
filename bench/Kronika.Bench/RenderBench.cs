using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Kronika.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

/// <summary>
/// `load --render --db PATH [--against URL]`: each view's first render in Debian's chromium on loopback, over an existing
/// store. A view is opened afresh (a new tab, the page's files cached as a returning reader has them) and timed from the
/// start of navigation until the page marks it drawn (`aria-busy=false`: its first meaningful content — for most views
/// all their data, for the entity page its header and chart, its other sections coming after), and until it is complete
/// (the network idle: the last API answer of the view, sections and charts, has come; resource timing), N times with
/// different questions; medians and p90 per view. The start page, which asks the server for nothing, is the baseline of
/// the same run. With `--against URL` (another build's `kronika serve` over the same store) each view is timed on both
/// servers in turn, the order alternating, and so is each entity question's API answer. Also the page's weight: script
/// and style as served, raw and gzipped.
/// </summary>
public static class RenderBench
{
    public const string Chromium = "/usr/bin/chromium";

    public static async Task Run(string store, int runs, string? against = null, string? served = null)
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is not installed (apt-get install -y chromium)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {(served is null ? $"store {store}" : $"server {served}")}{(against is null ? "" : $", against {against}")}");
        // This build's server: in this process over the store, or (`--url`) a `kronika serve` of its own, so that a
        // comparison with --against runs both builds alike, each in a process of its own.
        await using var app = KronikaWeb.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration["Kronika:Db"] = store;
        });
        if (served is null) await app.StartAsync();
        var url = served?.TrimEnd('/') ?? app.Urls.First();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        // The servers measured: this build's, and the other build's before it when there is one.
        var servers = against is null ? new[] { ("this build", url) } : [("before (--against)", against.TrimEnd('/')), ("after (this build)", url)];

        foreach (var (name, server) in servers)
        {
            // The page's weight: what a first visit downloads (index.html aside), raw and gzip -9.
            using var client = new HttpClient { BaseAddress = new Uri(server) };
            long raw = 0, gzip = 0;
            foreach (var file in new[] { "app.js", "app.css", "labels.json", "viz.js" })
            {
                var bytes = await client.GetByteArrayAsync("/" + file);
                using var packed = new MemoryStream();
                using (var z = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(bytes);
                Console.WriteLine($"  {name}: {file}: {bytes.Length / 1024.0:F1} KB ({packed.Length / 1024.0:F1} KB gzip)");
                raw += bytes.Length;
                gzip += packed.Length;
            }
            Console.WriteLine($"{name}: page weight: script, style and labels {raw / 1024.0:F1} KB ({gzip / 1024.0:F1} KB gzip); the budget is 300 KB");
        }

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

        // The entity page's API answer (every part), and the entity's volume chart by publication, on each server in turn.
        if (against is not null)
        {
            var asked = people.Concat(places).ToArray();
            foreach (var (what, path) in new (string, Func<string, string>)[] { ("GET /api/entities/{name}", n => $"/api/entities/{n}?period=month"), ("GET /api/volume?entity={name}", n => $"/api/volume?entity={n}&by=published") })
            {
                var times = servers.Select(_ => new List<double>()).ToArray();
                for (var i = 0; i < Math.Max(3, runs / 3); i++)
                    foreach (var s in Order(servers.Length, i))
                        foreach (var n in asked)
                        {
                            var clock = Stopwatch.StartNew();
                            using var answer = await http.GetAsync(servers[s].Item2 + path(n));
                            await answer.Content.ReadAsByteArrayAsync();
                            times[s].Add(clock.Elapsed.TotalMilliseconds);
                        }
                Console.WriteLine($"{what} over {string.Join(", ", asked)}: " + string.Join("; ", servers.Select((srv, s) => $"{srv.Item1} median {Median(times[s]):F0} ms, p90 {At(times[s], 0.9):F0} ms")));
            }
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var contexts = new List<IBrowserContext>();
        foreach (var _ in servers) contexts.Add(await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 800 } }));
        // Warm up: the page's files in the cache, the server's code jitted, every view once.
        for (var s = 0; s < servers.Length; s++)
            foreach (var (_, hash) in views) await Time(contexts[s], servers[s].Item2, hash(1000));
        var drawn = views.Select(_ => servers.Select(_ => new List<double>()).ToArray()).ToArray();
        var complete = views.Select(_ => servers.Select(_ => new List<double>()).ToArray()).ToArray();
        for (var v = 0; v < views.Length; v++)
            for (var i = 0; i < runs; i++)
            {
                foreach (var s in Order(servers.Length, i))
                {
                    var (d, c) = await Time(contexts[s], servers[s].Item2, views[v].Hash(i));
                    drawn[v][s].Add(d);
                    complete[v][s].Add(c);
                }
                if (i >= 2 && drawn[v].All(t => t.Min() > 5000)) break; // a view this slow is measured three times, not N
            }
        Console.WriteLine();
        Console.WriteLine("view | server | first render median / p90 ms (× start page) | complete median / p90 ms (× start page) | runs");
        for (var v = 0; v < views.Length; v++)
            for (var s = 0; s < servers.Length; s++)
            {
                var (d, c) = (drawn[v][s], complete[v][s]);
                var (home, homeComplete) = (Median(drawn[0][s]), Median(complete[0][s]));
                Console.WriteLine($"{views[v].Name} | {servers[s].Item1} | {Median(d):F0} / {At(d, 0.9):F0} ({Median(d) / Math.Max(0.001, home):F2}×) | " +
                    $"{Median(c):F0} / {At(c, 0.9):F0} ({Median(c) / Math.Max(0.001, homeComplete):F2}×) | {d.Count}");
            }
        foreach (var context in contexts) await context.CloseAsync();
        if (served is null) await app.StopAsync();
    }

    /// <summary>The order the servers are asked in on run <paramref name="i"/>: alternating, so neither always goes first.</summary>
    private static IEnumerable<int> Order(int servers, int i) => i % 2 == 0 ? Enumerable.Range(0, servers) : Enumerable.Range(0, servers).Reverse();

    private static double At(List<double> times, double q)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
    }

    private static double Median(List<double> times) => At(times, 0.5);

    /// <summary>
    /// Opens the view in a new tab: milliseconds from navigation start until the view is drawn, and until it is complete
    /// (the network idle, then the end of the last API answer in resource timing, or the drawing if later).
    /// </summary>
    private static async Task<(double Drawn, double Complete)> Time(IBrowserContext context, string url, string hash)
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
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 120_000 });
            var last = await page.EvaluateAsync<double>(
                "() => Math.max(0, ...performance.getEntriesByType('resource').filter(r => r.name.includes('/api/')).map(r => r.responseEnd))");
            return (ms, Math.Max(ms, last));
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
