using Npgsql;

namespace Kronika.Store;

/// <summary>The story look-ups of one PostgreSQL write transaction (the features go in as arrays).</summary>
internal sealed class PostgresStoryLookups(NpgsqlConnection connection, NpgsqlTransaction transaction) : StoryLookups
{
    private NpgsqlCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static long[] Longs(uint[] features) => Array.ConvertAll(features, f => (long)f);

    public override long Stories()
    {
        using var command = Command("SELECT stories FROM story_count WHERE id = 1");
        return (long)command.ExecuteScalar()!;
    }

    public override Dictionary<uint, long> Frequencies(uint[] features)
    {
        var df = new Dictionary<uint, long>();
        using var command = Command("SELECT feature, df FROM story_features WHERE feature = ANY(@f)", ("f", Longs(features)));
        using var r = command.ExecuteReader();
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
        using var r = command.ExecuteReader();
        while (r.Read()) list.Add(((uint)r.GetInt64(0), r.GetInt64(1)));
        return list;
    }

    public override Dictionary<long, (long Story, uint[] Features)> Candidates(List<long> ids)
    {
        var found = new Dictionary<long, (long, uint[])>();
        using var command = Command("SELECT id, coalesce(story_id, id), features FROM articles WHERE id = ANY(@ids) AND features IS NOT NULL", ("ids", ids.ToArray()));
        using var r = command.ExecuteReader();
        while (r.Read()) found[r.GetInt64(0)] = (r.GetInt64(1), StoryFeatures.Unpack(r.GetFieldValue<byte[]>(2)));
        return found;
    }

    public override void Remove(long id, DateOnly date, uint[] features)
    {
        using var command = Command("""
            DELETE FROM story_postings WHERE feature = ANY(@f) AND day = @day AND article_id = @id;
            UPDATE story_features SET df = df - 1 WHERE feature = ANY(@f);
            UPDATE story_count SET stories = stories - 1 WHERE id = 1;
            """, ("f", Longs(features)), ("day", date), ("id", id));
        command.ExecuteNonQuery();
    }

    public override void AddCounts(IReadOnlyDictionary<uint, long> counts, long stories)
    {
        using var command = Command("""
            INSERT INTO story_features SELECT f, n FROM unnest(@f, @n) AS u(f, n) ON CONFLICT (feature) DO UPDATE SET df = story_features.df + excluded.df;
            UPDATE story_count SET stories = stories + @s WHERE id = 1;
            """, ("f", counts.Keys.Select(f => (long)f).ToArray()), ("n", counts.Values.Select(n => (int)n).ToArray()), ("s", stories));
        command.ExecuteNonQuery();
    }

    public override void Post(List<uint> features, DateOnly date, long id)
    {
        if (features.Count == 0) return;
        using var command = Command("INSERT INTO story_postings SELECT f, @d, @i FROM unnest(@f) f ON CONFLICT DO NOTHING",
            ("f", features.Select(f => (long)f).ToArray()), ("d", date), ("i", id));
        command.ExecuteNonQuery();
    }

    public override long? StoryOf(long id)
    {
        using var command = Command("SELECT coalesce(story_id, id) FROM articles WHERE id = @id AND duplicate_of IS NULL AND features IS NOT NULL", ("id", id));
        return command.ExecuteScalar() as long?;
    }

    public override List<(long Id, ulong SimHash)> SimilarStories(ulong simHash)
    {
        var list = new List<(long, ulong)>();
        using var command = Command(SimilarQuery("@"), ("q0", QuarterOf(simHash, 0)), ("q1", QuarterOf(simHash, 1)), ("q2", QuarterOf(simHash, 2)), ("q3", QuarterOf(simHash, 3)));
        using var r = command.ExecuteReader();
        while (r.Read()) list.Add((r.GetInt64(0), unchecked((ulong)r.GetInt64(1))));
        return list;
    }
}
