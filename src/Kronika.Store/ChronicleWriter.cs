using System.Data.Common;

namespace Kronika.Store;

/// <summary>
/// Writes an article's event reports into the chronicle, the same way in both stores (named `@` parameters, commands
/// prepared once per batch): each report joins the chronicle event <see cref="ChronicleIndex"/> finds, whose days
/// narrow to those both allow, or starts a new one; participants (with their sides) and the report are added.
/// </summary>
public sealed class ChronicleWriter : IDisposable
{
    public const string Insert = """
        INSERT INTO events (key, type, mode, date, day_from, day_to, reported) VALUES (@key, @type, @mode, @date, @from, @to, @reported)
        ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id
        """;

    public const string Narrow = "UPDATE events SET date = coalesce(@date, date), day_from = @from, day_to = @to, mode = coalesce(mode, @mode), reported = CASE WHEN reported > @reported THEN @reported ELSE reported END WHERE id = @id";

    public const string Participant = "INSERT INTO event_participants VALUES (@event, @entity, @role, @side) ON CONFLICT DO NOTHING";

    public const string Mention = """
        INSERT INTO event_mentions (article_id, trigger_start, trigger_end, event_id, sentence_start, sentence, modality, source, location, quantities,
            date, day_from, day_to, location_key, location_side)
        VALUES (@article, @start, @end, @event, @sentence_start, @sentence, @modality, @source, @location, @quantities, @rdate, @rfrom, @rto, @lkey, @lside)
        ON CONFLICT DO NOTHING
        """;

    private readonly DbCommand _insert, _narrow, _participant, _mention;
    private readonly Func<DateOnly, object> _day;

    private readonly DeferredWrites _writes;

    /// <summary>Whether the insert also says if it made a new event (PostgreSQL: `xmax = 0` of the row it returns).</summary>
    private readonly bool _tellsNew;

    /// <param name="tellsNew">
    /// The store's insert can say whether the event is new (PostgreSQL): a new one is then not read back from the store.
    /// </param>
    public ChronicleWriter(DeferredWrites writes, Func<DateOnly, object> day, bool tellsNew = false)
    {
        _day = day;
        _writes = writes;
        _tellsNew = tellsNew;
        var (connection, transaction) = (writes.Connection, writes.Transaction);
        _insert = Prepare(connection, transaction, tellsNew ? Insert + ", xmax = 0" : Insert, "key", "type", "mode", "date", "from", "to", "reported");
        _narrow = Prepare(connection, transaction, Narrow, "date", "from", "to", "mode", "reported", "id");
        _participant = Prepare(connection, transaction, Participant, "event", "entity", "role", "side");
        _mention = Prepare(connection, transaction, Mention, "article", "start", "end", "event", "sentence_start", "sentence", "modality", "source",
            "location", "quantities", "rdate", "rfrom", "rto", "lkey", "lside");
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in names)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    private static DbCommand With(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    /// <summary>
    /// Writes the article's reports. Without a <paramref name="chronicle"/> index nothing is merged: a report joins only
    /// an event with the same key (type, date and participants exactly equal), as the store did before the chronicle
    /// merge (the bench measures what the merge costs this way).
    /// </summary>
    public void Write(ChronicleIndex? chronicle, long articleId, StoredArticle a)
    {
        foreach (var e in a.Events)
        {
            var entry = chronicle?.Find(e);
            long eventId;
            if (chronicle is null)
                eventId = Convert.ToInt64(_writes.Scalar(With(_insert, e.Key, e.Type, e.Mode, e.Date, _day(e.From!.Value), _day(e.To!.Value), _day(a.Date))),
                    System.Globalization.CultureInfo.InvariantCulture);
            else if (entry is null)
            {
                var isNew = false;
                if (_tellsNew)
                    using (var r = _writes.Reader(With(_insert, e.Key, e.Type, e.Mode, e.Date, _day(e.From!.Value), _day(e.To!.Value), _day(a.Date))))
                    {
                        r.Read();
                        (eventId, isNew) = (r.GetInt64(0), r.GetBoolean(1));
                    }
                else
                    eventId = Convert.ToInt64(_writes.Scalar(With(_insert, e.Key, e.Type, e.Mode, e.Date, _day(e.From!.Value), _day(e.To!.Value), _day(a.Date))),
                        System.Globalization.CultureInfo.InvariantCulture);
                // A new event is what the report says (Add makes its entry); one the key already named is read from the store.
                entry = isNew ? null : chronicle.Get(eventId);
                var added = chronicle.Add(eventId, entry, e);
                if (entry is not null) Narrowed(added, e, a);
            }
            else
            {
                eventId = entry.Id;
                var (from, to) = (entry.From, entry.To);
                chronicle.Add(eventId, entry, e);
                Narrowed(entry, e, a, entry.From != from || entry.To != to);
            }
            foreach (var p in e.Participants) _writes.Run(With(_participant, eventId, p.EntityKey, p.Role, p.Side));
            _writes.Run(With(_mention, articleId, e.TriggerStart, e.TriggerEnd, eventId, e.SentenceStart, a.Text[e.SentenceStart..e.SentenceEnd], e.Modality, e.Source,
                e.Location, e.Quantities, e.Date, _day(e.From!.Value), _day(e.To!.Value), e.LocationKey, e.LocationSide));
        }
        _writes.Flush();
    }

    /// <summary>Stores a chronicle event's days after a report joined it; its date text becomes the report's when the report narrowed them.</summary>
    private void Narrowed(ChronicleIndex.Entry entry, StoredEvent e, StoredArticle a, bool narrowed = true) =>
        _writes.Run(With(_narrow, narrowed ? e.Date : null, _day(entry.From), _day(entry.To), e.Mode, _day(a.Date), entry.Id));

    public void Dispose()
    {
        foreach (var command in new[] { _insert, _narrow, _participant, _mention }) command.Dispose();
    }
}
