namespace Kronika.Store;

/// <summary>
/// The rule both stores follow when writing an article, and the SimHashes of the stored stories it needs, kept in memory
/// (about 60 bytes a story) and indexed by their four 16-bit quarters: two SimHashes within 3 bits agree in at least one
/// quarter, so a lookup reads four short lists instead of every story.
/// </summary>
public sealed class Stories
{
    private readonly Dictionary<long, ulong> _simHashes = [];
    private readonly Dictionary<(int Quarter, ushort Bits), List<long>> _byQuarter = [];

    public Stories(IEnumerable<(long Id, ulong SimHash)> stored)
    {
        foreach (var (id, simHash) in stored) Add(id, simHash);
    }

    /// <summary>
    /// What to do with <paramref name="article"/>: unchanged when its source holds the same content analysed by the same
    /// model (or the article names no model); otherwise an
    /// update of its source's row or a new row, a copy of the story with the same content (<paramref name="sameContent"/>,
    /// the story's id) or a SimHash within <see cref="StoredArticle.NearDuplicateBits"/> bits, else a story of its own.
    /// </summary>
    public (WriteOutcome Outcome, long? Original) Decide(StoredArticle article, (long Id, string Hash, string? Model)? sameSource, long? sameContent)
    {
        if (sameSource is { } s && s.Hash == article.Hash && (article.Model is null || article.Model == s.Model)) return (WriteOutcome.Unchanged, null);
        var original = sameSource is null ? sameContent : null;
        original ??= NearestStory(article.SimHash, sameSource?.Id);
        if (sameSource is not null) return (WriteOutcome.Updated, original);
        return (original is null ? WriteOutcome.Inserted : WriteOutcome.Copy, original);
    }

    /// <summary>Records the row just written: a story (no original) is matched by later articles, a copy is not.</summary>
    public void Written(long id, ulong simHash, long? original)
    {
        Remove(id);
        if (original is null) Add(id, simHash);
    }

    private void Add(long id, ulong simHash)
    {
        _simHashes[id] = simHash;
        for (var q = 0; q < 4; q++)
        {
            var key = (q, Quarter(simHash, q));
            if (!_byQuarter.TryGetValue(key, out var ids)) _byQuarter[key] = ids = [];
            ids.Add(id);
        }
    }

    private void Remove(long id)
    {
        if (!_simHashes.Remove(id, out var old)) return;
        for (var q = 0; q < 4; q++) _byQuarter[(q, Quarter(old, q))].Remove(id);
    }

    private static ushort Quarter(ulong simHash, int q) => (ushort)(simHash >> (16 * q));

    private long? NearestStory(ulong simHash, long? except)
    {
        if (simHash == 0) return null;
        long? best = null;
        for (var q = 0; q < 4; q++)
            if (_byQuarter.TryGetValue((q, Quarter(simHash, q)), out var ids))
                foreach (var id in ids)
                    if (id != except && StoredArticle.Distance(simHash, _simHashes[id]) <= StoredArticle.NearDuplicateBits && (best is null || id < best))
                        best = id;
        return best;
    }
}

/// <summary>How an entity is found by name in both stores: its canonical name or surname in any case, its Wikidata id or its key.</summary>
public static class EntityNames
{
    public static string Fold(string name) => name.Trim().ToLowerInvariant();

    /// <summary>The SQL condition on the `entities` table, with parameters marked by <paramref name="mark"/>.</summary>
    public static string Condition(char mark) =>
        $"folded = {mark}folded OR folded LIKE {mark}surname ESCAPE '\\' OR kb = {mark}name OR key = {mark}name";

    public static (string, object?)[] Parameters(string name, char mark)
    {
        var folded = Fold(name);
        var escaped = folded.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
        var prefix = mark == '$' ? "$" : "";
        return [(prefix + "folded", folded), (prefix + "surname", "% " + escaped), (prefix + "name", name.Trim())];
    }
}
