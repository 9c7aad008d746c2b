using System.Data.Common;

namespace Kronika.Store;

/// <summary>
/// Merges reports of one real event into one chronicle event (docs/chronicle.md), looked up in the database at the
/// moment of the decision (so every writer sees every other writer's events, and nothing grows in memory with the
/// store) by (type, participant side, month): a report joins the chronicle event of the same type whose sides it is
/// compatible with (the smaller side set within the larger, actors with actors and targets with targets; for the
/// symmetric types all participants together), whose days overlap the days the report allows, and whose place, when
/// both give one, is the same side. Among several, the one with the narrowest days wins. `event_months` files each
/// event under its type, each side and each month its days span when the side joined it (events spanning more than a
/// year under month 0 of their first year), so a report reads the months its own days span, never every event of a side.
/// </summary>
public sealed class ChronicleIndex(DeferredWrites writes, Func<DbDataReader, int, DateOnly> readDay, Func<DateOnly, object> day,
    Dictionary<long, ChronicleIndex.Entry> known) : IDisposable
{
    /// <summary>How many events a writer keeps known before it starts again.</summary>
    public const int MaxKnown = 200_000;

    /// <summary>The batch's commands by their text, each prepared once (lists go in as numbered parameters, so the texts repeat).</summary>
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }

    /// <summary>What a chronicle event is known by while merging: its type and mode, its days (the narrowest a report gave), sides and places.</summary>
    public sealed class Entry(long id, string type, string? mode, DateOnly from, DateOnly to)
    {
        public long Id { get; } = id;
        public string Type { get; } = type;
        public string? Mode { get; set; } = mode;
        public DateOnly From { get; set; } = from;
        public DateOnly To { get; set; } = to;
        public HashSet<string> Actors { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Targets { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Places { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The table of the index (both stores alike).</summary>
    public const string Table = """
        CREATE TABLE IF NOT EXISTS event_months (
            type TEXT NOT NULL,
            side TEXT NOT NULL,
            month INT NOT NULL,
            event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            PRIMARY KEY (type, side, month, event_id));
        CREATE INDEX IF NOT EXISTS event_months_event ON event_months(event_id);
        """;

    private static IEnumerable<int> Months(DateOnly from, DateOnly to)
    {
        if (to.Year * 12 + to.Month - (from.Year * 12 + from.Month) > 12) { yield return from.Year * 100; yield break; }
        // By month number, not AddMonths: December 9999 has no month after it.
        for (var m = from.Year * 12 + from.Month - 1; m <= to.Year * 12 + to.Month - 1; m++) yield return m / 12 * 100 + m % 12 + 1;
    }

    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = writes.Connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = writes.Transaction;
            foreach (var (name, _) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                command.Parameters.Add(p);
            }
            _commands[sql] = command;
        }
        for (var i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        return command;
    }

    private static string List(string prefix, int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"@{prefix}{i}"));

    private static IEnumerable<(string, object?)> Values<T>(string prefix, IEnumerable<T> values) => values.Select((v, i) => ($"@{prefix}{i}", (object?)v));

    private void AddSide(Entry e, string role, string side)
    {
        if (!(role == "actor" ? e.Actors : e.Targets).Add(side)) return;
        foreach (var month in Months(e.From, e.To))
            writes.Run(Command("INSERT INTO event_months VALUES (@type, @side, @month, @event) ON CONFLICT DO NOTHING",
                ("@type", e.Type), ("@side", side), ("@month", month), ("@event", e.Id)));
    }

    /// <summary>The stored chronicle event, with its sides and places, or null.</summary>
    public Entry? Get(long id) => Load([id]).GetValueOrDefault(id);

    /// <summary>
    /// The events asked for, from those the writer knows (<paramref name="known"/>, kept across its batches: every change
    /// to a known event goes through <see cref="Add"/> and the writer, which change both alike; the writer forgets them
    /// when an article is replaced, a batch fails, or another writer committed in between) or read from the store.
    /// </summary>
    private Dictionary<long, Entry> Load(IReadOnlyList<long> wanted)
    {
        var entries = new Dictionary<long, Entry>();
        var ids = new List<long>();
        foreach (var id in wanted)
            if (known.TryGetValue(id, out var e)) entries[id] = e;
            else ids.Add(id);
        if (ids.Count == 0) return entries;
        var list = List("i", ids.Count);
        var values = Values("i", ids).ToArray();
        // The event, its sides and its places in one round trip to a server (with the writes waiting), or one command.
        string[] reads =
        [
            $"SELECT id, type, mode, day_from, day_to FROM events WHERE id IN ({list})",
            $"SELECT event_id, role, side FROM event_participants WHERE event_id IN ({list})",
            $"SELECT DISTINCT event_id, location_side FROM event_mentions WHERE event_id IN ({list}) AND location_side IS NOT NULL",
        ];
        DbDataReader Open()
        {
            if (writes.Connection.CanCreateBatch) return writes.Reader([.. reads.Select(sql => Command(sql, values))]);
            writes.Flush();
            return Command(string.Join(";\n", reads), values).ExecuteReader();
        }
        using (var r = Open())
        {
            while (r.Read())
                entries[r.GetInt64(0)] = new Entry(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), readDay(r, 3), readDay(r, 4));
            r.NextResult();
            while (r.Read())
                if (entries.TryGetValue(r.GetInt64(0), out var e)) (r.GetString(1) == "actor" ? e.Actors : e.Targets).Add(r.GetString(2));
            r.NextResult();
            while (r.Read())
                if (entries.TryGetValue(r.GetInt64(0), out var e)) e.Places.Add(r.GetString(1));
        }
        foreach (var id in ids)
            if (entries.TryGetValue(id, out var e)) known[id] = e;
        return entries;
    }

    /// <summary>The chronicle event this report belongs to, if one is stored.</summary>
    public Entry? Find(StoredEvent report)
    {
        var actors = report.Participants.Where(p => p.Role == "actor").Select(p => p.Side).ToHashSet(StringComparer.Ordinal);
        var targets = report.Participants.Where(p => p.Role == "target").Select(p => p.Side).ToHashSet(StringComparer.Ordinal);
        var (from, to) = (report.From!.Value, report.To!.Value);
        var sides = actors.Concat(targets).Distinct().ToList();
        var months = Months(from, to).Concat(Enumerable.Range(from.Year - 1, to.Year - from.Year + 2).Select(y => y * 100)).Distinct().ToList();
        if (sides.Count == 0) return null;
        // The candidates in the order the sides and months are asked for (then by id), so the first of equally narrow ones wins.
        // Only the events whose days overlap the report's and whose mode agrees are loaded (the checks below, done first
        // in the query): a side's month holds more events the larger the store, and loading each one's sides and places
        // made every report's cost grow with the store.
        var parameters = new List<(string, object?)> { ("@type", report.Type), ("@from", day(from)), ("@to", day(to)) };
        if (report.Mode is not null) parameters.Add(("@mode", report.Mode));
        parameters.AddRange(Values("s", sides));
        parameters.AddRange(Values("m", months));
        var command = Command($"""
            SELECT m.side, m.month, m.event_id FROM event_months m JOIN events e ON e.id = m.event_id
            WHERE m.type = @type AND m.side IN ({List("s", sides.Count)}) AND m.month IN ({List("m", months.Count)})
              AND e.day_from <= @to AND e.day_to >= @from{(report.Mode is null ? "" : " AND (e.mode IS NULL OR e.mode = @mode)")}
            """, [.. parameters]);
        var found = new List<(int Side, int Month, long Id)>();
        using (var r = writes.Reader(command))
            while (r.Read()) found.Add((sides.IndexOf(r.GetString(0)), months.IndexOf(r.GetInt32(1)), r.GetInt64(2)));
        var ids = found.OrderBy(f => f.Side).ThenBy(f => f.Month).ThenBy(f => f.Id).Select(f => f.Id).Distinct().ToList();
        var entries = Load(ids);
        Entry? best = null;
        foreach (var id in ids)
        {
            if (!entries.TryGetValue(id, out var e)) continue;
            if (e.From > to || e.To < from) continue;
            if (report.Mode is not null && e.Mode is not null && report.Mode != e.Mode) continue;
            if (!Within(actors, e.Actors) || !Within(targets, e.Targets)) continue;
            if (report.LocationSide is { } place && e.Places.Count > 0 && !e.Places.Contains(place)) continue;
            if (best is null || e.To.DayNumber - e.From.DayNumber < best.To.DayNumber - best.From.DayNumber) best = e;
        }
        return best;
    }

    /// <summary>One side set lies within the other (an empty one within any).</summary>
    private static bool Within(HashSet<string> a, HashSet<string> b) => a.Count <= b.Count ? a.IsSubsetOf(b) : b.IsSubsetOf(a);

    /// <summary>Records a report of chronicle event <paramref name="id"/> (new when <paramref name="entry"/> is null, then known from here on): its sides filed, and the days narrowed to those both allow (the writer stores them).</summary>
    public Entry Add(long id, Entry? entry, StoredEvent report)
    {
        if (entry is null) known[id] = entry = new Entry(id, report.Type, report.Mode, report.From!.Value, report.To!.Value);
        else
        {
            var from = report.From!.Value > entry.From ? report.From.Value : entry.From;
            var to = report.To!.Value < entry.To ? report.To.Value : entry.To;
            if (from <= to) (entry.From, entry.To) = (from, to);
            entry.Mode ??= report.Mode;
        }
        foreach (var p in report.Participants) AddSide(entry, p.Role, p.Side);
        if (report.LocationSide is { } place) entry.Places.Add(place);
        return entry;
    }
}
