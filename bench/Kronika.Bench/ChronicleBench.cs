using System.Diagnostics;
using Kronika.Core.IO;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;


/// <summary>
/// `chronicle`: what keeping the whole analysis, grouping stories and merging chronicle events cost and give, in one
/// run over one synthetic corpus. Ingest twice into SQLite: as the store is written now (analysis, story features,
/// chronicle merge), and with the articles stripped to what search needs (no analysis, no story features: the store
/// as it was); their rates and sizes are compared. Then an article's layers two ways (the stored analysis, and the
/// pipeline run again on the stored text as GET /api/articles/{id} did), and chronicle queries.
/// </summary>
public static class ChronicleBench
{
    public static void Run(string root, int articles, int requests)
    {
        var folder = Directory.CreateTempSubdirectory("kronika-chronicle-bench-").FullName;
        try
        {
            Measure(root, folder, articles, requests);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A store that writes what it is given with the analysis and story features left out: the store before both were kept.</summary>
    private sealed class Stripped(IStore inner) : DelegatingStore(inner)
    {
        public override IReadOnlyList<WriteOutcome> Write(IReadOnlyList<StoredArticle> batch) => Inner.Write(StoreAsBefore(batch));
        public override void Dispose() => Inner.Dispose();
    }

    /// <summary>The batch as the store before kept it: no analysis and no story features.</summary>
    internal static List<StoredArticle> StoreAsBefore(IReadOnlyList<StoredArticle> batch) =>
        batch.Select(a => a with { Analysis = null, Tokens = null, Features = [] }).ToList();

    private static long Size(string path) => new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    private static void Measure(string root, string folder, int articles, int requests)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC}");
        var pipeline = LithuanianPipeline.Create();
        var corpusDir = StoreBench.WriteCorpus(root, folder, articles, pipeline);
        Console.WriteLine($"corpus: {articles:N0} synthetic articles");

        var before = Path.Combine(folder, "before.db");
        var now = Path.Combine(folder, "now.db");
        IngestProgress strippedRun, fullRun;
        // Warm-up and order effects: the stripped store first, then the full one, then the stripped one again; the
        // better of the two stripped runs is the baseline.
        using (var store = new Stripped(new SqliteStore(before)))
            strippedRun = new Ingestor(pipeline, new Pipeline([]), store).Run(ArticleReader.Read([corpusDir]), e => Console.WriteLine(e));
        using (var store = new SqliteStore(now))
            fullRun = new Ingestor(pipeline, new Pipeline([]), store).Run(ArticleReader.Read([corpusDir]), e => Console.WriteLine(e));
        var before2 = Path.Combine(folder, "before2.db");
        using (var store = new Stripped(new SqliteStore(before2)))
        {
            var again = new Ingestor(pipeline, new Pipeline([]), store).Run(ArticleReader.Read([corpusDir]), e => Console.WriteLine(e));
            if (again.PerSecond > strippedRun.PerSecond) strippedRun = again;
        }
        Console.WriteLine($"ingest, store as before (no analysis, no stories): {strippedRun.PerSecond:F0} articles/s (writer busy {1000 * strippedRun.WriteSeconds / strippedRun.Read:F2} ms/article)");
        Console.WriteLine($"ingest with analysis, stories and chronicle merge: {fullRun.PerSecond:F0} articles/s (writer busy {1000 * fullRun.WriteSeconds / fullRun.Read:F2} ms/article) " +
                          $"= {fullRun.PerSecond / strippedRun.PerSecond:F2}× the store as before");
        var sizeBefore = Size(before);
        var sizeNow = Size(now);
        Console.WriteLine($"store: {sizeBefore / 1024.0 / articles:F1} KB per article before, {sizeNow / 1024.0 / articles:F1} KB with the whole analysis ({(double)sizeNow / sizeBefore:F2}×)");

        using var read = new SqliteStore(now);
        Console.WriteLine($"stories: {read.StoryCount():N0} stories (copies apart) in {articles:N0} articles");
        var lemmas = new SearchLemmas();
        var random = new Random(11);
        var ids = Enumerable.Range(0, requests).Select(_ => (long)random.Next(1, articles + 1)).ToList();
        byte[] Stored(long id) => AnalysisBlob.WithId(id, read.AnalysisAsync(id, tokens: true).GetAwaiter().GetResult()!, null);
        string Again(long id)
        {
            var a = read.GetAsync(id).GetAwaiter().GetResult()!;
            var doc = lemmas.Analyze(new Document(a.Text, a.Date, new ArticleSource(a.Shown, a.Url, a.Site, a.Title), Document.Lines(a.Text)));
            return JsonOutput.ToJson(doc);
        }
        foreach (var id in ids.Take(20)) { Stored(id); Again(id); }
        var clock = Stopwatch.StartNew();
        foreach (var id in ids) Again(id);
        var againPerSecond = ids.Count / clock.Elapsed.TotalSeconds;
        clock.Restart();
        foreach (var id in ids) Stored(id);
        var storedPerSecond = ids.Count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"an article with every layer, 1 thread, {ids.Count} random ids: pipeline again {againPerSecond:F0}/s, stored analysis {storedPerSecond:F0}/s ({storedPerSecond / againPerSecond:F0}×)");

        Queries(read, lemmas, requests);
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
    }

    /// <summary>Times the chronicle query mix on the store in <paramref name="db"/>.</summary>
    public static void Queries(string db, int requests)
    {
        using var read = new SqliteStore(db, create: false);
        Console.WriteLine($"{db}: {read.ArticleCount():N0} articles, {read.StoryCount():N0} stories");
        Queries(read, new SearchLemmas(), requests);
    }

    private static void Queries(SqliteStore read, SearchLemmas lemmas, int requests)
    {
        IReadOnlyList<string> Keys(string name) => EntityResolver.KeysAsync(read, lemmas, name).GetAwaiter().GetResult();
        var mix = new (string Name, Func<ChronicleRequest> Request)[]
        {
            ("actor Rusija", () => new ChronicleRequest(ActorKeys: Keys("Rusija"))),
            ("Rusija ↔ Šiaurės Korėja from 2024", () => new ChronicleRequest(ActorKeys: Keys("Rusija"), TargetKeys: Keys("Šiaurės Korėja"), From: new DateOnly(2024, 1, 1))),
            ("either Ukraina, ASSAULT", () => new ChronicleRequest(EitherKeys: Keys("Ukraina"), Type: "ASSAULT")),
            ("type CONSULT, 2025", () => new ChronicleRequest(Type: "CONSULT", From: new DateOnly(2025, 1, 1), To: new DateOnly(2025, 12, 31))),
            ("place Vilnius", () => new ChronicleRequest(PlaceKeys: Keys("Vilnius"))),
            ("query karys", () => new ChronicleRequest(lemmas.Parser().Parse("karys"))),
            ("query Putinas, by report, page 3", () => new ChronicleRequest(lemmas.Parser().Parse("Putinas"), ByReport: true, Offset: 40)),
            ("everything, newest page", () => new ChronicleRequest(From: new DateOnly(2026, 1, 1))),
        };
        var actions = Enumerable.Range(0, requests).Select(i => mix[i % mix.Length]).Select(m => (Action)(() => read.ChronicleAsync(m.Request()).GetAwaiter().GetResult())).ToList();
        StoreBench.Time(actions.Take(mix.Length));
        var latency = StoreBench.Time(actions);
        var processor = StoreBench.Time(actions, processor: true);
        Console.WriteLine($"chronicle query ({mix.Length} kinds × {requests / mix.Length}, 20 events with 5 reports each, names resolved): p50 {latency.P50:F1} ms, p95 {latency.P95:F1} ms, p99 {latency.P99:F1} ms, max {latency.Max:F1} ms");
        Console.WriteLine($"  the same mix again by the reading thread's processor time: p50 {processor.P50:F1} ms, p95 {processor.P95:F1} ms, p99 {processor.P99:F1} ms, max {processor.Max:F1} ms " +
                          $"(load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        foreach (var (name, request) in mix)
        {
            var one = StoreBench.Time(Enumerable.Repeat((Action)(() => read.ChronicleAsync(request()).GetAwaiter().GetResult()), 5));
            var cpu = StoreBench.Time(Enumerable.Repeat((Action)(() => read.ChronicleAsync(request()).GetAwaiter().GetResult()), 5), processor: true);
            Console.WriteLine($"  {name,-40} {read.ChronicleAsync(request() with { Limit = 1 }).GetAwaiter().GetResult().Total,7:N0} events  p50 {one.P50,6:F1} ms, processor {cpu.P50,6:F1} ms");
        }
    }
}
