using System.Data.Common;
using System.Globalization;

namespace Kronika.Store;

/// <summary>
/// Stories a search matches per period: by publication date, or (the request's <see cref="SearchRequest.EventDates"/>)
/// by the dates they talk about, each story counted once in each period it names a date of. <see cref="Total"/> is the
/// number of stories counted (once each).
/// </summary>
public sealed record VolumeSeries(int Total, IReadOnlyList<(string Period, int Count)> Series);

/// <summary>
/// The places of chronicle events: events reported in the stories a query matches, in which one of <see cref="EntityKeys"/>
/// takes part (any role), or one of <see cref="SideKeys"/> or one standing for it (as the chronicle's `either`), of a
/// type, dated between the dates.
/// </summary>
public sealed record PlaceRequest(
    QueryNode? Query = null,
    IReadOnlyList<string>? EntityKeys = null,
    IReadOnlyList<string>? SideKeys = null,
    string? Type = null,
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>A place events were reported at: its entity key, name, Wikidata id, and how many events.</summary>
public sealed record PlaceCount(string Key, string Name, string? Kb, int Events);

/// <summary>The chart reads both stores share (over any ADO.NET connection, named `@` parameters).</summary>
public static class ChartReads
{
    /// <summary>
    /// The volume series. <paramref name="stories"/> is the store's SQL for the ids of the stories the search matches
    /// (with its parameters); <paramref name="bucket"/> turns a date column into its period (`YYYY-MM-DD` or `YYYY-MM`) in
    /// the store's SQL; <paramref name="day"/> binds and <paramref name="readDay"/> reads a date. By event date without
    /// `from` and `to`, only dates in the years the stored articles were published in count (an article naming 1941
    /// does not stretch the axis over 80 years).
    /// </summary>
    public static VolumeSeries Volume(DbConnection connection, SearchRequest request, string stories, List<(string, object?)> parameters,
        Func<string, string> bucket, Func<DateOnly, object> day, Func<DbDataReader, int, DateOnly> readDay)
    {
        var series = new List<(string, int)>();
        if (!request.EventDates && request is { Query: null, Type: null, AfterId: 0, EntityKeys: [var key] })
        {
            // One entity by publication date: its stories per day are counted at write time (EntityStats), a few rows
            // per day instead of every story mentioning it.
            var dates = (request.From is null ? "" : " AND d.day >= @vfrom") + (request.To is null ? "" : " AND d.day <= @vto");
            List<(string, object?)> bound = [("@vkey", key), .. request.From is { } f ? [("@vfrom", day(f))] : Array.Empty<(string, object?)>(),
                .. request.To is { } t ? [("@vto", day(t))] : Array.Empty<(string, object?)>()];
            using var command = Command(connection, $"SELECT {bucket("d.day")} AS p, SUM(d.articles) FROM entity_days d WHERE d.entity_key = @vkey{dates} GROUP BY p ORDER BY p", bound);
            using var r = command.ExecuteReader();
            while (r.Read()) series.Add((r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)));
            return new VolumeSeries(series.Sum(s => s.Item2), series);
        }
        if (!request.EventDates)
        {
            using var command = Command(connection, $"SELECT {bucket("a.date")} AS p, COUNT(*) FROM articles a WHERE a.id IN ({stories}) GROUP BY p ORDER BY p", parameters);
            using var r = command.ExecuteReader();
            while (r.Read()) series.Add((r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)));
            return new VolumeSeries(series.Sum(s => s.Item2), series);
        }
        var (from, to) = (request.From, request.To);
        if (from is null || to is null)
        {
            using var command = Command(connection, "SELECT min(date), max(date) FROM articles WHERE duplicate_of IS NULL", []);
            using var r = command.ExecuteReader();
            if (!r.Read() || r.IsDBNull(0)) return new VolumeSeries(0, []);
            from ??= new DateOnly(readDay(r, 0).Year, 1, 1);
            to ??= new DateOnly(readDay(r, 1).Year, 12, 31);
        }
        // A date counts in a period when it lies within it (`rugpjūtį` counts in August, not on each of its days).
        var where = $"""
            t.article_id IN ({stories}) AND t.day_from IS NOT NULL AND t.day_from >= @vfrom AND t.day_to <= @vto
                AND {bucket("t.day_from")} = {bucket("t.day_to")}
            """;
        List<(string, object?)> all = [.. parameters, ("@vfrom", day(from.Value)), ("@vto", day(to.Value))];
        using (var command = Command(connection, $"SELECT {bucket("t.day_from")} AS p, COUNT(DISTINCT t.article_id) FROM times t WHERE {where} GROUP BY p ORDER BY p", all))
        using (var r = command.ExecuteReader())
            while (r.Read()) series.Add((r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)));
        using (var count = Command(connection, $"SELECT COUNT(DISTINCT t.article_id) FROM times t WHERE {where}", all))
            return new VolumeSeries(Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture), series);
    }

    /// <summary>
    /// The places of the events a request finds, most events first. <paramref name="text"/> is the store's SQL for the
    /// ids of the stories a query matches (with its parameters).
    /// </summary>
    public static IReadOnlyList<PlaceCount> Places(DbConnection connection, PlaceRequest request, (string Sql, List<(string, object?)> Parameters)? text,
        Func<DateOnly, object> day)
    {
        var parameters = new List<(string, object?)>();
        var where = EventQueries.Where(new EventRequest(Type: request.Type, From: request.From, To: request.To, AnyKeys: request.SideKeys, Sides: true),
            (name, value) => parameters.Add((name, value is DateOnly d ? day(d) : value)));
        if (request.EntityKeys is { } keys)
        {
            where += " AND " + EventQueries.Participants(keys, "entity", "TRUE", sides: false);
            for (var i = 0; i < keys.Count; i++) parameters.Add(($"@entity{i}", keys[i]));
        }
        if (text is { } t)
        {
            where += $" AND e.id IN (SELECT r.event_id FROM event_mentions r WHERE r.article_id IN ({t.Sql}))";
            parameters.AddRange(t.Parameters);
        }
        var places = new List<PlaceCount>();
        using var command = Command(connection, $"""
            SELECT m.location_key, coalesce(n.canonical, m.location_key), n.kb, COUNT(DISTINCT m.event_id) AS events
            FROM event_mentions m JOIN events e ON e.id = m.event_id LEFT JOIN entities n ON n.key = m.location_key
            WHERE m.location_key IS NOT NULL AND {where}
            GROUP BY m.location_key, n.canonical, n.kb ORDER BY events DESC, 2
            """, parameters);
        using var r = command.ExecuteReader();
        while (r.Read())
            places.Add(new PlaceCount(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture)));
        return places;
    }

    private static DbCommand Command(DbConnection connection, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name.StartsWith('@') || name.StartsWith('$') ? name : "@" + name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }
}
