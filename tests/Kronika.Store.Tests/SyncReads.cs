namespace Kronika.Store.Tests;

/// <summary>
/// The conformance tables read the store one call at a time: these wait for the store's async reads (in tests only;
/// xUnit's context hands continuations to the thread pool, so waiting cannot deadlock).
/// </summary>
internal static class SyncReads
{
    public static SearchPage Search(this IStore store, SearchRequest request) => store.SearchAsync(request).GetAwaiter().GetResult();
    public static IReadOnlyList<long> StoryIds(this IStore store, SearchRequest request) => store.StoryIdsAsync(request).GetAwaiter().GetResult();
    public static IReadOnlyList<EntitySummary> Entities(this IStore store, string? type, int top) => store.EntitiesAsync(type, top).GetAwaiter().GetResult();
    public static IReadOnlyList<string> EntityKeys(this IStore store, string name) => store.EntityKeysAsync(name).GetAwaiter().GetResult();
    public static Timeline? Timeline(this IStore store, string key, string period, int coMentioned, TimelineParts parts = TimelineParts.All) => store.TimelineAsync(key, period, coMentioned, parts).GetAwaiter().GetResult();
    public static StoredArticle? Get(this IStore store, long id) => store.GetAsync(id).GetAwaiter().GetResult();
    public static EventPage Events(this IStore store, EventRequest request, int mentions = 5) => store.EventsAsync(request, mentions).GetAwaiter().GetResult();
    public static void SaveWatch(this IStore store, Watch watch) => store.SaveWatchAsync(watch).GetAwaiter().GetResult();
    public static IReadOnlyList<Watch> Watches(this IStore store) => store.WatchesAsync().GetAwaiter().GetResult();
    public static void MarkSeen(this IStore store, string name, long upTo) => store.MarkSeenAsync(name, upTo).GetAwaiter().GetResult();
    public static long LastArticleId(this IStore store) => store.LastArticleIdAsync().GetAwaiter().GetResult();
    public static StoredAnalysis? Analysis(this IStore store, long id, bool tokens = true) => store.AnalysisAsync(id, tokens).GetAwaiter().GetResult();
    public static StoryInfo? Story(this IStore store, long id) => store.StoryAsync(id).GetAwaiter().GetResult();
    public static VolumeSeries Volume(this IStore store, SearchRequest request, bool monthly) => store.VolumeAsync(request, monthly).GetAwaiter().GetResult();
    public static IReadOnlyList<PlaceCount> Places(this IStore store, PlaceRequest request) => store.PlacesAsync(request).GetAwaiter().GetResult();
    public static ChroniclePage Chronicle(this IStore store, ChronicleRequest request) => store.ChronicleAsync(request).GetAwaiter().GetResult();
}
