using System.Globalization;
using System.Text.RegularExpressions;
using Kronika.Store;

namespace Kronika.Ingest;

/// <summary>
/// Watchlists: a saved query or entity, and what is new for it since its owner last looked — the articles stored since
/// (by the query and the entity) and the events they report (for an entity: in any role).
/// </summary>
public sealed partial class Watcher(IStore store, SearchLemmas lemmas)
{
    public sealed record News(Watch Watch, SearchPage Articles, EventPage Events, long UpTo);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex NamePattern();

    /// <summary>Saves a watch; the first look shows what already matches. Throws <see cref="ArgumentException"/> on a bad name or query.</summary>
    public async Task<Watch> SaveAsync(string name, string? query, string? entity, CancellationToken ct = default)
    {
        if (!NamePattern().IsMatch(name)) throw new ArgumentException($"'{name}': a watch's name is 1 to 40 lowercase letters, digits and dashes");
        if (string.IsNullOrWhiteSpace(query) && string.IsNullOrWhiteSpace(entity)) throw new ArgumentException("a watch needs a query, an entity or both");
        if (!string.IsNullOrWhiteSpace(query)) lemmas.Parser().Parse(query);
        if (!string.IsNullOrWhiteSpace(entity) && (await Keys(entity, ct)).Count == 0) throw new ArgumentException($"no entity named '{entity}' in the store");
        var watch = new Watch(name, string.IsNullOrWhiteSpace(query) ? null : query, string.IsNullOrWhiteSpace(entity) ? null : entity, 0,
            DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
        await store.SaveWatchAsync(watch, ct);
        return watch;
    }

    public async Task<Watch?> FindAsync(string name, CancellationToken ct = default) => (await store.WatchesAsync(ct)).FirstOrDefault(w => w.Name == name);

    /// <summary>What is new for a watch; with <paramref name="markSeen"/>, the next look starts after it.</summary>
    public async Task<News> LookAsync(Watch watch, bool markSeen, int limit = 50, CancellationToken ct = default)
    {
        var upTo = await store.LastArticleIdAsync(ct);
        var keys = watch.Entity is { } e ? await Keys(e, ct) : null;
        var articles = await store.SearchAsync(Request(watch, keys, limit) with { AfterId = watch.SeenUpTo }, ct);
        var events = keys is null
            ? new EventPage(0, [])
            : await store.EventsAsync(new EventRequest(AnyKeys: keys, AfterArticleId: watch.SeenUpTo, Limit: limit), mentions: 1, ct);
        if (markSeen) await store.MarkSeenAsync(watch.Name, upTo, ct);
        return new News(watch, articles, events, upTo);
    }

    /// <summary>The search a watch stands for (for its feed: the latest matches, whether seen or not).</summary>
    public async Task<SearchRequest> RequestAsync(Watch watch, CancellationToken ct = default) =>
        Request(watch, watch.Entity is { } e ? await Keys(e, ct) : null);

    private SearchRequest Request(Watch watch, IReadOnlyList<string>? keys, int limit = 50) =>
        new(watch.Query is { } q ? lemmas.Parser().Parse(q) : null, EntityKeys: keys, Limit: limit);

    private Task<IReadOnlyList<string>> Keys(string entity, CancellationToken ct) => EntityResolver.KeysAsync(store, lemmas, entity, ct);
}
