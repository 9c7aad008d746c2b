using System.Diagnostics;
using Kronika.Core.Pipeline;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;

/// <summary>
/// `store`: ingest and search at scale. Writes a synthetic corpus (the generator of `kronika bench gen`), ingests it
/// into a fresh embedded store exactly as `kronika ingest` does, then times a fixed mix of searches. Baselines from the
/// same run: the same articles analyzed without a store (what the store costs), and a search by row id (the least any
/// search costs).
/// </summary>
public static class StoreBench
{
    /// <summary>The query mix: names in several case forms, common nouns, phrases, boolean queries, prefixes, filters.</summary>
    internal static readonly (string Query, string? Entity, DateOnly? From, DateOnly? To)[] Mix =
    [
        ("Kazlauskas", null, null, null),
        ("Kazlausko", null, null, null),
        ("Jankauskaitei", null, null, null),
        ("karys", null, null, null),
        ("infliacija", null, null, null),
        ("\"Šiaurės Korėja\"", null, null, null),
        ("prezident*", null, null, null),
        ("Lietuva", null, null, null),
        ("Ukraina OR Rusija", null, null, null),
        ("Lietuva NOT Vilnius", null, null, null),
        ("teismas šnipinėjimas", null, null, null),
        ("Vokietijos brigada", null, null, null),
        ("audra", null, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
        ("biudžetas", null, new DateOnly(2024, 6, 1), null),
        ("gynyba", "Q37", null, null),
        ("", "Q159", new DateOnly(2026, 1, 1), null),
    ];

    public static void Run(string root, int articles, int searches)
    {
        var folder = Directory.CreateTempSubdirectory("kronika-bench-").FullName;
        try
        {
            Measure(root, folder, articles, searches);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Measure(string root, string folder, int articles, int searches)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC}");
        var pipeline = LithuanianPipeline.Create();
        var clock = Stopwatch.StartNew();
        var corpusDir = WriteCorpus(root, folder, articles, pipeline);
        var bytes = Directory.EnumerateFiles(corpusDir, "*.txt", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var words = File.ReadAllText(Directory.EnumerateFiles(corpusDir, "*.txt", SearchOption.AllDirectories).First()).Split(' ').Length;
        Console.WriteLine($"corpus: {articles:N0} synthetic articles (about {words} words each), {bytes / 1048576.0:F0} MB, written in {clock.Elapsed.TotalSeconds:F0} s");

        var path = Path.Combine(folder, "kronika.db");
        IngestProgress done;
        using (var store = new SqliteStore(path))
            done = new Ingestor(pipeline, new Pipeline([]), store).Run(ArticleReader.Read([corpusDir]), e => Console.WriteLine(e));
        // Baseline: a tenth of the articles read and analyzed the same way, after the ingest (so as warm), but not stored.
        var baselineDirs = Directory.GetDirectories(corpusDir).Order().Take(Math.Max(1, articles / 10000)).ToArray();
        var baseline = new Ingestor(pipeline, new Pipeline([]), new NoStore()).Run(ArticleReader.Read(baselineDirs), _ => { });
        Console.WriteLine($"baseline: read + analyze, no store: {baseline.PerSecond:F0} articles/s over {baseline.Read:N0} articles");
        var size = new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"ingest into SQLite, all cores: {done.PerSecond:F0} articles/s, {bytes / 1048576.0 / done.Seconds:F2} MB/s, {done.Read:N0} articles in {done.Seconds:F0} s " +
                          $"({done.PerSecond / baseline.PerSecond:F2}× the baseline's speed); {done.Copies} linked as copies, {done.Errors} errors; " +
                          $"the writer was busy {done.WriteSeconds:F0} s ({1000 * done.WriteSeconds / done.Read:F2} ms per article)");
        Console.WriteLine($"store: {size / 1048576.0:F0} MB, {size / 1024.0 / articles:F1} KB per article ({(double)size / bytes:F1}× the input)");

        using var search = new SqliteStore(path);
        var lemmas = new SearchLemmas();
        var random = new Random(7);
        var ids = Enumerable.Range(0, searches).Select(_ => (long)random.Next(1, articles + 1)).ToList();
        var byId = Time(ids.Select(id => (Action)(() => search.GetAsync(id).GetAwaiter().GetResult())));
        Console.WriteLine($"baseline: read one article by id: p50 {byId.P50:F2} ms, p95 {byId.P95:F2} ms");
        var requests = Enumerable.Range(0, searches).Select(i => Mix[i % Mix.Length]).Select(m => (Action)(() =>
        {
            var request = new SearchRequest(m.Query.Length == 0 ? null : lemmas.Parser().Parse(m.Query), m.From, m.To,
                m.Entity is null ? null : search.EntityKeysAsync(m.Entity).GetAwaiter().GetResult(), Limit: 10);
            search.SearchAsync(request).GetAwaiter().GetResult();
        }));
        Time(requests.Take(Mix.Length)); // warm up: JIT, page cache
        var latency = Time(requests);
        Console.WriteLine($"search ({Mix.Length} queries × {searches / Mix.Length}, top 10 with snippets, query analysis included): " +
                          $"p50 {latency.P50:F1} ms, p95 {latency.P95:F1} ms, p99 {latency.P99:F1} ms, max {latency.Max:F1} ms " +
                          $"({latency.P95 / byId.P95:F0}× the baseline's p95)");
        foreach (var (query, entity, from, to) in Mix)
        {
            var one = Time(Enumerable.Repeat((Action)(() => search.SearchAsync(new SearchRequest(query.Length == 0 ? null : lemmas.Parser().Parse(query), from, to,
                entity is null ? null : search.EntityKeysAsync(entity).GetAwaiter().GetResult(), Limit: 10)).GetAwaiter().GetResult()), 5));
            var total = search.SearchAsync(new SearchRequest(query.Length == 0 ? null : lemmas.Parser().Parse(query), from, to, entity is null ? null : search.EntityKeysAsync(entity).GetAwaiter().GetResult(), Limit: 1)).GetAwaiter().GetResult().Total;
            Console.WriteLine($"  {Describe(query, entity, from, to),-45} {total,7:N0} hits  p50 {one.P50,6:F1} ms");
        }
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
    }

    /// <summary>Writes a synthetic corpus (the generator of `kronika bench gen`) in folders of 1,000; returns its folder.</summary>
    internal static string WriteCorpus(string root, string folder, int articles, Pipeline pipeline)
    {
        var samples = ArticleReader.Read([Path.Combine(root, "samples")]).Select(r => pipeline.Process(r.Document!)).ToList();
        var corpus = new SyntheticCorpus(samples);
        var corpusDir = Path.Combine(folder, "corpus");
        Parallel.For(0, articles, i =>
        {
            var dir = Path.Combine(corpusDir, (i / 1000).ToString("D4"));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, $"{i:D7}.txt"), corpus.Article(i));
        });
        return corpusDir;
    }

    /// <summary>The fixed query mix, as the API's search parameters.</summary>
    internal static IEnumerable<string> MixAsUrls() => Mix.Select(m =>
        "/api/search?limit=10" + (m.Query.Length > 0 ? "&q=" + Uri.EscapeDataString(m.Query) : "") + (m.Entity is { } e ? "&entity=" + e : "") +
        (m.From is { } f ? $"&from={f:yyyy-MM-dd}" : "") + (m.To is { } t ? $"&to={t:yyyy-MM-dd}" : ""));

    private static string Describe(string query, string? entity, DateOnly? from, DateOnly? to) =>
        string.Join(' ', new[] { query, entity is null ? null : $"--entity {entity}", from is null ? null : $"--from {from:yyyy-MM-dd}", to is null ? null : $"--to {to:yyyy-MM-dd}" }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>Times each action alone, one after another (the store's async reads are waited for inside each).</summary>
    internal static (double P50, double P95, double P99, double Max) Time(IEnumerable<Action> actions, bool processor = false)
    {
        var times = new List<double>();
        foreach (var action in actions)
        {
            // Processor time: the calling thread's (the SQLite store's reads run on it), which a loaded machine moves less than wall time.
            var cpu = processor ? MergeCostBench.ThreadSeconds() : 0;
            var sw = Stopwatch.StartNew();
            action();
            times.Add(processor ? 1000 * (MergeCostBench.ThreadSeconds() - cpu) : sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
        return (At(0.5), At(0.95), At(0.99), times[^1]);
    }

    /// <summary>Takes every article and keeps none: the baseline without a store.</summary>
    internal sealed class NoStore : IStore
    {
        public IReadOnlyList<WriteOutcome> Write(IReadOnlyList<StoredArticle> batch) => batch.Select(_ => WriteOutcome.Inserted).ToList();
        public int ArticleCount() => 0;
        public int StoryCount() => 0;
        public bool Holds(string sourceId, string hash) => false;
        public Task<string?> ProblemAsync(CancellationToken ct = default) => Task.FromResult<string?>(null);
        public Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken ct = default) => Task.FromResult(new SearchPage(0, []));
        public Task<IReadOnlyList<long>> StoryIdsAsync(SearchRequest request, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<long>>([]);
        public Task<IReadOnlyList<EntitySummary>> EntitiesAsync(string? type, int top, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<EntitySummary>>([]);
        public Task<IReadOnlyList<string>> EntityKeysAsync(string name, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<string>>([]);
        public Task<Timeline?> TimelineAsync(string entityKey, string period, int coMentioned, TimelineParts parts = TimelineParts.All, CancellationToken ct = default) => Task.FromResult<Timeline?>(null);
        public Task<StoredArticle?> GetAsync(long id, CancellationToken ct = default) => Task.FromResult<StoredArticle?>(null);
        public Task<EventPage> EventsAsync(EventRequest request, int mentions = 5, CancellationToken ct = default) => Task.FromResult(new EventPage(0, []));
        public Task SaveWatchAsync(Watch watch, CancellationToken ct = default) => Task.CompletedTask;
        public Task<IReadOnlyList<Watch>> WatchesAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<Watch>>([]);
        public Task MarkSeenAsync(string name, long upTo, CancellationToken ct = default) => Task.CompletedTask;
        public Task<long> LastArticleIdAsync(CancellationToken ct = default) => Task.FromResult(0L);
        public Task<StoredAnalysis?> AnalysisAsync(long id, bool tokens = false, CancellationToken ct = default) => Task.FromResult<StoredAnalysis?>(null);
        public IReadOnlyList<long> Stale(string model, long afterId, int limit) => [];
        public int StaleCount(string model) => 0;
        public Task<StoryInfo?> StoryAsync(long articleId, CancellationToken ct = default) => Task.FromResult<StoryInfo?>(null);
        public Task<ChroniclePage> ChronicleAsync(ChronicleRequest request, CancellationToken ct = default) => Task.FromResult(new ChroniclePage(0, []));
        public Task<VolumeSeries> VolumeAsync(SearchRequest request, bool monthly, CancellationToken ct = default) => Task.FromResult(new VolumeSeries(0, []));
        public Task<IReadOnlyList<PlaceCount>> PlacesAsync(PlaceRequest request, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<PlaceCount>>([]);
        public void Dispose() { }
    }
}
