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
    public static async Task<List<StoredMention>> ReadAsync(System.Data.Common.DbDataReader r, CancellationToken ct)
    {
        var mentions = new List<StoredMention>();
        while (await r.ReadAsync(ct))
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

/// <summary>A participant of an event as stored: its entity key, role (`actor` or `target`) and side (docs/chronicle.md: the state a capital, seat of government or leader in office stands for; else its own key).</summary>
public readonly record struct StoredParticipant(string EntityKey, string Role, string Side);

/// <summary>
/// Which side an entity stands for on the day of an event (docs/chronicle.md); null when it stands for itself. The
/// ingest path passes the knowledge base's rule; without one every entity stands for itself.
/// </summary>
public delegate string? SideOf(EntityMention entity, DateOnly day);

/// <summary>
/// An event as stored: its identity across articles (<see cref="Key"/>: type, date and participants' entity keys — the
/// same event reported by several articles has one key), what it is, and where this article reports it: the sentence,
/// the trigger, the modality, the source it is attributed to, the place and the quantities (`10000 karys MORE_THAN`).
/// The symmetric types (AGREE, CONSULT, COOPERATE) have only actors. <see cref="From"/> and <see cref="To"/> are the
/// days this report allows: its calendar date, else a window its tense gives (docs/chronicle.md).
/// </summary>
public sealed record StoredEvent(
    string Key,
    string Type,
    string? Mode,
    string? Date,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<StoredParticipant> Participants,
    int SentenceStart,
    int SentenceEnd,
    int TriggerStart,
    int TriggerEnd,
    string Modality,
    string? Source,
    string? Location,
    string Quantities)
{
    public static readonly HashSet<string> Symmetric = ["AGREE", "CONSULT", "COOPERATE"];

    /// <summary>The place's entity key and side, for merging and filtering by place.</summary>
    public string? LocationKey { get; init; }
    public string? LocationSide { get; init; }

    /// <summary>How many days before (or after) its article a report dated only by tense may lie (docs/chronicle.md).</summary>
    public const int PastWindow = 7, FutureWindow = 60;

    /// <summary>The days a report's date allows: a calendar period as such, else a window from the article's date by tense.</summary>
    public static (DateOnly From, DateOnly To) Bounds(string? date, DateOnly article) =>
        date is not null && TimeRange.Of(date) is { } r ? (r.From, r.To) : date switch
        {
            "FUTURE_REF" => (article, article.AddDaysWithin(FutureWindow)),
            "PRESENT_REF" => (article.AddDaysWithin(-1), article),
            _ => (article.AddDaysWithin(-PastWindow), article),
        };

    private static readonly HashSet<string> DenialCues = ReadCues();

    private static HashSet<string> ReadCues()
    {
        using var stream = typeof(StoredEvent).Assembly.GetManifestResourceStream("Data/denial-cues.txt")
            ?? throw new InvalidOperationException("embedded resource 'Data/denial-cues.txt' is missing");
        using var reader = new StreamReader(stream);
        var cues = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } cue && cue[0] != '#') cues.Add(cue);
        return cues;
    }

    /// <summary>Whether the attribution's cue is a verb of denial (Data/denial-cues.txt): what it reports, it says did not happen.</summary>
    private static bool Denies(Document doc, int start, int end)
    {
        for (var i = 0; i < doc.TokenCount; i++)
        {
            var t = doc.Token(i);
            if (t.Start >= end) break;
            if (t.Start >= start && t.Lemma is { } lemma && DenialCues.Contains(lemma.ToLowerInvariant())) return true;
        }
        return false;
    }

    /// <summary>
    /// The reports an event makes: itself, and each further mention of it (`pokalbį patvirtino Kremlius`) that another
    /// source is cited for, so that every source of one event is a report of its own (its figures stay with the first).
    /// </summary>
    public static IEnumerable<Event> Reports(Document doc, Event e)
    {
        yield return e;
        var own = e.Attribution is { } a ? SourceOf(doc, doc.Attributions[a]) : null;
        foreach (var mention in e.Mentions ?? [])
        {
            var covering = doc.Attributions.FindIndex(x => x.Start <= mention.Start && mention.End <= x.End);
            if (covering < 0 || SourceOf(doc, doc.Attributions[covering]) is not { } source || source == own) continue;
            var token = FirstTokenAt(doc, mention.Start);
            if (doc.SentenceOf(token) is var sentence && sentence < 0) continue;
            yield return e with { TriggerStart = mention.Start, TriggerEnd = mention.End, Sentence = sentence, Attribution = covering, Quantities = [], Mentions = null };
        }
    }

    private static string? SourceOf(Document doc, Attribution a) =>
        a.Source is { } s ? doc.Entities.First(m => m.Id == s).Canonical : a.SourceText;

    private static int FirstTokenAt(Document doc, int offset)
    {
        var tokens = doc.TokenTable;
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].End <= offset) lo = mid + 1;
            else hi = mid;
        }
        return Math.Min(lo, tokens.Length - 1);
    }

    public static StoredEvent Of(Document doc, Event e, SideOf? side = null)
    {
        var day = doc.Date ?? DateOnly.MinValue;
        // A date the text gives only by tense is the article's date with BEFORE or AFTER: a window by tense here.
        var eventDate = e.DateMod switch { "BEFORE" => "PAST_REF", "AFTER" => "FUTURE_REF", _ => e.Date };
        var (from, to) = Bounds(eventDate, day);
        EntityMention Mention(int id) => doc.Entities.First(m => m.Id == id);
        string Key(int id) => Mention(id) is var m ? StoredArticle.EntityKey(m.Type, m.Canonical, m.Kb) : "";
        string Side(int id) => side?.Invoke(Mention(id), from) ?? Key(id);
        var actors = e.Actors.Distinct().OrderBy(Key, StringComparer.Ordinal).ToList();
        var targets = e.Targets.Distinct().OrderBy(Key, StringComparer.Ordinal).ToList();
        if (Symmetric.Contains(e.Type)) (actors, targets) = ([.. actors.Union(targets).DistinctBy(Key).OrderBy(Key, StringComparer.Ordinal)], []);
        actors = [.. actors.DistinctBy(Key)];
        targets = [.. targets.DistinctBy(Key)];
        // A date only relative to the article (`PAST_REF`) names no day: such events are one event per article date.
        var range = eventDate is null ? null : TimeRange.Of(eventDate);
        var date = range is null ? $"{eventDate ?? "-"}@{day:yyyy-MM-dd}" : eventDate!;
        var sentence = doc.Sentence(e.Sentence);
        string? source = null;
        var modality = e.Modality;
        if (e.Attribution is { } a)
        {
            var attribution = doc.Attributions[a];
            source = attribution.Source is { } s ? Mention(s).Canonical : attribution.SourceText;
            if (modality is "REPORTED" or "ASSERTED" && Denies(doc, attribution.CueStart, attribution.CueEnd)) modality = "NEGATED";
        }
        var quantities = string.Join("; ", e.Quantities.Select(q => doc.Quantities[q]).Select(q =>
            $"{q.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(q.Unit is null ? "" : " " + q.Unit)}{(q.Approx is null ? "" : " " + q.Approx)}"));
        return new StoredEvent(
            $"{e.Type}|{date}|{string.Join(',', actors.Select(Key))}|{string.Join(',', targets.Select(Key))}",
            e.Type, e.Mode, eventDate, from, to,
            [.. actors.Select(k => new StoredParticipant(Key(k), "actor", Side(k))), .. targets.Select(k => new StoredParticipant(Key(k), "target", Side(k)))],
            sentence.Start, sentence.End, e.TriggerStart, e.TriggerEnd, modality, source,
            e.Location is { } l ? Mention(l).Canonical : null,
            quantities)
        {
            LocationKey = e.Location is { } lk ? Key(lk) : null,
            LocationSide = e.Location is { } ls ? Side(ls) : null,
        };
    }

    /// <summary>The event with its participants' entity keys mapped (see <see cref="People"/>), and its key rebuilt from them.</summary>
    public StoredEvent WithEntityKeys(Func<string, string> map)
    {
        var participants = Participants.Select(p => p with { EntityKey = map(p.EntityKey) }).Distinct().ToList();
        string Of(string role) => string.Join(',', participants.Where(p => p.Role == role).Select(p => p.EntityKey).Distinct().Order(StringComparer.Ordinal));
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

    /// <summary>The whole analysis (the JSON of `kronika analyze`, every layer) but its tokens, Brotli-compressed
    /// (<see cref="AnalysisBlob"/>): what views and exports read.</summary>
    public byte[]? Analysis { get; init; }

    /// <summary>The analysis's tokens array, Brotli-compressed apart from the rest (null in a store of schema 11 or before,
    /// where <see cref="Analysis"/> holds them).</summary>
    public byte[]? Tokens { get; init; }

    /// <summary>The hash of the model manifest the analysis was made with; `kronika reanalyze` redoes the others.</summary>
    public string? Model { get; init; }

    /// <summary>What the story grouping compares (<see cref="StoryFeatures"/>).</summary>
    public uint[] Features { get; init; } = [];

    /// <summary>The identity of a document's source in the store: its URL, else where it was read in full (a file's absolute path), else its name.</summary>
    public static string IdOf(Document doc) => doc.Source.Url ?? doc.Source.Location ?? doc.Source.Name;

    /// <summary>Builds the stored form of an analyzed document. Words without a lemma (other languages) are matched in lowercase.</summary>
    public static StoredArticle From(Document doc, string? model = null, SideOf? side = null)
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
        var (analysis, tokens) = AnalysisBlob.Pack(Kronika.Core.IO.JsonOutput.ToJson(doc));
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
            doc.Entities.Where(e => IsName(e.Canonical)).Select(e => new StoredMention(EntityKey(e.Type, e.Canonical, e.Kb), e.Canonical, e.Type, e.Kb, e.Start, e.End)).ToList(),
            doc.Times.Select(t =>
            {
                var range = TimeRange.Of(t.Value);
                return new StoredTime(t.Start, t.End, t.Type, t.Value, t.Mod, range?.From, range?.To);
            }).ToList(),
            doc.Events.SelectMany(e => StoredEvent.Reports(doc, e)).Select(e => StoredEvent.Of(doc, e, side)).ToList())
        {
            Shown = doc.Source.Url ?? doc.Source.Name,
            Analysis = analysis,
            Tokens = tokens,
            Model = model,
            Features = StoryFeatures.Of(doc),
        };
    }

    /// <summary>The mentions grouped by entity, as the stores keep them: the entity's first mention, the count, and the packed offsets.</summary>
    public IEnumerable<(StoredMention Entity, int Count, byte[] Offsets)> MentionsByEntity() =>
        Mentions.GroupBy(m => m.EntityKey).Select(g => (g.First(), g.Count(), Snippets.Pack([.. g.OrderBy(m => m.Start).SelectMany(m => new[] { m.Start, m.End })])));

    /// <summary>How a lemma is indexed and queried: lowercase, without the period of abbreviations (`m.` → `m`).</summary>
    public static string LemmaKey(string lemma) => lemma.ToLowerInvariant().Replace(" ", "_").TrimEnd('.');

    /// <summary>
    /// An entity's identity across articles: its Wikidata id, else its type and canonical name. A body named only by a
    /// common noun (`teismas`, `policija`, which the events step adds as a participant) is no name: its key is the word
    /// itself, it stays on the events that name it, and the store keeps it out of the entities, their counts and stories.
    /// </summary>
    public static string EntityKey(string type, string canonical, string? kb) => kb ?? (IsName(canonical) ? $"{type}:{canonical}" : canonical);

    /// <summary>A canonical form that names something: not a common noun in lower case.</summary>
    public static bool IsName(string canonical) => canonical.Length > 0 && !char.IsLower(canonical[0]);

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
