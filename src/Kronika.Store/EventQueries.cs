using System.Text;

namespace Kronika.Store;

/// <summary>
/// The event and watch queries both stores share (named `@` parameters, which SQLite and PostgreSQL both read). An
/// event is one row per key (type, date, participants); each article reporting it adds a mention (tables: SharedTables).
/// </summary>
public static class EventQueries
{
    /// <summary>Inserts the event if its key is new; returns its id either way.</summary>
    public const string Upsert = """
        INSERT INTO events (key, type, mode, date, day_from, day_to) VALUES (@key, @type, @mode, @date, @from, @to)
        ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id
        """;

    public const string Participant = "INSERT INTO event_participants VALUES (@event, @entity, @role) ON CONFLICT DO NOTHING";

    public const string Mention = """
        INSERT INTO event_mentions VALUES (@article, @start, @end, @event, @sentence_start, @sentence, @modality, @source, @location, @quantities)
        ON CONFLICT DO NOTHING
        """;

    public const string DeleteMentions = "DELETE FROM event_mentions WHERE article_id = @article";

    /// <summary>After an article's events are replaced, events no article reports any more go.</summary>
    public const string DeleteOrphans = "DELETE FROM events WHERE NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = events.id)";

    /// <summary>The WHERE clause of an event search; <paramref name="add"/> binds each parameter (the store converts dates).</summary>
    public static string Where(EventRequest request, Action<string, object?> add)
    {
        var where = new StringBuilder("TRUE");
        if (request.Type is { } type) { where.Append(" AND e.type = @type"); add("@type", type); }
        if (request.From is { } from) { where.Append(" AND e.day_to >= @from"); add("@from", from); }
        if (request.To is { } to) { where.Append(" AND e.day_from <= @to"); add("@to", to); }
        Participants(where, request.ActorKeys, "a", "p.role = 'actor'", add);
        Participants(where, request.TargetKeys, "t", "(p.role = 'target' OR e.type IN ('AGREE', 'CONSULT', 'COOPERATE'))", add);
        Participants(where, request.AnyKeys, "p", "TRUE", add);
        if (request.AfterArticleId > 0)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND m.article_id > @after)");
            add("@after", request.AfterArticleId);
        }
        return where.ToString();
    }

    private static void Participants(StringBuilder where, IReadOnlyList<string>? keys, string prefix, string role, Action<string, object?> add)
    {
        if (keys is null) return;
        var names = keys.Select((k, i) => $"@{prefix}{i}").ToList();
        where.Append($" AND EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND {role} AND p.entity_key IN ({(names.Count == 0 ? "NULL" : string.Join(", ", names))}))");
        for (var i = 0; i < keys.Count; i++) add(names[i], keys[i]);
    }

    // Watches: saved queries and entities, and how far each has been looked at.

    public const string SaveWatch = """
        INSERT INTO watches VALUES (@name, @query, @entity, @seen, @created)
        ON CONFLICT (name) DO UPDATE SET query = excluded.query, entity = excluded.entity, seen_up_to = excluded.seen_up_to
        """;

    public const string ListWatches = "SELECT name, query, entity, seen_up_to, created FROM watches ORDER BY name";

    public const string MarkSeen = "UPDATE watches SET seen_up_to = @seen WHERE name = @name";

    public const string LastArticleId = "SELECT coalesce(max(id), 0) FROM articles";

    public static string Count(string where) => $"SELECT COUNT(*) FROM events e WHERE {where}";

    public static string Page(string where) => $"""
        SELECT e.id, e.type, e.mode, e.date, (SELECT COUNT(*) FROM event_mentions m WHERE m.event_id = e.id)
        FROM events e WHERE {where} ORDER BY e.day_from DESC, e.id DESC LIMIT @limit OFFSET @offset
        """;

    public const string ParticipantNames = """
        SELECT p.role, coalesce(n.canonical, p.entity_key) FROM event_participants p LEFT JOIN entities n ON n.key = p.entity_key
        WHERE p.event_id = @event ORDER BY p.role, 2
        """;

    public const string Mentions = """
        SELECT m.article_id, a.date, a.title, a.name, a.url, m.sentence, m.trigger_start - m.sentence_start, m.trigger_end - m.sentence_start,
            m.modality, m.source, m.location, m.quantities
        FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = @event ORDER BY a.date, m.article_id LIMIT @limit
        """;
}
