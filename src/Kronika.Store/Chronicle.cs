using System.Data.Common;
using System.Globalization;

namespace Kronika.Store;

/// <summary>
/// A chronicle search: events for a query (events reported in the stories it matches) and/or participants — actor,
/// target, either side (each by entity key; a state also by the capital, seat of government or leader that stands for
/// it: docs/chronicle.md) — of a type, at a place, between two dates; ordered by event date or by first report, oldest first or (<see cref="Descending"/>) newest first.
/// </summary>
public sealed record ChronicleRequest(
    QueryNode? Query = null,
    IReadOnlyList<string>? ActorKeys = null,
    IReadOnlyList<string>? TargetKeys = null,
    IReadOnlyList<string>? EitherKeys = null,
    string? Type = null,
    IReadOnlyList<string>? PlaceKeys = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool ByReport = false,
    int Limit = 20,
    int Offset = 0,
    int Reports = 5,
    bool Descending = false,
    int MaxTotal = ChroniclePage.MaxTotal)
{
    /// <summary>The names of the orders in the API and the command line: by event date or by first report, oldest or (`-desc`) newest first.</summary>
    public static readonly IReadOnlyList<string> Orders = ["event", "event-desc", "report", "report-desc"];

    /// <summary>This request in the named order (one of <see cref="Orders"/>; null for another name).</summary>
    public ChronicleRequest? InOrder(string name) =>
        Orders.Contains(name) ? this with { ByReport = name.StartsWith("report", StringComparison.Ordinal), Descending = name.EndsWith("-desc", StringComparison.Ordinal) } : null;
}

/// <summary>One report of a chronicle event: the article and outlet, the sentence with the trigger (offsets in the article), and what this report says.</summary>
public sealed record ChronicleReport(
    long ArticleId,
    DateOnly ArticleDate,
    string Title,
    string Outlet,
    string? Url,
    int SentenceStart,
    string Sentence,
    int TriggerStart,
    int TriggerEnd,
    string Trigger,
    string? Date,
    string Modality,
    string? AttributedTo,
    string? Location,
    string Quantities);

/// <summary>A figure a report gives: value, unit and approximation, according to whom (the attributed source, else the outlet), and when it was reported.</summary>
public sealed record ChronicleFigure(string Unit, double Value, string? Approx, string Source, DateOnly Reported, long ArticleId);

/// <summary>A claim in a conflict: what was said (a figure, or held/denied), by whom and when.</summary>
public sealed record ChronicleClaim(string Claim, string Source, DateOnly Reported, long ArticleId);

/// <summary>Reports of one event that disagree: different figures for one unit (`Kind` figures) or one side saying it happened and another denying it (`Kind` modality).</summary>
public sealed record ChronicleConflict(string Kind, string? Unit, IReadOnlyList<ChronicleClaim> Claims);

/// <summary>
/// An event across articles: when (its date, else the days it lies between), what (type, also in words), who → whom,
/// where, according to whom, its status (`held`, `planned`, `planned, then held`, `denied`, `disputed`), figures per
/// source, conflicts, how many reports and outlets, first and last report, and its reports (the first few).
/// </summary>
public sealed record ChronicleEvent(
    long Id,
    string Type,
    string TypeLt,
    string TypeEn,
    string? Mode,
    string? Date,
    DateOnly From,
    DateOnly To,
    string Status,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Sources,
    IReadOnlyList<ChronicleFigure> Figures,
    IReadOnlyList<ChronicleConflict> Conflicts,
    int ReportCount,
    int OutletCount,
    DateOnly FirstReported,
    DateOnly LastReported,
    IReadOnlyList<ChronicleReport> Reports)
{
    /// <summary>The date as a reader wants it: the date, else `between FROM and TO`.</summary>
    public string When => Date is { } d && TimeRange.Of(d) is { } r && r.From == From && r.To == To ? d
        : From == To ? From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : $"{From:yyyy-MM-dd}…{To:yyyy-MM-dd}";
}

/// <summary>
/// A page of the chronicle and how many events match: exactly up to the request's count limit (<see cref="MaxTotal"/>
/// unless a caller asks for less); past it <see cref="Total"/> is the limit and <see cref="Capped"/> says more match (a
/// broad query answers without counting every event).
/// </summary>
public sealed record ChroniclePage(int Total, IReadOnlyList<ChronicleEvent> Events, bool Capped = false)
{
    /// <summary>How far the events a query matches are counted (the API's offsets reach as far).</summary>
    public const int MaxTotal = 10_000;
}

/// <summary>An article of a story, with its outlet.</summary>
public sealed record StoryArticle(long Id, DateOnly Date, string Title, string Outlet, string? Url, bool Copy);

/// <summary>A story: the articles of every outlet that told it (copies too), its outlets, first and last report.</summary>
public sealed record StoryInfo(long Id, IReadOnlyList<StoryArticle> Articles, IReadOnlyList<string> Outlets, DateOnly First, DateOnly Last);

/// <summary>The chronicle, story and analysis reads both stores share (over any ADO.NET connection, named `@` parameters).</summary>
public static class ChronicleReads
{
    private static readonly Dictionary<string, (string Lt, string En)> Words = ReadWords();

    private static Dictionary<string, (string, string)> ReadWords()
    {
        using var stream = typeof(ChronicleReads).Assembly.GetManifestResourceStream("Data/event-types.tsv")
            ?? throw new InvalidOperationException("embedded resource 'Data/event-types.tsv' is missing");
        using var reader = new StreamReader(stream);
        var words = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            words[f[0]] = (f[1], f[2]);
        }
        return words;
    }

    public static (string Lt, string En) TypeInWords(string type) => Words.GetValueOrDefault(type, (type, type));

    /// <summary>The outlet of an article: its site, else the host of its URL, else the name it was read under.</summary>
    public const string Outlet = "coalesce(a.site, a.name)";

    private static DbCommand Command(DbConnection connection, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name.StartsWith('@') ? name : "@" + name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    /// <summary>
    /// A page of the chronicle. <paramref name="text"/> is the store's SQL for the ids (a column `id`) of the stories a query matches
    /// (with its parameters), <paramref name="day"/> how the store binds a date and <paramref name="readDay"/> how it reads one;
    /// <paramref name="walkIndex"/> (by report or not) the store's hint naming the index a broad query's page walks the events in.
    /// </summary>
    public static async Task<ChroniclePage> QueryAsync(DbConnection connection, ChronicleRequest request, (string Sql, List<(string, object?)> Parameters)? text,
        Func<DateOnly, object> day, Func<DbDataReader, int, DateOnly> readDay, CancellationToken ct, Func<bool, string>? walkIndex = null)
    {
        var parameters = new List<(string, object?)>();
        // With both an actor and a target, the contacts between them: either one the actor, the other the target.
        var between = request.ActorKeys is not null && request.TargetKeys is not null;
        var where = EventQueries.Where(new EventRequest(between ? null : request.ActorKeys, between ? null : request.TargetKeys, request.Type, request.From, request.To,
                AnyKeys: request.EitherKeys, Sides: true),
            (name, value) => parameters.Add((name, value is DateOnly d ? day(d) : value)));
        if (between)
        {
            // One subquery over pairs of participants (an OR of two IN conditions is not planned as a lookup): one
            // side the actor, the other the target or, in the symmetric types, another actor.
            string List(IReadOnlyList<string> keys, string prefix) => keys.Count == 0 ? "NULL" : string.Join(", ", keys.Select((_, i) => $"@{prefix}{i}"));
            string Pair(string one, string other) => $"""
                SELECT a.event_id FROM event_participants a JOIN event_participants t ON t.event_id = a.event_id
                WHERE a.role = 'actor' AND (a.entity_key IN ({one}) OR a.side IN ({one})) AND (t.entity_key IN ({other}) OR t.side IN ({other}))
                    AND (t.role = 'target' OR t.entity_key <> a.entity_key)
                """;
            string actors = List(request.ActorKeys!, "a"), targets = List(request.TargetKeys!, "t");
            where += $" AND e.id IN ({Pair(actors, targets)} UNION {Pair(targets, actors)})";
            for (var i = 0; i < request.ActorKeys!.Count; i++) parameters.Add(($"@a{i}", request.ActorKeys[i]));
            for (var i = 0; i < request.TargetKeys!.Count; i++) parameters.Add(($"@t{i}", request.TargetKeys[i]));
        }
        if (request.PlaceKeys is { } places)
        {
            var names = places.Select((k, i) => $"@place{i}").ToList();
            where += $" AND e.id IN (SELECT m.event_id FROM event_mentions m WHERE m.location_key IN ({(names.Count == 0 ? "NULL" : string.Join(", ", names))}))";
            for (var i = 0; i < places.Count; i++) parameters.Add((names[i], places[i]));
        }
        var walk = false;
        int? total = null;
        if (text is { } t)
        {
            parameters.AddRange(t.Parameters);
            // A query's events are counted first, up to one past the cap, from the articles it matches. Past the cap (a
            // broad query) the page walks the events in order and stops when it is full, each event checked against the
            // matching articles through its own mentions (the `+` keeps SQLite from looking up every matching article
            // for each event), instead of finding and sorting every matching event.
            // With no condition on the events, the matching articles are read in the text index's order, each one's
            // events looked up, and the count stops at the cap: a broad query reads a few thousand articles, not the
            // list of every one it matches first (`t.Sql` gives the ids as `id`).
            var countSql = where == "TRUE"
                ? $"""
                  SELECT COUNT(*) FROM (SELECT DISTINCT m.event_id FROM ({t.Sql}) f JOIN event_mentions m ON m.article_id = f.id LIMIT {request.MaxTotal + 1}) c
                  """
                : $"""
                  SELECT COUNT(*) FROM (SELECT DISTINCT e.id FROM event_mentions m JOIN events e ON e.id = m.event_id
                  WHERE {where} AND m.article_id IN ({t.Sql}) LIMIT {request.MaxTotal + 1}) c
                  """;
            using (var count = Command(connection, countSql, parameters))
                total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            walk = total > request.MaxTotal;
            where += walk
                ? $" AND EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND +m.article_id IN ({t.Sql}))"
                : $" AND e.id IN (SELECT m.event_id FROM event_mentions m WHERE m.article_id IN ({t.Sql}))";
        }
        // Ascending or descending, every column of the order is turned: the id last makes it a total order, so pages
        // neither repeat nor skip an event.
        var dir = request.Descending ? " DESC" : "";
        var order = request.ByReport ? $"e.reported{dir}, e.day_from{dir}, e.id{dir}" : $"e.day_from{dir}, e.day_to{dir}, e.id{dir}";
        // Otherwise the page and the total in one pass over the matching events (a count beside the page would find them
        // twice); only an empty page that could have held some (past the end, or no room) counts them apart, up to one past the cap.
        var rows = new List<(long Id, string Type, string? Mode, string? Date, DateOnly From, DateOnly To)>();
        using (var page = Command(connection, $"SELECT e.id, e.type, e.mode, e.date, e.day_from, e.day_to{(walk ? "" : ", COUNT(*) OVER ()")} FROM events e{(walk ? walkIndex?.Invoke(request.ByReport) : "")} WHERE {where} ORDER BY {order} LIMIT @limit OFFSET @offset",
                   [.. parameters, ("@limit", request.Limit), ("@offset", request.Offset)]))
        using (var r = await page.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                rows.Add((r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), readDay(r, 4), readDay(r, 5)));
                if (!walk) total = Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture);
            }
        if (total is null && (request.Offset > 0 || request.Limit <= 0))
            using (var count = Command(connection, EventQueries.CountUpTo(where, request.MaxTotal + 1), parameters))
                total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var events = new List<ChronicleEvent>(rows.Count);
        foreach (var row in rows) events.Add(await EventAsync(connection, row, request.Reports, readDay, ct));
        return new ChroniclePage(Math.Min(total ?? 0, request.MaxTotal), events, total > request.MaxTotal);
    }

    /// <summary>How many reports of one event are read for its figures and conflicts.</summary>
    public const int MaxReports = 1000;

    private static async Task<ChronicleEvent> EventAsync(DbConnection connection, (long Id, string Type, string? Mode, string? Date, DateOnly From, DateOnly To) row, int shown,
        Func<DbDataReader, int, DateOnly> readDay, CancellationToken ct)
    {
        var actors = new List<string>();
        var targets = new List<string>();
        using (var names = Command(connection, EventQueries.ParticipantNames, [("@event", row.Id)]))
        using (var r = await names.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) (r.GetString(0) == "actor" ? actors : targets).Add(r.GetString(1));
        // Every report's claims (figures, modality, source; no sentence) for the figures and conflicts, and the first
        // few reports whole for showing.
        var reports = new List<ChronicleReport>();
        using (var command = Command(connection, $"""
                   SELECT m.article_id, a.date, {Outlet}, m.modality, m.source, m.location, m.quantities
                   FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = @event ORDER BY a.date, m.article_id, m.trigger_start LIMIT @limit
                   """, [("@event", row.Id), ("@limit", MaxReports)]))
        using (var r = await command.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                reports.Add(new ChronicleReport(r.GetInt64(0), readDay(r, 1), "", r.GetString(2), null, 0, "", 0, 0, "", null, r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6)));
        var whole = new List<ChronicleReport>();
        if (shown > 0)
            using (var command = Command(connection, $"""
                       SELECT m.article_id, a.date, a.title, {Outlet}, a.url, m.sentence_start, m.sentence, m.trigger_start, m.trigger_end, m.date,
                           m.modality, m.source, m.location, m.quantities
                       FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = @event ORDER BY a.date, m.article_id, m.trigger_start LIMIT @limit
                       """, [("@event", row.Id), ("@limit", shown)]))
            using (var r = await command.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct))
                {
                    var sentenceStart = r.GetInt32(5);
                    var sentence = r.GetString(6);
                    int ts = r.GetInt32(7) - sentenceStart, te = r.GetInt32(8) - sentenceStart;
                    whole.Add(new ChronicleReport(r.GetInt64(0), readDay(r, 1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), sentenceStart,
                        sentence, ts, te, ts >= 0 && te <= sentence.Length && ts <= te ? sentence[ts..te] : "", r.IsDBNull(9) ? null : r.GetString(9), r.GetString(10),
                        r.IsDBNull(11) ? null : r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12), r.GetString(13)));
                }
        var figures = reports.SelectMany(Figures).Distinct().ToList();
        var conflicts = new List<ChronicleConflict>();
        foreach (var unit in figures.GroupBy(f => f.Unit))
            if (unit.Select(f => f.Value).Distinct().Count() > 1)
                conflicts.Add(new ChronicleConflict("figures", unit.Key, unit.Select(f => new ChronicleClaim(Figure(f), f.Source, f.Reported, f.ArticleId)).ToList()));
        var happened = reports.Where(r => r.Modality is "ASSERTED" or "REPORTED").ToList();
        var denied = reports.Where(r => r.Modality == "NEGATED").ToList();
        if (happened.Count > 0 && denied.Count > 0)
            conflicts.Add(new ChronicleConflict("modality", null,
                [.. happened.Concat(denied).OrderBy(r => r.ArticleDate).Select(r => new ChronicleClaim(r.Modality == "NEGATED" ? "denied" : "held", SourceOf(r), r.ArticleDate, r.ArticleId))]));
        var planned = reports.Where(r => r.Modality == "FUTURE").ToList();
        var status = happened.Count > 0 && denied.Count > 0 ? "disputed"
            : happened.Count > 0 && planned.Count > 0 && planned.Min(p => p.ArticleDate) <= happened.Min(h => h.ArticleDate) ? "planned, then held"
            : happened.Count > 0 ? "held"
            : denied.Count > 0 ? "denied"
            : planned.Count > 0 ? "planned"
            : "hypothetical";
        var (lt, en) = TypeInWords(row.Type);
        return new ChronicleEvent(row.Id, row.Type, lt, en, row.Mode, row.Date, row.From, row.To, status, actors, targets,
            reports.Select(r => r.Location).OfType<string>().Distinct().ToList(),
            reports.Select(r => r.AttributedTo).OfType<string>().Distinct().ToList(),
            figures, conflicts, reports.Count, reports.Select(r => r.Outlet).Distinct().Count(),
            reports.Count > 0 ? reports.Min(r => r.ArticleDate) : row.From, reports.Count > 0 ? reports.Max(r => r.ArticleDate) : row.From,
            whole);
    }

    private static string SourceOf(ChronicleReport r) => r.AttributedTo ?? r.Outlet;

    private static string Figure(ChronicleFigure f) =>
        (f.Approx is null ? "" : f.Approx.ToLowerInvariant().Replace('_', ' ') + " ") + f.Value.ToString("0.##", CultureInfo.InvariantCulture) + " " + f.Unit;

    /// <summary>The figures of a report, read back from its stored quantities (`600 karys APPROX; 4000 karys`).</summary>
    private static IEnumerable<ChronicleFigure> Figures(ChronicleReport r)
    {
        foreach (var part in r.Quantities.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.Split(' ');
            if (!double.TryParse(words[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            var approx = words.Length > 1 && words[^1] is "APPROX" or "MORE_THAN" or "LESS_THAN" or "AT_LEAST" or "AT_MOST" ? words[^1] : null;
            var unit = string.Join(' ', words.Skip(1).Take(words.Length - 1 - (approx is null ? 0 : 1)));
            if (unit.Length == 0) continue;
            yield return new ChronicleFigure(unit, value, approx, SourceOf(r), r.ArticleDate, r.ArticleId);
        }
    }

    /// <summary>
    /// An article's stored analysis; its tokens read (a column of their own since schema 12) only when asked for.
    /// <paramref name="oneMonth"/>: a further condition on `articles` that names the row's partition (PostgreSQL: its
    /// date from `article_keys`), so that the read touches one month, not every month's index.
    /// </summary>
    public static async Task<StoredAnalysis?> AnalysisAsync(DbConnection connection, long id, bool tokens, CancellationToken ct, string oneMonth = "")
    {
        using var command = Command(connection, $"SELECT id, model, analysis, coalesce(story_id, id), text{(tokens ? ", tokens" : "")} FROM articles WHERE id = @id{oneMonth}", [("@id", id)]);
        using var r = await command.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new StoredAnalysis(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : (byte[])r.GetValue(2),
            tokens && !r.IsDBNull(5) ? (byte[])r.GetValue(5) : null, r.GetInt64(3), r.GetString(4));
    }

    /// <summary>The next <paramref name="limit"/> articles after <paramref name="afterId"/> not analysed by <paramref name="model"/>, in id order.</summary>
    public static IReadOnlyList<long> Stale(DbConnection connection, string model, long afterId, int limit)
    {
        using var command = Command(connection, "SELECT id FROM articles WHERE id > @after AND (model IS NULL OR model <> @model) ORDER BY id LIMIT @limit",
            [("@after", afterId), ("@model", model), ("@limit", limit)]);
        using var r = command.ExecuteReader();
        var ids = new List<long>();
        while (r.Read()) ids.Add(r.GetInt64(0));
        return ids;
    }

    public static int StaleCount(DbConnection connection, string model)
    {
        using var command = Command(connection, "SELECT COUNT(*) FROM articles WHERE model IS NULL OR model <> @model", [("@model", model)]);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The SQL of an article's story id (`@id` the article's id), for a store whose articles are one table.</summary>
    public const string StoryOf = "SELECT coalesce(s.story_id, s.id) FROM articles a JOIN articles s ON s.id = coalesce(a.duplicate_of, a.id) WHERE a.id = @id";

    /// <param name="storyOf">The SQL of the article's story id (<see cref="StoryOf"/>, or the store's own).</param>
    public static async Task<StoryInfo?> StoryAsync(DbConnection connection, long articleId, Func<DbDataReader, int, DateOnly> readDay, CancellationToken ct,
        string storyOf = StoryOf)
    {
        long story;
        using (var command = Command(connection, storyOf, [("@id", articleId)]))
            if (await command.ExecuteScalarAsync(ct) is not { } found || found is DBNull) return null;
            else story = Convert.ToInt64(found, CultureInfo.InvariantCulture);
        var articles = new List<StoryArticle>();
        using (var command = Command(connection, $"""
                   SELECT a.id, a.date, a.title, {Outlet}, a.url, a.duplicate_of IS NOT NULL FROM articles a
                   WHERE a.id = @story OR a.story_id = @story OR a.duplicate_of IN (SELECT s.id FROM articles s WHERE s.id = @story OR s.story_id = @story)
                   ORDER BY a.date, a.id
                   """, [("@story", story)]))
        using (var r = await command.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                articles.Add(new StoryArticle(r.GetInt64(0), readDay(r, 1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), Convert.ToBoolean(r.GetValue(5), CultureInfo.InvariantCulture)));
        if (articles.Count == 0) return null;
        return new StoryInfo(story, articles, articles.Select(a => a.Outlet).Distinct().ToList(), articles.Min(a => a.Date), articles.Max(a => a.Date));
    }
}
