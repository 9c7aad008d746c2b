namespace Kronika.Store;

/// <summary>
/// The rule both stores follow when writing an article. Near-copies are looked up in the database at the moment of the
/// decision (<see cref="StoryLookups.SimilarStories"/>: four expression indexes on the SimHash's 16-bit quarters, as
/// two SimHashes within 3 bits agree in at least one quarter), so every writer sees every other writer's stories.
/// </summary>
public sealed class Stories(StoryLookups db)
{
    /// <summary>
    /// What to do with <paramref name="article"/>: unchanged when its source holds the same content analysed by the same
    /// model (or the article names no model); otherwise an
    /// update of its source's row or a new row, a copy of the story with the same content (<paramref name="sameContent"/>,
    /// the story's id) or a SimHash within <see cref="StoredArticle.NearDuplicateBits"/> bits, else a story of its own.
    /// <paramref name="similar"/>: the stories <see cref="StoryLookups.SimilarStories"/> gives, when the caller read them
    /// already (with its other look-ups, in one round trip).
    /// </summary>
    public (WriteOutcome Outcome, long? Original) Decide(StoredArticle article, (long Id, string Hash, string? Model)? sameSource, long? sameContent,
        List<(long Id, ulong SimHash)>? similar = null)
    {
        if (sameSource is { } s && s.Hash == article.Hash && (article.Model is null || article.Model == s.Model)) return (WriteOutcome.Unchanged, null);
        var original = sameSource is null ? sameContent : null;
        original ??= NearestStory(article.SimHash, sameSource?.Id, similar);
        if (sameSource is not null) return (WriteOutcome.Updated, original);
        return (original is null ? WriteOutcome.Inserted : WriteOutcome.Copy, original);
    }

    private long? NearestStory(ulong simHash, long? except, List<(long Id, ulong SimHash)>? similar)
    {
        if (simHash == 0) return null;
        long? best = null;
        foreach (var (id, other) in similar ?? db.SimilarStories(simHash))
            if (id != except && StoredArticle.Distance(simHash, other) <= StoredArticle.NearDuplicateBits && (best is null || id < best))
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
