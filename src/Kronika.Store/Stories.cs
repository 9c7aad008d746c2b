namespace Kronika.Store;

/// <summary>
/// The rule both stores follow when writing an article, and the SimHashes of the stored stories it needs (kept in memory:
/// 16 bytes a story, a linear scan of 100,000 stories takes well under a millisecond).
/// </summary>
public sealed class Stories(IEnumerable<(long Id, ulong SimHash)> stored)
{
    private readonly Dictionary<long, ulong> _simHashes = stored.ToDictionary(s => s.Id, s => s.SimHash);

    /// <summary>
    /// What to do with <paramref name="article"/>: unchanged when its source holds the same content; otherwise an
    /// update of its source's row or a new row, a copy of the story with the same content (<paramref name="sameContent"/>,
    /// the story's id) or a SimHash within <see cref="StoredArticle.NearDuplicateBits"/> bits, else a story of its own.
    /// </summary>
    public (WriteOutcome Outcome, long? Original) Decide(StoredArticle article, (long Id, string Hash)? sameSource, long? sameContent)
    {
        if (sameSource is { } s && s.Hash == article.Hash) return (WriteOutcome.Unchanged, null);
        var original = sameSource is null ? sameContent : null;
        original ??= NearestStory(article.SimHash, sameSource?.Id);
        if (sameSource is not null) return (WriteOutcome.Updated, original);
        return (original is null ? WriteOutcome.Inserted : WriteOutcome.Copy, original);
    }

    /// <summary>Records the row just written: a story (no original) is matched by later articles, a copy is not.</summary>
    public void Written(long id, ulong simHash, long? original)
    {
        if (original is null) _simHashes[id] = simHash;
        else _simHashes.Remove(id);
    }

    private long? NearestStory(ulong simHash, long? except)
    {
        if (simHash == 0) return null;
        long? best = null;
        foreach (var (id, other) in _simHashes)
            if (id != except && StoredArticle.Distance(simHash, other) <= StoredArticle.NearDuplicateBits && (best is null || id < best)) best = id;
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
