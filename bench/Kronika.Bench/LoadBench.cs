using System.Diagnostics;
using Kronika.Core.Pipeline;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;
using Kronika.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// `load`: the web server under load on loopback. A synthetic corpus is ingested into a fresh store, the server is
/// started in this process, and N clients request searches (the store bench's query mix) and articles with every layer
/// for a fixed time. Reports throughput, latency percentiles per kind, errors, and the working set over the run (flat
/// means no leak). Baseline from the same run: the page's stylesheet, a static file, under the same load. With `--db URI`
/// the server opens that store instead (nothing is ingested; articles are drawn from its ids).
/// </summary>
public static class LoadBench
{
    public static async Task Run(string root, int articles, int seconds, int clients, bool views = false, string? existing = null)
    {
        var folder = Directory.CreateTempSubdirectory("kronika-load-").FullName;
        try
        {
            Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
            var db = "sqlite:" + Path.Combine(folder, "kronika.db");
            if (existing is not null)
            {
                db = existing;
                using var store = StoreFactory.Open(db, create: false);
                articles = (int)await store.LastArticleIdAsync();
                Console.WriteLine($"store: {db}, {store.ArticleCount():N0} articles (ids up to {articles:N0})");
            }
            else
            {
                var pipeline = LithuanianPipeline.Create();
                var clock = Stopwatch.StartNew();
                using (var store = StoreFactory.Open(db))
                    new Ingestor(pipeline, new Pipeline([]), store).Run(ArticleReader.Read([StoreBench.WriteCorpus(root, folder, articles, pipeline)]), _ => { });
                Console.WriteLine($"store: {articles:N0} synthetic articles ingested in {clock.Elapsed.TotalSeconds:F0} s");
            }

            await using var app = KronikaWeb.Build([], builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Configuration["Kronika:Db"] = db;
            });
            await app.StartAsync();
            var url = app.Urls.First();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };

            var baseline = await Load(http, clients, TimeSpan.FromSeconds(Math.Max(5, seconds / 10)), _ => ("static", "/app.css"));
            Report("baseline: GET /app.css", baseline, null);
            if (views)
            {
                // The article view alone: every layer (what it served before `?layers=`), then the default (no tokens),
                // then one layer, each after the same static-file baseline in this run.
                foreach (var (what, query) in new[] { ("every layer (?layers=all)", "?layers=all"), ("default: every layer but tokens", ""), ("?layers=entities", "?layers=entities") })
                {
                    Func<int, (string, string)> view = _ => ("article", $"/api/articles/{Random.Shared.Next(1, articles + 1)}{query}");
                    await Load(http, clients, TimeSpan.FromSeconds(3), view); // warm up
                    var sizes = await http.GetByteArrayAsync($"/api/articles/1{query}");
                    Report($"article view, {what}, {clients} clients, {seconds} s, {sizes.Length / 1024.0:F0} KB for article 1", await Load(http, clients, TimeSpan.FromSeconds(seconds), view), baseline);
                }
                await app.StopAsync();
                return;
            }
            var searches = StoreBench.MixAsUrls().ToArray();
            Func<int, (string, string)> next = i => i % 2 == 0
                ? ("search", searches[(i / 2) % searches.Length])
                : ("article", $"/api/articles/{Random.Shared.Next(1, articles + 1)}");
            await Load(http, clients, TimeSpan.FromSeconds(5), next); // warm up
            var memory = new List<double>();
            var sampler = new Timer(_ => { lock (memory) memory.Add(Process.GetCurrentProcess().WorkingSet64 / 1048576.0); }, null, TimeSpan.Zero, TimeSpan.FromSeconds(5));
            var result = await Load(http, clients, TimeSpan.FromSeconds(seconds), next);
            await sampler.DisposeAsync();
            Report($"search + article (50/50), {clients} clients, {seconds} s", result, baseline);
            foreach (var kind in new[] { "search", "article" })
                Report($"  {kind}", result with { Latencies = result.Latencies.Where(l => l.Kind == kind).ToList() }, null);
            Console.WriteLine($"working set during the run (every 5 s): first {memory[0]:F0} MB, last {memory[^1]:F0} MB, max {memory.Max():F0} MB");
            // Flat or not: the mean of each tenth of the run, first to last.
            var tenth = Math.Max(1, memory.Count / 10);
            Console.WriteLine("working set by tenth of the run (MB): " + string.Join(", ", memory.Chunk(tenth).Select(c => c.Average().ToString("F0"))));
            await app.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Result(List<(string Kind, double Ms)> Latencies, int Errors, double Seconds);

    /// <summary>Runs <paramref name="clients"/> clients for the given time, each sending the next request as soon as the last is answered.</summary>
    private static async Task<Result> Load(HttpClient http, int clients, TimeSpan duration, Func<int, (string Kind, string Path)> next)
    {
        var latencies = new List<(string, double)>();
        var errors = 0;
        var counter = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var (kind, path) = next(Interlocked.Increment(ref counter));
                var sw = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
                lock (latencies) latencies.Add((kind, sw.Elapsed.TotalMilliseconds));
            }
        }));
        return new Result(latencies, errors, clock.Elapsed.TotalSeconds);
    }

    private static void Report(string what, Result r, Result? baseline)
    {
        var times = r.Latencies.Select(l => l.Ms).Order().ToList();
        double At(double q) => times.Count == 0 ? 0 : times[Math.Min(times.Count - 1, (int)(q * times.Count))];
        var ratio = baseline is null ? "" : $" ({At(0.95) / Math.Max(0.001, baseline.Latencies.Select(l => l.Ms).Order().ElementAt((int)(0.95 * baseline.Latencies.Count))):F0}× the baseline's p95)";
        Console.WriteLine($"{what}: {times.Count:N0} requests, {times.Count / r.Seconds:F0}/s, p50 {At(0.5):F1} ms, p95 {At(0.95):F1} ms, p99 {At(0.99):F1} ms, {r.Errors} errors{ratio}");
    }
}
