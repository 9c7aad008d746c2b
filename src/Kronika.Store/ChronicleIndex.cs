namespace Kronika.Store;

/// <summary>
/// Merges reports of one real event into one chronicle event (docs/chronicle.md), kept in memory like
/// <see cref="Stories"/> and looked up by (type, participant side): a report joins the chronicle event of the same
/// type whose sides it is compatible with (the smaller side set within the larger, actors with actors and targets with
/// targets; for the symmetric types all participants together), whose days overlap the days the report allows, and
/// whose place, when both give one, is the same side. Among several, the one with the narrowest days wins.
/// </summary>
public sealed class ChronicleIndex
{
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

    private readonly Dictionary<long, Entry> _entries = [];

    // Chronicle events by type, side and each month their days span (events spanning more than a year under month 0
    // of their first year): a report looks up the months its own days span, never every event of a side.
    private readonly Dictionary<(string Type, string Side, int Month), List<long>> _bySide = [];

    private static IEnumerable<int> Months(DateOnly from, DateOnly to)
    {
        if (to.Year * 12 + to.Month - (from.Year * 12 + from.Month) > 12) { yield return from.Year * 100; yield break; }
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1)) yield return m.Year * 100 + m.Month;
    }

    public int Count => _entries.Count;

    /// <summary>Loads the chronicle events stored: (id, type, mode, from, to), participants (id, role, side) and places (id, side).</summary>
    public ChronicleIndex(IEnumerable<(long Id, string Type, string? Mode, DateOnly From, DateOnly To)> events,
        IEnumerable<(long Id, string Role, string Side)> participants, IEnumerable<(long Id, string Side)> places)
    {
        foreach (var (id, type, mode, from, to) in events) _entries[id] = new Entry(id, type, mode, from, to);
        foreach (var (id, role, side) in participants)
            if (_entries.TryGetValue(id, out var e)) AddSide(e, role, side);
        foreach (var (id, side) in places)
            if (_entries.TryGetValue(id, out var e)) e.Places.Add(side);
    }

    private void AddSide(Entry e, string role, string side)
    {
        if (!(role == "actor" ? e.Actors : e.Targets).Add(side)) return;
        foreach (var month in Months(e.From, e.To))
        {
            if (!_bySide.TryGetValue((e.Type, side, month), out var ids)) _bySide[(e.Type, side, month)] = ids = [];
            if (ids.Count == 0 || ids[^1] != e.Id) ids.Add(e.Id);
        }
    }

    public Entry? Get(long id) => _entries.GetValueOrDefault(id);

    /// <summary>The chronicle event this report belongs to, if one is stored.</summary>
    public Entry? Find(StoredEvent report)
    {
        var actors = report.Participants.Where(p => p.Role == "actor").Select(p => p.Side).ToHashSet(StringComparer.Ordinal);
        var targets = report.Participants.Where(p => p.Role == "target").Select(p => p.Side).ToHashSet(StringComparer.Ordinal);
        var (from, to) = (report.From!.Value, report.To!.Value);
        Entry? best = null;
        var months = Months(from, to).Concat(Enumerable.Range(from.Year - 1, to.Year - from.Year + 2).Select(y => y * 100)).ToList();
        var seen = new HashSet<long>();
        foreach (var side in actors.Concat(targets))
        foreach (var month in months)
        {
            if (!_bySide.TryGetValue((report.Type, side, month), out var ids)) continue;
            foreach (var id in ids)
            {
                if (!seen.Add(id)) continue;
                var e = _entries[id];
                if (e.From > to || e.To < from) continue;
                if (report.Mode is not null && e.Mode is not null && report.Mode != e.Mode) continue;
                if (!Within(actors, e.Actors) || !Within(targets, e.Targets)) continue;
                if (report.LocationSide is { } place && e.Places.Count > 0 && !e.Places.Contains(place)) continue;
                if (best is null || e.To.DayNumber - e.From.DayNumber < best.To.DayNumber - best.From.DayNumber) best = e;
            }
        }
        return best;
    }

    /// <summary>One side set lies within the other (an empty one within any).</summary>
    private static bool Within(HashSet<string> a, HashSet<string> b) => a.Count <= b.Count ? a.IsSubsetOf(b) : b.IsSubsetOf(a);

    /// <summary>Records a report of chronicle event <paramref name="id"/> (new when <paramref name="entry"/> is null): its sides and place, and the days narrowed to those both allow.</summary>
    public Entry Add(long id, Entry? entry, StoredEvent report)
    {
        if (entry is null) _entries[id] = entry = new Entry(id, report.Type, report.Mode, report.From!.Value, report.To!.Value);
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
