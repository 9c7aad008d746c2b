using Npgsql;

namespace Kronika.Store;

/// <summary>
/// The story look-ups of one PostgreSQL write transaction (the features go in as arrays). Its writes wait in
/// <paramref name="writes"/> and go with the next read (its reads go through it too, so each sees the writes before it).
/// </summary>
internal sealed class PostgresStoryLookups(DeferredWrites writes) : StoryLookups
{
    private NpgsqlCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)writes.Connection, (NpgsqlTransaction)writes.Transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static long[] Longs(uint[] features) => Array.ConvertAll(features, f => (long)f);

    public override long Stories()
    {
        using var command = Command("SELECT stories FROM story_count WHERE id = 1");
        return (long)writes.Scalar(command)!;
    }

    public override Dictionary<uint, long> Frequencies(uint[] features)
    {
        var df = new Dictionary<uint, long>();
        using var command = Command("SELECT feature, df FROM story_features WHERE feature = ANY(@f)", ("f", Longs(features)));
        using var r = writes.Reader(command);
        while (r.Read()) df[(uint)r.GetInt64(0)] = r.GetInt32(1);
        return df;
    }

    public override List<(uint Feature, long Id)> Postings(uint[] features, DateOnly from, DateOnly to)
    {
        var list = new List<(uint, long)>();
        if (features.Length == 0) return list;
        using var command = Command("""
            SELECT feature, article_id FROM story_postings WHERE feature = ANY(@f) AND day BETWEEN @from AND @to ORDER BY feature, article_id
            """, ("f", Longs(features)), ("from", from), ("to", to));
        using var r = writes.Reader(command);
        while (r.Read()) list.Add(((uint)r.GetInt64(0), r.GetInt64(1)));
        return list;
    }

    public override Dictionary<long, (long Story, uint[] Features)> Candidates(List<long> ids, DateOnly from, DateOnly to)
    {
        var found = new Dictionary<long, (long, uint[])>();
        // The candidates come from postings of these days, which are their publication days: only those months' partitions are read.
        using var command = Command("SELECT id, coalesce(story_id, id), features FROM articles WHERE id = ANY(@ids) AND date BETWEEN @from AND @to AND features IS NOT NULL",
            ("ids", ids.ToArray()), ("from", from), ("to", to));
        using var r = writes.Reader(command);
        while (r.Read()) found[r.GetInt64(0)] = (r.GetInt64(1), StoryFeatures.Unpack(r.GetFieldValue<byte[]>(2)));
        return found;
    }

    public override void Remove(long id, DateOnly date, uint[] features)
    {
        using (var command = Command("DELETE FROM story_postings WHERE feature = ANY(@f) AND day = @day AND article_id = @id", ("f", Longs(features)), ("day", date), ("id", id)))
            writes.Run(command);
        using (var command = Command("UPDATE story_features SET df = df - 1 WHERE feature = ANY(@f)", ("f", Longs(features))))
            writes.Run(command);
        using (var command = Command("UPDATE story_count SET stories = stories - 1 WHERE id = 1"))
            writes.Run(command);
    }

    public override void AddCounts(IReadOnlyDictionary<uint, long> counts, long stories)
    {
        using (var command = Command("INSERT INTO story_features SELECT f, n FROM unnest(@f, @n) AS u(f, n) ON CONFLICT (feature) DO UPDATE SET df = story_features.df + excluded.df",
                   ("f", counts.Keys.Select(f => (long)f).ToArray()), ("n", counts.Values.Select(n => (int)n).ToArray())))
            writes.Run(command);
        using (var command = Command("UPDATE story_count SET stories = stories + @s WHERE id = 1", ("s", stories)))
            writes.Run(command);
    }

    public override void Post(List<uint> features, DateOnly date, long id)
    {
        if (features.Count == 0) return;
        using var command = Command("INSERT INTO story_postings SELECT f, @d, @i FROM unnest(@f) f ON CONFLICT DO NOTHING",
            ("f", features.Select(f => (long)f).ToArray()), ("d", date), ("i", id));
        writes.Run(command);
    }

    public override long? StoryOf(long id)
    {
        // The article's month from its key, so one partition is read.
        using var command = Command("""
            SELECT coalesce(story_id, id) FROM articles WHERE id = @id AND date = (SELECT date FROM article_keys WHERE article_id = @id)
                AND duplicate_of IS NULL AND features IS NOT NULL
            """, ("id", id));
        return writes.Scalar(command) as long?;
    }

    public override List<(long Id, ulong SimHash)> SimilarStories(ulong simHash)
    {
        var list = new List<(long, ulong)>();
        using var command = Command(KeySimilarQuery("@"), ("q0", QuarterOf(simHash, 0)), ("q1", QuarterOf(simHash, 1)), ("q2", QuarterOf(simHash, 2)), ("q3", QuarterOf(simHash, 3)));
        using var r = writes.Reader(command);
        while (r.Read()) list.Add((r.GetInt64(0), unchecked((ulong)r.GetInt64(1))));
        return list;
    }
}
