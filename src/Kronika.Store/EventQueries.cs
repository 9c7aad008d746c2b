using System.Text;

namespace Kronika.Store;

/// <summary>
/// The event and watch queries both stores share (named `@` parameters, which SQLite and PostgreSQL both read). An
/// event is one row per key (type, date, participants); each article reporting it adds a mention (tables: SharedTables).
/// </summary>
public static class EventQueries
{
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
        Participants(where, request.ActorKeys, "a", ActorRole, add, request.Sides);
        Participants(where, request.TargetKeys, "t", TargetRole, add, request.Sides);
        Participants(where, request.AnyKeys, "any", "TRUE", add, request.Sides);
        if (request.AfterArticleId > 0)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND m.article_id > @after)");
            add("@after", request.AfterArticleId);
        }
        return where.ToString();
    }

    private static void Participants(StringBuilder where, IReadOnlyList<string>? keys, string prefix, string role, Action<string, object?> add, bool sides = false)
    {
        if (keys is null) return;
        where.Append(" AND ").Append(Participants(keys, prefix, role, sides));
        for (var i = 0; i < keys.Count; i++) add($"@{prefix}{i}", keys[i]);
    }

    public const string ActorRole = "p.role = 'actor'";
    public const string TargetRole = "(p.role = 'target' OR e.type IN ('AGREE', 'CONSULT', 'COOPERATE'))";

    /// <summary>
    /// The condition that a participant in <paramref name="role"/> is one of the keys bound as `@{prefix}0`, `@{prefix}1`…;
    /// with <paramref name="sides"/> also one standing for one of them (a state's capital, seat of government or leader
    /// in office: docs/chronicle.md).
    /// </summary>
    public static string Participants(IReadOnlyList<string> keys, string prefix, string role, bool sides)
    {
        var list = keys.Count == 0 ? "NULL" : string.Join(", ", keys.Select((_, i) => $"@{prefix}{i}"));
        return sides
            ? $"e.id IN (SELECT p.event_id FROM event_participants p WHERE {role} AND p.entity_key IN ({list}) UNION SELECT p.event_id FROM event_participants p WHERE {role} AND p.side IN ({list}))"
            : $"EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND {role} AND p.entity_key IN ({list}))";
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

    /// <summary>The events matching <paramref name="where"/> counted up to <paramref name="most"/>: the count stops there.</summary>
    public static string CountUpTo(string where, int most) => $"SELECT COUNT(*) FROM (SELECT 1 FROM events e WHERE {where} LIMIT {most}) c";

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
