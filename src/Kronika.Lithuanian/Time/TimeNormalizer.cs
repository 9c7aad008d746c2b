using Kronika.Core.Model;
using Kronika.Core.Pipeline;
using System.Collections.Frozen;
using Kronika.Lithuanian.Quantities;

namespace Kronika.Lithuanian.Time;

/// <summary>
/// Finds Lithuanian time expressions and gives each a TIMEX3 type and value, resolved against the publication date
/// (DCT) and, for anaphoric expressions (`tą pačią dieną`, `kitą dieną`, `tų metų rudenį`), against the date last
/// mentioned. Words are matched by form tables (Data/time-words.txt, number words) so every case of a month, weekday
/// or unit is known; the tense of the nearest verb decides which way year-less dates and weekdays point. The
/// sentence is scanned left to right and at each token the patterns are tried longest first
/// (TimeNormalizer.Patterns.cs); the first that matches takes its tokens.
/// </summary>
public sealed partial class TimeNormalizer(TimeWords words, NumberWords numbers, Holidays holidays) : IPipelineStep
{
    public string Name => "time";
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Morphology;
    public Layers Provides => Layers.Times;

    public static TimeNormalizer Load() => new(TimeWords.Load(), NumberWords.Load(), Holidays.Load());

    /// <summary>Which way a clause points in time, from its verb.</summary>
    internal enum Tense
    {
        Unknown,
        Past,
        Present,
        Future,
    }

    /// <summary>What a pattern found: how many tokens, and the TIMEX3 it makes.</summary>
    /// <remarks>
    /// <paramref name="RangeEnd"/>: a range written as one token (`2009-2010 m.`) gives two expressions, split at the
    /// token's dash; this is the second one's value.
    /// </remarks>
    internal readonly record struct Found(int Length, string Type, string Value, string? Mod = null, Period? Reference = null, string? Anchor = null, string? RangeEnd = null);

    /// <summary>The state carried through one document: the publication date and the date last mentioned.</summary>
    private sealed class Context(DateOnly dct)
    {
        private readonly List<Period> _mentioned = [];
        private int _referenceSentence = -1;

        public DateOnly Dct { get; } = dct;

        /// <summary>The sentence being read.</summary>
        public int Sentence { get; set; }

        /// <summary>The token (in the sentence) where the expression found last ends; -1 before any.</summary>
        public int LastEnd { get; set; } = -1;

        /// <summary>Whether the date last mentioned is in the sentence being read.</summary>
        public bool ReferenceInSentence => _referenceSentence == Sentence;

        /// <summary>How many sentences back the date last mentioned is (0: this one).</summary>
        public int ReferenceDistance => Sentence - _referenceSentence;

        /// <summary>The value of the expression found last (`XXXX-10-01` of a habit, which sets no reference).</summary>
        public string? LastValue { get; set; }

        /// <summary>The modifier of the expression that gave the date last mentioned (`SINCE`, `BEFORE` for the ends of a range).</summary>
        public string? ReferenceMod { get; set; }

        /// <summary>The days the text has named so far, other than the DCT, each once.</summary>
        public List<Period> DaysNamed() =>
            _mentioned.Where(p => p.Grain == Grain.Day && p.Start != Dct).DistinctBy(p => p.Start).ToList();

        /// <summary>The date last mentioned.</summary>
        public Period? Reference
        {
            get => _mentioned.Count == 0 ? null : _mentioned[^1];
            set
            {
                if (value is not { Unresolved: false } p) return;
                _mentioned.Add(p);
                _referenceSentence = Sentence;
            }
        }

        /// <summary>
        /// The last mentioned period at least as fine as <paramref name="grain"/> (`tą pačią dieną` looks for a day, not
        /// the month mentioned after it), seen at that grain; the DCT's when none.
        /// </summary>
        public Period ReferenceOr(Grain grain) => ReferenceAt(grain) ?? Period.Of(grain, Dct);

        /// <summary>The last mentioned period at least as fine as <paramref name="grain"/>, seen at that grain; null when none.</summary>
        public Period? ReferenceAt(Grain grain)
        {
            for (var i = _mentioned.Count - 1; i >= 0; i--)
                if (_mentioned[i].Grain <= grain && _mentioned[i].Grain != Grain.Season) return _mentioned[i].As(grain);
            return null;
        }
    }

    /// <summary>An offset from an event (`likus trims dienoms iki susitikimo`), resolved once the whole text is read.</summary>
    private sealed record PendingAnchor(int Index, string EventLemma, Grain Grain, int Count);

    public void Process(Document doc, CancellationToken ct = default)
    {
        var context = new Context(doc.Date ?? DateOnly.FromDateTime(DateTime.UtcNow));
        var anchors = new List<PendingAnchor>();
        var cues = new bool[64];
        var starters = Starters.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var sentenceData in doc.SentenceTable)
        {
            ct.ThrowIfCancellationRequested();
            context.Sentence++;
            context.LastEnd = -1;
            context.LastValue = null;
            // Most sentences hold no word that can open an expression: they are passed over before their words are read.
            if (cues.Length < sentenceData.TokenCount) cues = new bool[Math.Max(sentenceData.TokenCount, 2 * cues.Length)];
            if (!Cues(doc, sentenceData, starters, cues)) continue;
            var s = new Words(doc, sentenceData, words);
            for (var i = 0; i < s.Count;)
            {
                if (!cues[i] || !MayStartTime(s, i) || Match(s, i, context) is not { } found)
                {
                    i++;
                    continue;
                }
                var end = i + found.Length - 1;
                // A range in one token (`2009-2010 m.`, `lapkričio 21-23 d.`, `14.15-15.15 val.`): two expressions, split at its dash.
                var ranged = found.RangeEnd is null ? -1 : Enumerable.Range(i, found.Length).FirstOrDefault(k => s.Form(k).IndexOfAny(['-', '–']) > 0, -1);
                if (found.RangeEnd is { } second && ranged >= 0 && s.Start(ranged) + s.Form(ranged).IndexOfAny(['-', '–']) is var dash)
                {
                    doc.Times.Add(new TimeExpression(s.Start(i), dash, found.Type, found.Value, found.Mod));
                    doc.Times.Add(new TimeExpression(dash + 1, s.End(end), found.Type, second, found.Mod));
                }
                else doc.Times.Add(new TimeExpression(s.Start(i), s.End(end), found.Type, found.Value, found.Mod, found.Anchor));
                // `mažesnė nei pernai`: the time compared with is not the one the text goes on about.
                if (found.Reference is { Unresolved: false } reference && !(i > 0 && s.Get(i - 1, "compare") is not null))
                {
                    context.Reference = reference;
                    context.ReferenceMod = found.Mod;
                }
                context.LastEnd = end;
                context.LastValue = found.Value;
                if (found.Anchor is not null && AnchorOffset(s, i, found.Length) is { } offset)
                    anchors.Add(new PendingAnchor(doc.Times.Count - 1, found.Anchor, offset.Grain, offset.Count));
                i += found.Length;
            }
        }
        ResolveAnchors(doc, anchors);
    }

    /// <summary>
    /// `likus trims dienoms iki susitikimo`: when another sentence dates the event (a sentence holding its lemma and a
    /// day), the expression is that day moved back by the offset; otherwise it stays `XXXX-XX-XX`.
    /// </summary>
    private static void ResolveAnchors(Document doc, List<PendingAnchor> anchors)
    {
        foreach (var anchor in anchors)
        {
            var own = doc.Times[anchor.Index];
            foreach (var sentence in doc.Sentences())
            {
                if (own.Start >= sentence.Start && own.Start < sentence.End) continue;
                var mentions = sentence.Tokens.Tokens().Any(t => t.Lemma == anchor.EventLemma);
                if (!mentions) continue;
                var dated = doc.Times.FirstOrDefault(t => t.Start >= sentence.Start && t.End <= sentence.End && t.Type == "DATE" && t.Value.Length == 10 && t.Value[0] != 'X');
                if (dated is null || !DateOnly.TryParse(dated.Value, System.Globalization.CultureInfo.InvariantCulture, out var date)) continue;
                var moved = new Period(anchor.Grain, date).Shift(-anchor.Count);
                doc.Times[anchor.Index] = own with { Value = moved.As(anchor.Grain).Value };
                break;
            }
        }
    }

    /// <summary>
    /// Marks the tokens of a sentence that may be time words (<see cref="IsTimeWord"/> can hold only for them), read from
    /// the text without making strings: numbers, words of the tables, words with the prefixes of relative words, Roman
    /// numerals. False when the sentence has none.
    /// </summary>
    private static bool Cues(Document doc, SentenceData sentence, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> starters, bool[] cues)
    {
        Span<char> lower = stackalloc char[MaxWordLength];
        var text = doc.Text.AsSpan();
        var any = false;
        for (var k = 0; k < sentence.TokenCount; k++)
        {
            ref readonly var t = ref doc.TokenTable[sentence.FirstToken + k];
            var cue = t.Kind == TokenKind.Number || t.Kind == TokenKind.Word && IsCue(text.Slice(t.Start, t.Length), starters, lower);
            cues[k] = cue;
            any |= cue;
        }
        return any;
    }

    /// <summary>The longest word looked up in the tables; longer words are no time words (only their prefix is tested).</summary>
    private const int MaxWordLength = 48;

    /// <summary>Whether a word's text may make <see cref="IsTimeWord"/> true: the same tests, on the lowercase text.</summary>
    private static bool IsCue(ReadOnlySpan<char> form, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> starters, Span<char> buffer)
    {
        var length = Math.Min(form.Length, buffer.Length);
        var w = buffer[..length];
        form[..length].ToLowerInvariant(w);
        if (form.Length <= buffer.Length && starters.Contains(w)) return true;
        return w[0] switch
        {
            >= '0' and <= '9' => true,
            'p' => w.StartsWith("pastar") || w.StartsWith("paskutin") || w.StartsWith("pernykš") || w.StartsWith("praėjus") || w.StartsWith("praeit"),
            'a' => w.StartsWith("artimiausi") || w.StartsWith("ateinan"),
            'b' => w.StartsWith("būsim"),
            'i' or 'v' or 'x' or 'l' or 'c' => IsRoman(form),
            _ => false,
        };
    }

    /// <summary>
    /// Whether an expression can start at token i: a number, a word of the time or number tables, a Roman numeral, or
    /// one of the words that open expressions. Most tokens are none of these, so the patterns are not tried on them.
    /// </summary>
    private bool MayStartTime(Words s, int i)
    {
        if (!IsTimeWord(s, i)) return false;
        var w = s.Lower[i];
        // A plain number that is no year opens an expression only before a time word, an abbreviation, a number or the
        // punctuation of dates, times and ranges (`12 tūkst.`, `15 proc.` open none).
        if (s.IsNumber(i))
            return w.Length == 4 || !w.All(char.IsAsciiDigit) || s.IsNumber(i + 1) || IsTimeWord(s, i + 1)
                || s[i + 1] is "." or "-" or "–" or "—" or ":" or "/" or "val" or "min" or "h" or "d" or "m" or "a" or "sav" or "mėn" or "s" or "su";
        // `metų`, `mėnesio`, `savaitės` open an expression only with a part after them (`metų pabaigoje`).
        if (w is "metų" or "mėnesio" or "savaitės") return PartOf(s, i + 1) is not null;
        // A unit alone opens nothing (`metus`, `valandų` follow a number or a word that opens the expression); a single
        // letter is an initial or an abbreviation unless it is a Roman numeral that is no initial (`XX a.`, not `V. Putinas`).
        if (UnitsOnly.Contains(w)) return false;
        if (w.Length == 1) return s.IsCapitalised(i) && IsRoman(s.Token(i).Span) && !(s[i + 1] == "." && s.IsCapitalised(i + 2));
        // A word that starts a holiday's name opens an expression only where the whole name is (`Lietuvos`, `Valstybės`).
        if (HolidayOnly.Contains(w)) return Holiday(s, i) is not null;
        return true;
    }

    /// <summary>Whether token i is a number or a word of the time vocabulary: one that can start or continue an expression.</summary>
    private bool IsTimeWord(Words s, int i)
    {
        if (!s.IsWordOrNumber(i)) return false;
        if (s.IsNumber(i)) return true;
        var w = s.Lower[i];
        if (Starters.Contains(w))
            // A part of the day or a habit capitalised inside a sentence is a name (`kova su Vakarais` is the West).
            return !(i > 0 && s.IsCapitalised(i) && s[i - 1] is not ("„" or "\"" or ":" or "–" or "(") && (s.Get(i, "daypart") ?? s.Get(i, "set")) is not null);
        return w[0] switch
        {
            >= '0' and <= '9' => numbers.Ordinal(w) is not null,
            'p' => w.StartsWith("pastar", StringComparison.Ordinal) || w.StartsWith("paskutin", StringComparison.Ordinal) || w.StartsWith("pernykš", StringComparison.Ordinal)
                   || w.StartsWith("praėjus", StringComparison.Ordinal) || w.StartsWith("praeit", StringComparison.Ordinal),
            'a' => w.StartsWith("artimiausi", StringComparison.Ordinal) || w.StartsWith("ateinan", StringComparison.Ordinal),
            'b' => w.StartsWith("būsim", StringComparison.Ordinal),
            'i' or 'v' or 'x' or 'l' or 'c' => IsRoman(s.Token(i).Span),
            _ => false,
        };
    }

    /// <summary>Every word that can open an expression, from the time, number and holiday tables, the relative words
    /// and the opening words: one lookup per token instead of one per table.</summary>
    private FrozenSet<string> Starters => _starters ??= words.Forms.Where(f => !words.Categories(f).All(NoStart.Contains))
        .Concat(numbers.Words.Select(p => p.Key)).Concat(numbers.OrdinalForms).Concat(StartWords).Concat(holidays.FirstWords)
        .Concat(ThisForms).Concat(NextForms).Concat(ThatForms)
        .Append("tądien").Concat(["parą", "paros", "pusmetį", "pusmečio", "pusvalandį", "pusvalandžio", "pusvalandis"])
        .ToFrozenSet(StringComparer.Ordinal);

    private FrozenSet<string>? _starters;

    /// <summary>Categories of the time table whose words only qualify an expression near them and open none.</summary>
    private static readonly HashSet<string> NoStart = ["rule", "age-before", "age-after", "age-compare", "score", "habit", "game", "compare", "decision", "speed", "schedule", "street", "holds-instr", "eve", "interval", "topic", "plan"];

    /// <summary>Forms that are only units of the time table (`metus`, `valandų`) and open no pattern themselves; `metų`,
    /// `mėnesio`, `savaitės` open `metų pabaigoje`, and `parą`, `pusmetį`, `savaitgalį` are lengths or days alone.</summary>
    private FrozenSet<string> UnitsOnly => _unitsOnly ??= words.Forms
        .Where(f => words.Categories(f).All(c => c is "unit" or "unit-abbr") && !numbers.TryGet(f, out _) && !StartWords.Contains(f) && !holidays.Starts(f)
                    && f is not ("metų" or "mėnesio" or "savaitės") && !f.StartsWith("par", StringComparison.Ordinal) && !f.StartsWith("pus", StringComparison.Ordinal)
                    && !f.StartsWith("savaitgal", StringComparison.Ordinal))
        .ToFrozenSet(StringComparer.Ordinal);

    private FrozenSet<string>? _unitsOnly;

    /// <summary>Words that are in the tables only as the first word of a holiday's name.</summary>
    private FrozenSet<string> HolidayOnly => _holidayOnly ??= holidays.FirstWords
        .Where(f => !words.Has(f) && !numbers.TryGet(f, out _) && numbers.Ordinal(f) is null && !StartWords.Contains(f) && RelationOf(f) is null)
        .ToFrozenSet(StringComparer.Ordinal);

    private FrozenSet<string>? _holidayOnly;

    private static readonly HashSet<string> StartWords =
    [
        "nuo", "iki", "po", "prieš", "per", "apie", "maždaug", "beveik", "bent", "mažiausiai", "ilgiau", "daugiau", "mažiau",
        "trumpiau", "ne", "likus", "kas", "visą", "visus", "ištisus", "ištisą", "ateityje", "šiuo", "šiais", "kiekvieną",
        "kiekvienas", "kiekviena", "kiekvieno", "kiekvienos", "kiekvienais", "kiekvienų", "savaitgaliais", "ankstesniais", "ankstesniems", "ankstesnių",
    ];

    private static bool IsRoman(ReadOnlySpan<char> s) => s.Length is > 0 and <= 6 && s.IndexOfAnyExcept("IVXLC") < 0;

    /// <summary>A sentence's tokens as the patterns read them: lowercase forms, lemmas, tags and the verb tense around each.</summary>
    internal sealed class Words
    {
        private readonly Document _doc;
        private readonly int _first;
        private readonly TimeWords _table;
        private readonly (string Category, string Value)[]?[] _entries;
        private Tense[]? _tense;

        public Words(Document doc, SentenceData sentence, TimeWords table)
        {
            _doc = doc;
            _first = sentence.FirstToken;
            Count = sentence.TokenCount;
            Lower = new LowerForms(doc, _first, Count);
            _table = table;
            _entries = new (string, string)[]?[Count];
        }

        /// <summary>
        /// The value of token i's lowercase form in a category of the time table (Data/time-words.txt), or null: the same
        /// as <see cref="TimeWords.Get"/> on <c>Lower[i]</c>, with the form looked up once per token (the patterns ask
        /// about the same token many times).
        /// </summary>
        public string? Get(int i, string category)
        {
            foreach (var (c, v) in _entries[i] ??= _table.Entries(Lower[i]))
                if (c == category) return v;
            return null;
        }

        public int Count { get; }

        /// <summary>The lowercase forms, each made when first read.</summary>
        public LowerForms Lower { get; }

        public Token Token(int i) => _doc.Token(_first + i);
        public int Start(int i) => _doc.TokenAt(_first + i).Start;
        public int End(int i) => _doc.TokenAt(_first + i).End;
        public string Form(int i) => Token(i).Text;
        public string? Lemma(int i) => Token(i).Lemma;
        public Upos Pos(int i) => Token(i).Upos;
        public bool Has(int i, TokenFlags flag) => (_doc.TokenAt(_first + i).Flags & flag) != 0;
        public Tense TenseAt(int i) => (_tense ??= Tenses())[i];

        public string? this[int i] => i >= 0 && i < Count ? Lower[i] : null;

        public bool IsWordOrNumber(int i) => i >= 0 && i < Count && _doc.TokenAt(_first + i).Kind is TokenKind.Word or TokenKind.Number;

        public bool IsNumber(int i) => i >= 0 && i < Count && _doc.TokenAt(_first + i).Kind == TokenKind.Number;

        /// <summary>An abbreviation and its period (`m` `.`): true when token i is <paramref name="word"/> followed by its period.</summary>
        public bool IsAbbreviation(int i, string word) => i >= 0 && i + 1 < Count && Lower[i] == word && Lower[i + 1] == ".";

        /// <summary>Whether a name starts at token i, read on past the sentence's end (the splitter may cut after `min.`).</summary>
        public bool NameFollows(int i)
        {
            var k = _first + i;
            if (i < 0 || k + 1 >= _doc.TokenCount) return false;
            static bool Capitalised(Token t) => t.Span is { Length: > 0 } form && char.IsUpper(form[0]);
            var t = _doc.Token(k);
            return t.Kind == TokenKind.Word && Capitalised(t) && (t.Upos == Upos.PROPN || Capitalised(_doc.Token(k + 1)));
        }

        public bool IsCapitalised(int i) => i >= 0 && i < Count && Token(i).Span is { Length: > 0 } form && char.IsUpper(form[0]);

        /// <summary>A sentence's lowercase forms, made from the text when first read (most tokens are never read).</summary>
        internal sealed class LowerForms(Document doc, int first, int count) : IReadOnlyList<string>
        {
            private readonly string?[] _forms = new string?[count];

            public int Count => count;

            public string this[int i] => _forms[i] ??= Lowercase(doc.TokenAt(first + i));

            private string Lowercase(in TokenData t) =>
                string.Create(t.Length, (doc.Text, t.Start), static (target, at) => at.Text.AsSpan(at.Start, target.Length).ToLowerInvariant(target));

            public IEnumerator<string> GetEnumerator()
            {
                for (var i = 0; i < count; i++) yield return this[i];
            }

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }

        /// <summary>A future active participle's suffix: `-siant-`, `-sianč-`, `-siąs`.</summary>
        private static bool FutureParticiple(string form) =>
            form.Contains("siant", StringComparison.Ordinal) || form.Contains("sianč", StringComparison.Ordinal) || form.EndsWith("siąs", StringComparison.Ordinal);

        /// <summary>Whether participle k heads a phrase of its own: a future one, or one agreeing with the noun after it.</summary>
        private bool OwnParticiple(int k)
        {
            var m = Token(k).Morph;
            if (m.VerbForm != VerbForm.Part) return false;
            if (m.Tense == global::Kronika.Core.Model.Tense.Fut || FutureParticiple(Lower[k])) return true;
            return k + 1 < Count && Token(k + 1).Upos == Upos.NOUN && Token(k + 1).Morph.Case == m.Case && m.Case != Case.None;
        }

        /// <summary>Each token's tense: that of the nearest finite verb (or conditional, imperative, participle) in the sentence.</summary>
        private Tense[] Tenses()
        {
            var verbs = new List<(int Index, Tense Tense)>();
            for (var i = 0; i < Count; i++)
            {
                var t = Token(i);
                if (t.Upos is not (Upos.VERB or Upos.AUX) || t.Has(TokenFlags.Abbreviation)) continue;
                var m = t.Morph;
                var tense = m.Tense == global::Kronika.Core.Model.Tense.Past ? Tense.Past
                    : m.Tense == global::Kronika.Core.Model.Tense.Fut || m.Mood is Mood.Cnd or Mood.Imp ? Tense.Future
                    : m.Tense == global::Kronika.Core.Model.Tense.Pres ? Tense.Present
                    : Tense.Unknown;
                // `susitiksiantys`, `vyksiančią`: a future participle by its suffix, whatever tense the tagger gave it.
                if (m.VerbForm == VerbForm.Part && FutureParticiple(Lower[i])) tense = Tense.Future;
                // `yra pranešusios` (present auxiliary + past participle) is a perfect: past.
                if (tense == Tense.Present && t.Upos == Upos.AUX && i + 1 < Count && Token(i + 1).Morph.Tense == global::Kronika.Core.Model.Tense.Past)
                    tense = Tense.Past;
                // `bus išmokėti` (future auxiliary + past participle) is a future passive.
                if (tense == Tense.Past && m.VerbForm == VerbForm.Part && i > 0 && Token(i - 1).Upos == Upos.AUX && Token(i - 1).Morph.Tense == global::Kronika.Core.Model.Tense.Fut)
                    tense = Tense.Future;
                if (tense != Tense.Unknown) verbs.Add((i, tense));
            }
            // A clause ends at a comma, semicolon, colon, dash or bracket: a verb in the same clause counts first.
            var clause = new int[Count];
            for (var i = 1; i < Count; i++) clause[i] = clause[i - 1] + (Lower[i - 1] is "," or ";" or ":" or "–" or "—" or "(" or ")" ? 1 : 0);
            var result = new Tense[Count];
            for (var i = 0; i < Count; i++)
            {
                var best = Tense.Unknown;
                var distance = int.MaxValue;
                foreach (var (index, tense) in verbs)
                {
                    // A finite verb of the clause goes before a participle or gerund in it (`komandos, užėmusios vietas,
                    // pavasarį pratęs kovą` is the future of `pratęs`).
                    // A participle phrase right beside the word is its own: a future participle (`sekmadienį susitiksiantys`)
                    // or one before its noun (`ketvirtadienį paskelbtas sprendimas`), not a participle the tagger guessed
                    // for a finite verb (`pavasarį pratęs kovą`).
                    var d = Math.Abs(index - i) + (clause[index] == clause[i] ? 0 : 1000)
                        + (Token(index).Morph.VerbForm == VerbForm.Fin || Math.Abs(index - i) == 1 && OwnParticiple(index) ? 0 : 100);
                    if (d < distance) (best, distance) = (tense, d);
                }
                result[i] = best;
            }
            return result;
        }
    }
}
