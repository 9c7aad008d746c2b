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
    public Watch Save(string name, string? query, string? entity)
    {
        if (!NamePattern().IsMatch(name)) throw new ArgumentException($"'{name}': a watch's name is 1 to 40 lowercase letters, digits and dashes");
        if (string.IsNullOrWhiteSpace(query) && string.IsNullOrWhiteSpace(entity)) throw new ArgumentException("a watch needs a query, an entity or both");
        if (!string.IsNullOrWhiteSpace(query)) lemmas.Parser().Parse(query);
        if (!string.IsNullOrWhiteSpace(entity) && Keys(entity).Count == 0) throw new ArgumentException($"no entity named '{entity}' in the store");
        var watch = new Watch(name, string.IsNullOrWhiteSpace(query) ? null : query, string.IsNullOrWhiteSpace(entity) ? null : entity, 0,
            DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
        store.SaveWatch(watch);
        return watch;
    }

    public Watch? Find(string name) => store.Watches().FirstOrDefault(w => w.Name == name);

    /// <summary>What is new for a watch; with <paramref name="markSeen"/>, the next look starts after it.</summary>
    public News Look(Watch watch, bool markSeen, int limit = 50)
    {
        var upTo = store.LastArticleId();
        var keys = watch.Entity is { } e ? Keys(e) : null;
        var articles = store.Search(Request(watch, keys, limit) with { AfterId = watch.SeenUpTo });
        var events = keys is null
            ? new EventPage(0, [])
            : store.Events(new EventRequest(AnyKeys: keys, AfterArticleId: watch.SeenUpTo, Limit: limit), mentions: 1);
        if (markSeen) store.MarkSeen(watch.Name, upTo);
        return new News(watch, articles, events, upTo);
    }

    /// <summary>The search a watch stands for (for its feed: the latest matches, whether seen or not).</summary>
    public SearchRequest Request(Watch watch, IReadOnlyList<string>? keys = null, int limit = 50) =>
        new(watch.Query is { } q ? lemmas.Parser().Parse(q) : null, EntityKeys: keys ?? (watch.Entity is { } e ? Keys(e) : null), Limit: limit);

    private IReadOnlyList<string> Keys(string entity) => EntityResolver.Keys(store, lemmas, entity);
}
