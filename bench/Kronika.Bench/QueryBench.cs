using Kronika.Ingest;
using Kronika.Store;

/// <summary>
/// `query --db URI`: times the reads of an existing store (one `kronika ingest` or several filled), so that SQLite and
/// PostgreSQL stores of the same corpus are measured alike: the store bench's search mix, filter-only searches (an
/// entity or dates and no words) with what each allocates, the entity page (timeline) and the chronicle.
/// </summary>
public static class QueryBench
{
    private static readonly (string? Entity, DateOnly? From, DateOnly? To)[] Filters =
    [
        ("Q159", null, null),
        ("Q37", null, null),
        ("Q159", new DateOnly(2026, 1, 1), null),
        (null, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31)),
        (null, new DateOnly(2025, 1, 1), null),
    ];

    public static void Run(string db, int searches)
    {
        using var store = StoreFactory.Open(db, create: false);
        var articles = store.ArticleCount();
        Console.WriteLine($"{db}: {articles:N0} articles, {store.StoryCount():N0} stories");
        var lemmas = new SearchLemmas();
        var mix = StoreBench.Mix.Select(m => (Action)(() => store.Search(new SearchRequest(m.Query.Length == 0 ? null : lemmas.Parser().Parse(m.Query), m.From, m.To,
            m.Entity is null ? null : store.EntityKeys(m.Entity), Limit: 10)))).ToList();
        StoreBench.Time(mix); // warm up
        var all = StoreBench.Time(Enumerable.Range(0, searches).Select(i => mix[i % mix.Count]));
        Console.WriteLine($"search mix ({StoreBench.Mix.Length} queries, {searches} searches, top 10 with snippets): p50 {all.P50:F1} ms, p95 {all.P95:F1} ms, p99 {all.P99:F1} ms");

        var filters = Filters.Select(f => new SearchRequest(null, f.From, f.To, f.Entity is null ? null : store.EntityKeys(f.Entity), Limit: 10)).ToList();
        foreach (var f in filters) store.Search(f);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var filterOnly = StoreBench.Time(Enumerable.Range(0, Math.Max(filters.Count, searches / 4)).Select(i => (Action)(() => store.Search(filters[i % filters.Count]))));
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Math.Max(filters.Count, searches / 4);
        Console.WriteLine($"filter-only searches ({filters.Count} kinds): p50 {filterOnly.P50:F1} ms, p95 {filterOnly.P95:F1} ms, p99 {filterOnly.P99:F1} ms, {allocated / 1048576.0:F2} MB allocated each");
        for (var i = 0; i < filters.Count; i++)
        {
            var one = StoreBench.Time(Enumerable.Repeat((Action)(() => store.Search(filters[i])), 5));
            Console.WriteLine($"  {Filters[i].Entity ?? "-",-6} {Filters[i].From?.ToString("yyyy-MM-dd") ?? "-",-10} {Filters[i].To?.ToString("yyyy-MM-dd") ?? "-",-10} {store.Search(filters[i]).Total,7:N0} hits  p50 {one.P50,6:F1} ms");
        }

        var entities = store.Entities(null, 20).Select(e => e.Key).ToList();
        var timeline = StoreBench.Time(Enumerable.Range(0, Math.Max(entities.Count, searches / 8)).Select(i => (Action)(() => store.Timeline(entities[i % entities.Count], "month", 10))));
        Console.WriteLine($"entity page (timeline by month + 10 co-mentioned, the 20 most mentioned entities): p50 {timeline.P50:F1} ms, p95 {timeline.P95:F1} ms");
        var actors = entities.Take(10).ToList();
        var chronicle = StoreBench.Time(Enumerable.Range(0, Math.Max(actors.Count, searches / 8)).Select(i => (Action)(() =>
            store.Chronicle(i % 2 == 0 ? new ChronicleRequest(EitherKeys: [actors[i % actors.Count]]) : new ChronicleRequest(From: new DateOnly(2024, 1, 1), To: new DateOnly(2024, 6, 30))))));
        Console.WriteLine($"chronicle (an entity's events, or a half year's; 20 with 5 reports): p50 {chronicle.P50:F1} ms, p95 {chronicle.P95:F1} ms");
    }
}
