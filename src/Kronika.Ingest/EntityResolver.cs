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
    public static IReadOnlyList<string> Keys(IStore store, SearchLemmas lemmas, string name)
    {
        var keys = store.EntityKeys(name);
        if (keys.Count > 0) return keys;
        var names = lemmas.Analyze(name).Entities.SelectMany(e => new[] { e.Kb, e.Canonical }).OfType<string>()
            .Append(string.Join(' ', lemmas.Lemmas(name)));
        keys = names.SelectMany(store.EntityKeys).Distinct().ToList();
        if (keys.Count > 0) return keys;
        var key = NameKey.Of(name);
        return Kb.Value.Find(key).Concat(Kb.Value.FindBySurname(key)).Select(e => e.Wikidata ?? e.Canonical).SelectMany(store.EntityKeys).Distinct().ToList();
    }
}
