using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Kronika.Store;

/// <summary>The story look-ups of one SQLite write transaction, with its statements prepared once.</summary>
internal sealed class SqliteStoryLookups : StoryLookups, IDisposable
{
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _stories, _frequencies, _postings, _candidates, _remove, _addCounts, _post, _storyOf, _similar;

    public SqliteStoryLookups(SqliteConnection connection, SqliteTransaction transaction)
    {
        SqliteCommand Make(string sql, params string[] names)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var name in names) command.Parameters.Add(new SqliteParameter(name, null));
            _commands.Add(command);
            return command;
        }
        _stories = Make("SELECT stories FROM story_count WHERE id = 1");
        _frequencies = Make("SELECT feature, df FROM story_features WHERE feature IN (SELECT value FROM json_each($f))", "$f");
        _postings = Make("""
            SELECT feature, article_id FROM story_postings
            WHERE feature IN (SELECT value FROM json_each($f)) AND day BETWEEN $from AND $to ORDER BY feature, article_id
            """, "$f", "$from", "$to");
        _candidates = Make("SELECT id, coalesce(story_id, id), features FROM articles WHERE id IN (SELECT value FROM json_each($ids)) AND features IS NOT NULL", "$ids");
        _remove = Make("""
            DELETE FROM story_postings WHERE feature IN (SELECT value FROM json_each($f)) AND day = $day AND article_id = $id;
            UPDATE story_features SET df = df - 1 WHERE feature IN (SELECT value FROM json_each($f));
            UPDATE story_count SET stories = stories - 1 WHERE id = 1;
            """, "$f", "$day", "$id");
        // One statement per batch for all its counts (`WHERE true`: SQLite's upsert after a SELECT needs it).
        _addCounts = Make("""
            INSERT INTO story_features SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each($c) WHERE true
                ON CONFLICT (feature) DO UPDATE SET df = df + excluded.df;
            UPDATE story_count SET stories = stories + $n WHERE id = 1;
            """, "$c", "$n");
        _post = Make("INSERT OR IGNORE INTO story_postings SELECT value, $day, $id FROM json_each($f)", "$f", "$day", "$id");
        _storyOf = Make("SELECT coalesce(story_id, id) FROM articles WHERE id = $id AND duplicate_of IS NULL AND features IS NOT NULL", "$id");
        _similar = Make(SimilarQuery("$"), "$q0", "$q1", "$q2", "$q3");
    }

    /// <summary>A posting's day: its day number (days since 0001-01-01), three bytes where the text took ten.</summary>
    private static long Day(DateOnly d) => d.DayNumber;

    private static string Json<T>(IEnumerable<T> values) => "[" + string.Join(',', values) + "]";

    private static SqliteCommand With(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    public override long Stories() => Convert.ToInt64(_stories.ExecuteScalar(), CultureInfo.InvariantCulture);

    public override Dictionary<uint, long> Frequencies(uint[] features)
    {
        var df = new Dictionary<uint, long>();
        using var r = With(_frequencies, Json(features)).ExecuteReader();
        while (r.Read()) df[(uint)r.GetInt64(0)] = r.GetInt64(1);
        return df;
    }

    public override List<(uint Feature, long Id)> Postings(uint[] features, DateOnly from, DateOnly to)
    {
        var list = new List<(uint, long)>();
        if (features.Length == 0) return list;
        using var r = With(_postings, Json(features), Day(from), Day(to)).ExecuteReader();
        while (r.Read()) list.Add(((uint)r.GetInt64(0), r.GetInt64(1)));
        return list;
    }

    public override Dictionary<long, (long Story, uint[] Features)> Candidates(List<long> ids, DateOnly from, DateOnly to)
    {
        var found = new Dictionary<long, (long, uint[])>();
        using var r = With(_candidates, Json(ids)).ExecuteReader();
        while (r.Read()) found[r.GetInt64(0)] = (r.GetInt64(1), StoryFeatures.Unpack((byte[])r.GetValue(2)));
        return found;
    }

    public override void Remove(long id, DateOnly date, uint[] features) => With(_remove, Json(features), Day(date), id).ExecuteNonQuery();

    public override void AddCounts(IReadOnlyDictionary<uint, long> counts, long stories) =>
        With(_addCounts, Json(counts.Select(c => $"[{c.Key},{c.Value}]")), stories).ExecuteNonQuery();

    public override void Post(List<uint> features, DateOnly date, long id)
    {
        if (features.Count > 0) With(_post, Json(features), Day(date), id).ExecuteNonQuery();
    }

    public override long? StoryOf(long id) => With(_storyOf, id).ExecuteScalar() as long?;

    public override List<(long Id, ulong SimHash)> SimilarStories(ulong simHash)
    {
        var list = new List<(long, ulong)>();
        using var r = With(_similar, QuarterOf(simHash, 0), QuarterOf(simHash, 1), QuarterOf(simHash, 2), QuarterOf(simHash, 3)).ExecuteReader();
        while (r.Read()) list.Add((r.GetInt64(0), unchecked((ulong)r.GetInt64(1))));
        return list;
    }

    public void Dispose()
    {
        foreach (var command in _commands) command.Dispose();
    }
}
