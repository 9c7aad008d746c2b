using Kronika.Store;


/// <summary>The query bench times one read at a time: these wait for the store's async reads (a console program, no context to deadlock on).</summary>
internal static class SyncReads
{
    public static SearchPage Search(this IStore store, SearchRequest request) => store.SearchAsync(request).GetAwaiter().GetResult();
    public static IReadOnlyList<EntitySummary> Entities(this IStore store, string? type, int top) => store.EntitiesAsync(type, top).GetAwaiter().GetResult();
    public static IReadOnlyList<string> EntityKeys(this IStore store, string name) => store.EntityKeysAsync(name).GetAwaiter().GetResult();
    public static Timeline? Timeline(this IStore store, string key, string period, int coMentioned) => store.TimelineAsync(key, period, coMentioned).GetAwaiter().GetResult();
    public static ChroniclePage Chronicle(this IStore store, ChronicleRequest request) => store.ChronicleAsync(request).GetAwaiter().GetResult();
}
