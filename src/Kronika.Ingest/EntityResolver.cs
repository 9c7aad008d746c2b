using Kronika.Lithuanian.Entities;
using Kronika.Store;

namespace Kronika.Ingest;

/// <summary>Finds the store's keys for an entity a user names, on the command line or in the API.</summary>
public static class EntityResolver
{
    internal static readonly Lazy<KnowledgeBase> Kb = new(KnowledgeBase.Load);

    /// <summary>
    /// The stored entities a user's name stands for: as written (a canonical name, surname or Wikidata id), else the
    /// entities the pipeline finds in it and its lemmas, else the knowledge-base entries whose name matches once
    /// endings are set aside (`Putinu`, which alone the tagger does not read as a name).
    /// </summary>
    public static async Task<IReadOnlyList<string>> KeysAsync(IStore store, SearchLemmas lemmas, string name, CancellationToken ct = default)
    {
        var keys = await store.EntityKeysAsync(name, ct);
        if (keys.Count > 0) return keys;
        var names = lemmas.Analyze(name).Entities.SelectMany(e => new[] { e.Kb, e.Canonical }).OfType<string>()
            .Append(string.Join(' ', lemmas.Lemmas(name)));
        keys = await KeysOf(store, names, ct);
        if (keys.Count > 0) return keys;
        var key = NameKey.Of(name);
        return await KeysOf(store, Kb.Value.Find(key).Concat(Kb.Value.FindBySurname(key)).Select(e => e.Wikidata ?? e.Canonical), ct);
    }

    private static async Task<IReadOnlyList<string>> KeysOf(IStore store, IEnumerable<string> names, CancellationToken ct)
    {
        var keys = new List<string>();
        foreach (var name in names)
            foreach (var key in await store.EntityKeysAsync(name, ct))
                if (!keys.Contains(key)) keys.Add(key);
        return keys;
    }
}
