using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Kronika.Core.Learning;
using Kronika.Core.Model;

namespace Kronika.Store;

/// <summary>An entity mention as stored: the entity's key (its Wikidata id, else type and canonical name) and its names.</summary>
public sealed record StoredMention(string EntityKey, string Canonical, string Type, string? Kb, int Start, int End)
{
    /// <summary>How both stores read an article's mentions back: rows of (entity_key, canonical, type, kb, offsets).</summary>
    public const string Select = "SELECT m.entity_key, e.canonical, e.type, e.kb, m.offsets FROM mentions m JOIN entities e ON e.key = m.entity_key WHERE m.article_id = ";

    /// <summary>The mentions in the rows of <see cref="Select"/>, in text order.</summary>
    public static List<StoredMention> Read(System.Data.Common.DbDataReader r)
    {
        var mentions = new List<StoredMention>();
        while (r.Read())
        {
            var offsets = Snippets.Unpack((byte[])r.GetValue(4));
            for (var i = 0; i + 1 < offsets.Length; i += 2)
                mentions.Add(new StoredMention(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), offsets[i], offsets[i + 1]));
        }
        mentions.Sort((x, y) => x.Start.CompareTo(y.Start));
        return mentions;
    }
}

/// <summary>A time expression as stored, with the days it spans when it names a calendar period (for `--event-dates`).</summary>
public sealed record StoredTime(int Start, int End, string Type, string Value, string? Mod, DateOnly? From, DateOnly? To);

/// <summary>
/// An event as stored: its identity across articles (<see cref="Key"/>: type, date and participants' entity keys — the
/// same event reported by several articles has one key), what it is, and where this article reports it: the sentence,
/// the trigger, the modality, the source it is attributed to, the place and the quantities (`10000 karys MORE_THAN`).
/// Participants are (entity key, role) with role `actor` or `target`; the symmetric types (AGREE, CONSULT, COOPERATE)
/// have only actors.
/// </summary>
public sealed record StoredEvent(
    string Key,
    string Type,
    string? Mode,
    string? Date,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<(string EntityKey, string Role)> Participants,
    int SentenceStart,
    int SentenceEnd,
    int TriggerStart,
    int TriggerEnd,
    string Modality,
    string? Source,
    string? Location,
    string Quantities)
{
    private static readonly HashSet<string> Symmetric = ["AGREE", "CONSULT", "COOPERATE"];

    public static StoredEvent Of(Document doc, Event e)
    {
        EntityMention Mention(int id) => doc.Entities.First(m => m.Id == id);
        string Key(int id) => Mention(id) is var m ? StoredArticle.EntityKey(m.Type, m.Canonical, m.Kb) : "";
        var actors = e.Actors.Select(Key).Distinct().Order(StringComparer.Ordinal).ToList();
        var targets = e.Targets.Select(Key).Distinct().Order(StringComparer.Ordinal).ToList();
        if (Symmetric.Contains(e.Type)) (actors, targets) = ([.. actors.Union(targets).Order(StringComparer.Ordinal)], []);
        // A date only relative to the article (`PAST_REF`) names no day: such events are one event per article date.
        var range = e.Date is null ? null : TimeRange.Of(e.Date);
        var day = doc.Date ?? DateOnly.MinValue;
        var date = range is null ? $"{e.Date ?? "-"}@{day:yyyy-MM-dd}" : e.Date!;
        var sentence = doc.Sentence(e.Sentence);
        string? source = null;
        if (e.Attribution is { } a) source = doc.Attributions[a].Source is { } s ? Mention(s).Canonical : doc.Attributions[a].SourceText;
        var quantities = string.Join("; ", e.Quantities.Select(q => doc.Quantities[q]).Select(q =>
            $"{q.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(q.Unit is null ? "" : " " + q.Unit)}{(q.Approx is null ? "" : " " + q.Approx)}"));
        return new StoredEvent(
            $"{e.Type}|{date}|{string.Join(',', actors)}|{string.Join(',', targets)}",
            e.Type, e.Mode, e.Date, range?.From ?? day, range?.To ?? day,
            [.. actors.Select(k => (k, "actor")), .. targets.Select(k => (k, "target"))],
            sentence.Start, sentence.End, e.TriggerStart, e.TriggerEnd, e.Modality, source,
            e.Location is { } l ? Mention(l).Canonical : null,
            quantities);
    }

    /// <summary>The event with its participants' entity keys mapped (see <see cref="People"/>), and its key rebuilt from them.</summary>
    public StoredEvent WithEntityKeys(Func<string, string> map)
    {
        var participants = Participants.Select(p => (map(p.EntityKey), p.Role)).Distinct().ToList();
        string Of(string role) => string.Join(',', participants.Where(p => p.Role == role).Select(p => p.Item1).Distinct().Order(StringComparer.Ordinal));
        var date = Key.Split('|')[1];
        return this with { Participants = participants, Key = $"{Type}|{date}|{Of("actor")}|{Of("target")}" };
    }
}

/// <summary>
/// An analyzed article as the store keeps it: metadata, text, the lemmas of its words (what search matches) with each
/// lemma's character span (for snippets in the original words), a SimHash of its lemma shingles (near-duplicates), and
/// its entity mentions, time expressions and events.
/// </summary>
public sealed record StoredArticle(
    string SourceId,
    string Hash,
    DateOnly Date,
    string Title,
    string? Url,
    string? Site,
    string Language,
    string Text,
    string Lemmas,
    int[] Spans,
    ulong SimHash,
    IReadOnlyList<StoredMention> Mentions,
    IReadOnlyList<StoredTime> Times,
    IReadOnlyList<StoredEvent> Events)
{
    /// <summary>
    /// The source as shown to readers: the URL, else the path relative to the folder that was ingested (never the
    /// server's absolute path, which <see cref="SourceId"/>, the identity, may be).
    /// </summary>
    public string Shown { get => field ?? SourceId; init; }

    /// <summary>The identity of a document's source in the store: its URL, else where it was read in full (a file's absolute path), else its name.</summary>
    public static string IdOf(Document doc) => doc.Source.Url ?? doc.Source.Location ?? doc.Source.Name;

    /// <summary>Builds the stored form of an analyzed document. Words without a lemma (other languages) are matched in lowercase.</summary>
    public static StoredArticle From(Document doc)
    {
        var lemmas = new StringBuilder(doc.Text.Length);
        var spans = new List<int>();
        for (var i = 0; i < doc.TokenCount; i++)
        {
            var t = doc.Token(i);
            if (t.Kind is TokenKind.Punctuation or TokenKind.Symbol) continue;
            var lemma = LemmaKey(t.Lemma ?? t.Text);
            if (lemma.Length == 0) continue;
            if (lemmas.Length > 0) lemmas.Append(' ');
            lemmas.Append(lemma);
            spans.Add(t.Start);
            spans.Add(t.End);
        }
        var lemmaText = lemmas.ToString();
        var title = doc.Source.Title ?? (doc.SentenceCount > 0 ? doc.Sentence(0).Text : doc.Text);
        if (title.Length > 300) title = title[..300];
        return new StoredArticle(
            IdOf(doc),
            ContentHash(doc),
            doc.Date ?? DateOnly.MinValue,
            title.ReplaceLineEndings(" "),
            doc.Source.Url,
            doc.Source.Site,
            doc.Language,
            doc.Text,
            lemmaText,
            [.. spans],
            SimHashOf(lemmaText),
            doc.Entities.Select(e => new StoredMention(EntityKey(e.Type, e.Canonical, e.Kb), e.Canonical, e.Type, e.Kb, e.Start, e.End)).ToList(),
            doc.Times.Select(t =>
            {
                var range = TimeRange.Of(t.Value);
                return new StoredTime(t.Start, t.End, t.Type, t.Value, t.Mod, range?.From, range?.To);
            }).ToList(),
            doc.Events.Select(e => StoredEvent.Of(doc, e)).ToList())
        {
            Shown = doc.Source.Url ?? doc.Source.Name,
        };
    }

    /// <summary>The mentions grouped by entity, as the stores keep them: the entity's first mention, the count, and the packed offsets.</summary>
    public IEnumerable<(StoredMention Entity, int Count, byte[] Offsets)> MentionsByEntity() =>
        Mentions.GroupBy(m => m.EntityKey).Select(g => (g.First(), g.Count(), Snippets.Pack([.. g.OrderBy(m => m.Start).SelectMany(m => new[] { m.Start, m.End })])));

    /// <summary>How a lemma is indexed and queried: lowercase, without the period of abbreviations (`m.` → `m`).</summary>
    public static string LemmaKey(string lemma) => lemma.ToLowerInvariant().Replace(" ", "_").TrimEnd('.');

    /// <summary>An entity's identity across articles: its Wikidata id, else its type and canonical name.</summary>
    public static string EntityKey(string type, string canonical, string? kb) => kb ?? $"{type}:{canonical}";

    /// <summary>The content hash: the same date and text is the same article, whatever file it came from.</summary>
    public static string ContentHash(Document doc) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{doc.Date:yyyy-MM-dd}\n{doc.Text}")))[..32];

    /// <summary>
    /// A 64-bit SimHash (Charikar) of the lemma 3-shingles: lightly edited copies of one story differ in few bits,
    /// different stories in about half.
    /// </summary>
    public static ulong SimHashOf(string lemmas)
    {
        var words = lemmas.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hashes = new ulong[words.Length];
        for (var i = 0; i < words.Length; i++) hashes[i] = FeatureHash.Of(0, words[i]);
        Span<int> votes = stackalloc int[64];
        for (var i = 0; i + 2 < hashes.Length; i++)
        {
            var h = Finish(hashes[i] ^ BitOperations.RotateLeft(hashes[i + 1], 21) ^ BitOperations.RotateLeft(hashes[i + 2], 42));
            for (var b = 0; b < 64; b++) votes[b] += (int)((h >> b) & 1) * 2 - 1;
        }
        ulong result = 0;
        for (var b = 0; b < 64; b++)
            if (votes[b] > 0) result |= 1UL << b;
        return result;
    }

    /// <summary>The SplitMix64 finalizer: every input bit moves about half the output bits.</summary>
    private static ulong Finish(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>SimHashes this close (in differing bits) are copies of one story.</summary>
    public const int NearDuplicateBits = 3;

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);
}

/// <summary>The days a TIMEX3 value spans (`2025-08` → August 2025), when it is a calendar period.</summary>
public readonly record struct TimeRange(DateOnly From, DateOnly To)
{
    public static TimeRange? Of(string value)
    {
        try
        {
            if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", out var day) && (value.Length == 10 || value[10] == 'T'))
                return new(day, day);
            if (value.Length == 8 && value[4] == '-' && value[5] == 'W' && int.TryParse(value[..4], out var wy) && int.TryParse(value[6..], out var w))
            {
                var monday = DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(wy, w, DayOfWeek.Monday));
                return new(monday, monday.AddDays(6));
            }
            if (value.Length == 7 && value[4] == '-' && int.TryParse(value[..4], out var y) && int.TryParse(value[5..], out var m))
                return new(new DateOnly(y, m, 1), new DateOnly(y, m, DateTime.DaysInMonth(y, m)));
            if (value.Length == 7 && value[4] == '-' && value[5] == 'Q' && int.TryParse(value[..4], out var qy) && value[6] is >= '1' and <= '4')
            {
                var first = new DateOnly(qy, 3 * (value[6] - '0') - 2, 1);
                return new(first, first.AddMonths(3).AddDays(-1));
            }
            if (value.Length == 7 && value[4] == '-' && value[5] == 'H' && int.TryParse(value[..4], out var hy) && value[6] is '1' or '2')
            {
                var first = new DateOnly(hy, value[6] == '1' ? 1 : 7, 1);
                return new(first, first.AddMonths(6).AddDays(-1));
            }
            if (value.Length == 4 && int.TryParse(value, out var year) && year is > 0 and < 10000)
                return new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
        catch (ArgumentOutOfRangeException)
        {
        }
        return null;
    }
}
