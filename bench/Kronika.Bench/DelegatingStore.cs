using Kronika.Store;

/// <summary>A store that passes every call to another; a bench overrides what it measures or changes.</summary>
internal abstract class DelegatingStore(IStore inner) : IStore
{
    protected IStore Inner => inner;

    public abstract IReadOnlyList<WriteOutcome> Write(IReadOnlyList<StoredArticle> batch);
    public abstract void Dispose();
    public bool Holds(string sourceId, string hash) => inner.Holds(sourceId, hash);
    public int ArticleCount() => inner.ArticleCount();
    public int StoryCount() => inner.StoryCount();
    public Task<string?> ProblemAsync(CancellationToken ct = default) => inner.ProblemAsync(ct);
    public Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken ct = default) => inner.SearchAsync(request, ct);
    public Task<IReadOnlyList<long>> StoryIdsAsync(SearchRequest request, CancellationToken ct = default) => inner.StoryIdsAsync(request, ct);
    public Task<IReadOnlyList<EntitySummary>> EntitiesAsync(string? type, int top, CancellationToken ct = default) => inner.EntitiesAsync(type, top, ct);
    public Task<IReadOnlyList<string>> EntityKeysAsync(string name, CancellationToken ct = default) => inner.EntityKeysAsync(name, ct);
    public Task<Timeline?> TimelineAsync(string entityKey, string period, int coMentioned, TimelineParts parts = TimelineParts.All, CancellationToken ct = default) => inner.TimelineAsync(entityKey, period, coMentioned, parts, ct);
    public Task<StoredArticle?> GetAsync(long id, CancellationToken ct = default) => inner.GetAsync(id, ct);
    public Task<EventPage> EventsAsync(EventRequest request, int mentions = 5, CancellationToken ct = default) => inner.EventsAsync(request, mentions, ct);
    public Task SaveWatchAsync(Watch watch, CancellationToken ct = default) => inner.SaveWatchAsync(watch, ct);
    public Task<IReadOnlyList<Watch>> WatchesAsync(CancellationToken ct = default) => inner.WatchesAsync(ct);
    public Task MarkSeenAsync(string name, long upTo, CancellationToken ct = default) => inner.MarkSeenAsync(name, upTo, ct);
    public Task<long> LastArticleIdAsync(CancellationToken ct = default) => inner.LastArticleIdAsync(ct);
    public Task<StoredAnalysis?> AnalysisAsync(long id, bool tokens = false, CancellationToken ct = default) => inner.AnalysisAsync(id, tokens, ct);
    public IReadOnlyList<long> Stale(string model, long afterId, int limit) => inner.Stale(model, afterId, limit);
    public int StaleCount(string model) => inner.StaleCount(model);
    public Task<StoryInfo?> StoryAsync(long articleId, CancellationToken ct = default) => inner.StoryAsync(articleId, ct);
    public Task<ChroniclePage> ChronicleAsync(ChronicleRequest request, CancellationToken ct = default) => inner.ChronicleAsync(request, ct);
    public Task<VolumeSeries> VolumeAsync(SearchRequest request, bool monthly, CancellationToken ct = default) => inner.VolumeAsync(request, monthly, ct);
    public Task<IReadOnlyList<PlaceCount>> PlacesAsync(PlaceRequest request, CancellationToken ct = default) => inner.PlacesAsync(request, ct);
}
