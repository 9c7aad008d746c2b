using System.Diagnostics;
using System.Net.Http.Json;
using Kronika.Core.Pipeline;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;
using Kronika.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// `soak`: the server on loopback under a mixed load for a long time — searches, article views, chronicle queries
/// (events, entity pages) and ingests through POST /api/ingest, all at once — with a report every minute: requests,
/// p95 per kind, 5xx answers, connection failures, and the working set. The point is what does not change: zero 5xx,
/// zero failures, a flat working set after warm-up.
/// </summary>
public static class SoakBench
{
    private const string Key = "soak-key";

    /// <summary>A line of /proc/self/status in MB (`RssAnon`, `RssFile`).</summary>
    private static string Status(string field) =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal)) is { } line
            ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0:F0} MB"
            : "?";

    public static async Task Run(string root, int articles, int minutes, int clients)
    {
        var folder = Directory.CreateTempSubdirectory("kronika-soak-").FullName;
        try
        {
            Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; {clients} clients for {minutes} min");
            var db = Path.Combine(folder, "kronika.db");
            var pipeline = LithuanianPipeline.Create();
            var clock = Stopwatch.StartNew();
            var corpus = StoreBench.WriteCorpus(root, folder, articles, pipeline);
            using (var store = new SqliteStore(db))
                new Ingestor(pipeline, new Pipeline([]), store).Run(ArticleReader.Read([corpus]), _ => { });
            Console.WriteLine($"store: {articles:N0} synthetic articles ingested in {clock.Elapsed.TotalSeconds:F0} s");
            // Texts for the ingests during the run: the corpus again under new URLs (each one analyzed and written).
            var texts = Directory.EnumerateFiles(corpus, "*.txt", SearchOption.AllDirectories).Take(500)
                .Select(f => ArticleReader.Read([f]).Single().Document!).Select(d => new { date = d.Date?.ToString("yyyy-MM-dd"), text = d.Text }).ToArray();

            await using var app = KronikaWeb.Build([], builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Configuration["Kronika:Db"] = "sqlite:" + db;
                builder.Configuration["Kronika:ApiKey"] = Key;
            });
            await app.StartAsync();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };

            var searches = StoreBench.MixAsUrls().ToArray();
            string[] entities = ["Putinas", "Lietuva", "Rusija", "Vilnius", "Nausėda", "NATO"];
            var ingested = 0;
            HttpRequestMessage Next(int i, out string kind)
            {
                switch (i % 20)
                {
                    case < 8:
                        kind = "search";
                        return new(HttpMethod.Get, searches[(i / 20 + i) % searches.Length]);
                    case < 14:
                        kind = "article";
                        return new(HttpMethod.Get, $"/api/articles/{Random.Shared.Next(1, articles + 1)}");
                    case < 16:
                        kind = "events";
                        return new(HttpMethod.Get, $"/api/events?limit=20&actor={Uri.EscapeDataString(entities[i % entities.Length])}");
                    case 16:
                        kind = "chronicle";
                        return new(HttpMethod.Get, $"/api/chronicle?limit=20&either={Uri.EscapeDataString(entities[i % entities.Length])}");
                    case 17:
                        kind = "entity";
                        return new(HttpMethod.Get, $"/api/entities/{Uri.EscapeDataString(entities[i % entities.Length])}");
                    default:
                        kind = "ingest";
                        var n = Interlocked.Increment(ref ingested);
                        var t = texts[n % texts.Length];
                        return new(HttpMethod.Post, "/api/ingest")
                        {
                            Headers = { { "X-Api-Key", Key } },
                            Content = JsonContent.Create(new[] { new { t.date, t.text, url = $"https://soak.example/{n}", title = (string?)null } }),
                        };
                }
            }

            var latencies = new List<(string Kind, double Ms, int Minute)>();
            int serverErrors = 0, failures = 0, otherErrors = 0, counter = 0, total = 0;
            var workingSets = new List<double>();
            var run = Stopwatch.StartNew();
            var duration = TimeSpan.FromMinutes(minutes);
            var minuteReports = Task.Run(async () =>
            {
                for (var m = 1; m <= minutes; m++)
                {
                    var wait = TimeSpan.FromMinutes(m) - run.Elapsed;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait);
                    List<(string Kind, double Ms, int Minute)> these;
                    lock (latencies)
                    {
                        these = latencies.Where(l => l.Minute == m - 1).ToList();
                        latencies.RemoveAll(l => l.Minute == m - 1); // reported: the client keeps nothing per request
                        total += these.Count;
                    }
                    double P95(IEnumerable<double> xs)
                    {
                        var sorted = xs.Order().ToList();
                        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(0.95 * sorted.Count))];
                    }
                    var kinds = string.Join(", ", these.GroupBy(l => l.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {P95(g.Select(l => l.Ms)):F0}"));
                    var workingSet = Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
                    workingSets.Add(workingSet);
                    Console.WriteLine($"minute {m,2}: {these.Count:N0} requests ({these.Count / 60.0:F0}/s), p95 {P95(these.Select(l => l.Ms)):F0} ms ({kinds} ms), " +
                        $"5xx so far {Volatile.Read(ref serverErrors)}, failures so far {Volatile.Read(ref failures)}, working set {workingSet:F0} MB, " +
                        $"GC heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB, GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:F0} MB, " +
                        $"SQLite {SQLitePCL.raw.sqlite3_memory_used() / 1048576.0:F0} MB, {Status("RssAnon")} anonymous, {Status("RssFile")} file-backed, " +
                        $"store {new FileInfo(db).Length / 1048576.0:F0} MB + log {(File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0) / 1048576.0:F0} MB, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
                }
            });
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
            {
                while (run.Elapsed < duration)
                {
                    using var request = Next(Interlocked.Increment(ref counter), out var kind);
                    var minute = (int)run.Elapsed.TotalMinutes;
                    var sw = Stopwatch.StartNew();
                    try
                    {
                        using var response = await http.SendAsync(request);
                        var body = await response.Content.ReadAsStringAsync();
                        if ((int)response.StatusCode >= 500)
                        {
                            if (Interlocked.Increment(ref serverErrors) <= 5) Console.WriteLine($"  {(int)response.StatusCode} {kind} {request.RequestUri}: {body[..Math.Min(300, body.Length)]}");
                        }
                        else if (!response.IsSuccessStatusCode) Interlocked.Increment(ref otherErrors);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        if (Interlocked.Increment(ref failures) <= 5) Console.WriteLine($"  failure {kind} {request.RequestUri}: {e.Message}");
                    }
                    lock (latencies) latencies.Add((kind, sw.Elapsed.TotalMilliseconds, minute));
                }
            }));
            await minuteReports;
            total += latencies.Count;
            var warm = Math.Min(workingSets.Count - 1, Math.Max(0, minutes / 6)); // warm-up: the first sixth of the run
            Console.WriteLine($"working set: first minute {workingSets[0]:F0} MB, after warm-up (minute {warm + 1}) {workingSets[warm]:F0} MB, " +
                              $"last {workingSets[^1]:F0} MB, max after warm-up {workingSets.Skip(warm).Max():F0} MB");
            Console.WriteLine($"total: {total:N0} requests in {run.Elapsed.TotalMinutes:F1} min, {serverErrors} 5xx, {failures} connection failures, {otherErrors} 4xx, {ingested:N0} ingests");
            await app.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
