using System.Buffers;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;

namespace Kronika.Lithuanian.Attribution;

/// <summary>
/// Finds quotes and attributions (docs/events.md, "Quotes" and "Attribution"). Quote marks are paired per paragraph
/// and a pair is a quote when its words are speech, not a name (AttributionFinder.Quotes.cs). Per sentence, outside
/// quotes, the cues are found — reporting verbs by lemma, source markers (`pasak`, `duomenimis`) and hedges by form —
/// and each cue's source noun phrase is read from the case features and the entity layer: the nominative subject
/// on either side of a verb, the genitive after `pasak` or before `duomenimis` (AttributionFinder.Cues.cs). A verb
/// governing a `kad` clause makes that clause its claim and an indirect quote; a direct quote's speaker is the
/// source of the innermost cue whose scope holds it. Nothing is taken from another sentence.
/// </summary>
public sealed partial class AttributionFinder(AttributionWords words) : IPipelineStep
{
    public string Name => "attribution";
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Morphology | Layers.Entities | Layers.References;
    public Layers Provides => Layers.Quotes | Layers.Attribution;

    public static AttributionFinder Load() => new(AttributionWords.Load());

    public void Process(Document doc, CancellationToken ct = default)
    {
        if (doc.TokenCount == 0) return;
        var w = new Work(doc, words);
        try
        {
            PairQuotes(w);
            var quotes = new List<Quote>();
            var attributions = new List<Core.Model.Attribution>();
            for (var s = 0; s < doc.SentenceCount; s++)
            {
                ct.ThrowIfCancellationRequested();
                var sentence = doc.SentenceTable[s];
                if (sentence.TokenCount == 0) continue;
                var first = w.Cues.Count;
                FindCues(w, s, sentence.FirstToken, sentence.FirstToken + sentence.TokenCount - 1);
                if (w.Cues.Count == first) continue;
                for (var c = first; c < w.Cues.Count; c++) Resolve(w, w.Cues[c]);
                Hedge(w, first);
                for (var c = first; c < w.Cues.Count; c++) Emit(w, w.Cues[c], attributions, quotes);
            }
            ct.ThrowIfCancellationRequested();
            DirectQuotes(w, quotes);
            // Text order; an indirect quote before the direct quote it holds when both start at one place.
            quotes.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
            attributions.Sort((a, b) => a.CueStart.CompareTo(b.CueStart));
            doc.Quotes.AddRange(quotes);
            doc.Attributions.AddRange(attributions);
        }
        finally
        {
            w.Return();
        }
    }

    private static void Emit(Work w, Cue cue, List<Core.Model.Attribution> attributions, List<Quote> quotes)
    {
        var (claimStart, claimEnd) = (w.Start(cue.ClaimFirst), w.End(cue.ClaimLast));
        attributions.Add(new Core.Model.Attribution(claimStart, claimEnd, w.Start(cue.First), w.End(cue.Last), cue.Source, cue.SourceText, cue.Hedged));
        // A speech verb's `kad` clause is an indirect quote; a verb of thinking or a hedge quotes nobody.
        if (cue is { Kind: CueKind.Verb, Opinion: false, Kad: >= 0 })
            quotes.Add(new Quote(claimStart, claimEnd, cue.Source, Direct: false, w.Start(cue.First), w.End(cue.Last)));
    }

    private enum CueKind : byte
    {
        /// <summary>A reporting verb with its subject: `informavo KCNA`, `Kremlius patvirtino`.</summary>
        Verb,
        /// <summary>A marker before its source: `pasak`, `anot`, `remiantis`.</summary>
        Before,
        /// <summary>A marker after its source: `duomenimis`, `teigimu`.</summary>
        After,
        /// <summary>A hedge: `manoma`, `esą`, `neva`.</summary>
        Hedge,
    }

    /// <summary>One cue and what it resolves to; token indices are into the document.</summary>
    private sealed class Cue(CueKind kind, int first, int last, int sentence)
    {
        public CueKind Kind { get; } = kind;
        public int First { get; } = first;
        public int Last { get; } = last;
        public int Sentence { get; } = sentence;

        /// <summary>A verb of thinking (`mano`): it attributes a claim but quotes nobody.</summary>
        public bool Opinion { get; init; }

        /// <summary>A verb of publishing (`pranešė`): a channel may be its subject.</summary>
        public bool Publish { get; init; }

        /// <summary>`kaip skelbia X`: a parenthetical whose source reports the whole sentence.</summary>
        public bool Kaip { get; init; }

        /// <summary>The source noun phrase, or -1.</summary>
        public int NpFirst { get; set; } = -1;
        public int NpLast { get; set; } = -1;

        /// <summary>Whether the noun phrase is a subject (nominative) rather than a genitive or instrumental owner.</summary>
        public bool NpIsSubject { get; set; }

        /// <summary>Where a verb's subject stood.</summary>
        public Side Subject { get; set; }

        /// <summary>The `kad` the cue governs, or -1.</summary>
        public int Kad { get; set; } = -1;

        /// <summary>The claim's tokens: the `kad` clause, else the sentence (with the quote a `– sakė X` sentence follows).</summary>
        public int ClaimFirst { get; set; }
        public int ClaimLast { get; set; }

        /// <summary>The tokens whose direct quotes this cue's source speaks (the whole sentence for a reporting tail).</summary>
        public int ScopeFirst { get; set; }
        public int ScopeLast { get; set; }

        public int? Source { get; set; }
        public string? SourceText { get; set; }
        public bool Hedged { get; set; }
    }

    private enum Side : byte
    {
        None,
        Left,
        Right,
    }

    /// <summary>What case a name mention stands in, for choosing subjects.</summary>
    private enum NameCase : byte
    {
        Other,
        Nominative,
        /// <summary>Indeclinable: an acronym or foreign name (`KCNA`, `Reuters`), which may be any case.</summary>
        Caseless,
        Genitive,
    }

    /// <summary>
    /// The per-document scratch: for every token the unit it belongs to (an entity mention, a quoted name with its
    /// marks, or a whole quote, which the clause scans step over as one), its entity mention and quote, and its cue.
    /// The arrays are pooled; nothing here outlives one <see cref="Process"/> call.
    /// </summary>
    private sealed class Work
    {
        public Work(Document doc, AttributionWords words)
        {
            Doc = doc;
            Words = words;
            Count = doc.TokenCount;
            UnitFirst = ArrayPool<int>.Shared.Rent(Count);
            UnitLast = ArrayPool<int>.Shared.Rent(Count);
            EntityOf = ArrayPool<int>.Shared.Rent(Count);
            QuoteOf = ArrayPool<int>.Shared.Rent(Count);
            CueAt = ArrayPool<int>.Shared.Rent(Count);
            for (var i = 0; i < Count; i++)
            {
                UnitFirst[i] = UnitLast[i] = i;
                EntityOf[i] = QuoteOf[i] = CueAt[i] = -1;
            }
            RefOf = ArrayPool<int>.Shared.Rent(Count);
            Array.Fill(RefOf, -1, 0, Count);
            MentionCase = new NameCase[doc.Entities.Count];
            IsChannel = new bool[doc.Entities.Count];
            for (var e = 0; e < doc.Entities.Count; e++) IsChannel[e] = words.IsChannel(doc.Entities[e].Canonical);
            MapEntities();
            MapReferences();
        }

        public Document Doc { get; }
        public int Count { get; }
        public int[] UnitFirst { get; }
        public int[] UnitLast { get; }
        public int[] EntityOf { get; }
        public int[] QuoteOf { get; }
        public int[] CueAt { get; }
        public NameCase[] MentionCase { get; }

        public AttributionWords Words { get; }

        /// <summary>For each token outside a name, the entity a reference (`ji`, `premjerė`) over it points at, or -1.</summary>
        public int[] RefOf { get; }

        /// <summary>For each entity mention, whether it is a news channel (`BNS`, `LRT`), which is told, not the speaker.</summary>
        public bool[] IsChannel { get; }

        /// <summary>Whether the verb whose subject is being sought publishes (`pranešė BNS`): then a channel may be its subject.</summary>
        public bool CuePublishes { get; set; }
        public List<Cue> Cues { get; } = [];

        /// <summary>The direct quotes: the tokens of their opening and closing marks.</summary>
        public List<(int Open, int Close)> Quotes { get; } = [];

        /// <summary>For each quote, whether it resumes the one before after the article's interruption (`…, – sakė X. – …`).</summary>
        public List<bool> Continues { get; } = [];

        public void Return()
        {
            ArrayPool<int>.Shared.Return(UnitFirst);
            ArrayPool<int>.Shared.Return(UnitLast);
            ArrayPool<int>.Shared.Return(EntityOf);
            ArrayPool<int>.Shared.Return(QuoteOf);
            ArrayPool<int>.Shared.Return(CueAt);
            ArrayPool<int>.Shared.Return(RefOf);
        }

        /// <summary>Each token of a reference, outside a name, points at the reference's entity.</summary>
        private void MapReferences()
        {
            var t = 0;
            foreach (var r in Doc.References)
            {
                while (t < Count && Doc.TokenAt(t).End <= r.Start) t++;
                for (var k = t; k < Count && Doc.TokenAt(k).Start < r.End; k++)
                    if (EntityOf[k] < 0) RefOf[k] = r.Entity;
            }
        }

        /// <summary>Each token inside an entity mention points at it, and the mention is one unit.</summary>
        private void MapEntities()
        {
            var mentions = Doc.Entities;
            var e = 0;
            var lastToken = -1;
            for (var t = 0; t < Count; t++)
            {
                ref readonly var token = ref Doc.TokenAt(t);
                while (e < mentions.Count && mentions[e].End <= token.Start)
                {
                    if (lastToken >= 0) Close(e, lastToken);
                    lastToken = -1;
                    e++;
                }
                if (e >= mentions.Count) break;
                if (mentions[e].Start > token.Start || token.End > mentions[e].End) continue;
                EntityOf[t] = e;
                lastToken = t;
            }
            if (e < mentions.Count && lastToken >= 0) Close(e, lastToken);

            void Close(int mention, int last)
            {
                var first = last;
                while (first > 0 && EntityOf[first - 1] == mention) first--;
                for (var k = first; k <= last; k++) (UnitFirst[k], UnitLast[k]) = (first, last);
                MentionCase[mention] = CaseOfMention(mention, first, last);
            }
            IndeclinableSurnames();
        }

        /// <summary>
        /// The case a mention stands in, from its last word: the tagger's case, or — when the tagger gives a case but
        /// the mention is written as its canonical name — nominative for a Lithuanian ending (`Rusija`, which the
        /// tagger may read as instrumental) and indeclinable otherwise (`Reuters`).
        /// </summary>
        private NameCase CaseOfMention(int mention, int first, int last)
        {
            var c = CaseOf(last);
            if (c == Case.Nom) return NameCase.Nominative;
            if (c == Case.None) return NameCase.Caseless;
            // `Žydrūnas Gorbatenko`: a given name and its surname agree in case, so a surname that reads as a genitive
            // after a nominative given name is indeclinable and the name is nominative.
            if (c == Case.Gen && first < last && Doc.Entities[mention].Type == "PER" && Pos(first) == Upos.PROPN && CaseOf(first) == Case.Nom)
                return NameCase.Nominative;
            var m = Doc.Entities[mention];
            var written = LastWord(Doc.Text.AsSpan(m.Start, m.End - m.Start));
            if (written.SequenceEqual(LastWord(m.Canonical)))
                return HasNominativeEnding(written) ? NameCase.Nominative : NameCase.Caseless;
            return c == Case.Gen ? NameCase.Genitive : NameCase.Other;
        }

        /// <summary>
        /// `Žydrūnas Gorbatenko … informavo Ž. Gorbatenko`: a person's surname written the same in a nominative mention
        /// of them is indeclinable, so their mentions read as genitives by its ending are caseless.
        /// </summary>
        private void IndeclinableSurnames()
        {
            HashSet<(int, string)>? nominative = null;
            for (var m = 0; m < MentionCase.Length; m++)
                if (MentionCase[m] == NameCase.Nominative && Doc.Entities[m].Type == "PER")
                    (nominative ??= []).Add((Doc.Entities[m].Id, Surname(m)));
            if (nominative is null) return;
            for (var m = 0; m < MentionCase.Length; m++)
                if (MentionCase[m] == NameCase.Genitive && Doc.Entities[m].Type == "PER" && nominative.Contains((Doc.Entities[m].Id, Surname(m))))
                    MentionCase[m] = NameCase.Caseless;
        }

        private string Surname(int m) => LastWord(Doc.Text.AsSpan(Doc.Entities[m].Start, Doc.Entities[m].End - Doc.Entities[m].Start)).ToString();

        private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> s) => s[(s.LastIndexOf(' ') + 1)..];

        private static readonly string[] NominativeEndings = ["as", "is", "ys", "us", "a", "ė", "ai", "os", "ės", "uo"];

        private static bool HasNominativeEnding(ReadOnlySpan<char> word)
        {
            foreach (var ending in NominativeEndings)
                if (word.EndsWith(ending, StringComparison.Ordinal)) return true;
            return false;
        }

        // Token accessors.
        public int Start(int t) => Doc.TokenAt(t).Start;
        public int End(int t) => Doc.TokenAt(t).End;
        public ReadOnlySpan<char> Form(int t)
        {
            ref readonly var d = ref Doc.TokenAt(t);
            return Doc.Text.AsSpan(d.Start, d.Length);
        }
        public bool Is(int t, string word) => Form(t).Equals(word, StringComparison.OrdinalIgnoreCase);
        public Upos Pos(int t) => Doc.TokenAt(t).Upos;
        public TokenKind Kind(int t) => Doc.TokenAt(t).Kind;
        public string? Lemma(int t) => Doc.Vocabulary[Doc.TokenAt(t).Lemma];
        public Morph Morph(int t) => Doc.TokenAt(t).Morph;
        public Case CaseOf(int t) => Doc.TokenAt(t).Morph.Case;

        public int SentenceFirst(int s) => Doc.SentenceTable[s].FirstToken;
        public int SentenceLast(int s) => Doc.SentenceTable[s].FirstToken + Doc.SentenceTable[s].TokenCount - 1;

        /// <summary>The sentence a token is in (the splitter puts every token in one).</summary>
        public int SentenceOf(int t) => Doc.SentenceOf(t);

        /// <summary>
        /// A clause boundary: a comma, semicolon, colon, dash, bracket or sentence-internal end mark, or `kad`/`jog`.
        /// Quote marks are not: a quote is one unit of the clause it stands in.
        /// </summary>
        public bool IsBoundary(int t)
        {
            ref readonly var d = ref Doc.TokenAt(t);
            if (d.Kind == TokenKind.Word) return d.Length == 3 && (Is(t, "kad") || Is(t, "jog"));
            if (d.Kind != TokenKind.Punctuation || d.Length != 1) return false;
            return Doc.Text[d.Start] switch
            {
                ',' or ';' or ':' or '–' or '—' or '(' or ')' or '!' or '?' or '…' => true,
                '.' => (d.Flags & TokenFlags.AbbreviationPeriod) == 0,
                // A hyphen typed for a dash stands between spaces.
                '-' => (d.Flags & TokenFlags.SpaceAfter) != 0 && t > 0 && (Doc.TokenAt(t - 1).Flags & TokenFlags.SpaceAfter) != 0,
                _ => false,
            };
        }

        public bool IsCommaOrDash(int t) => Kind(t) == TokenKind.Punctuation && Form(t) is "," or "–" or "—" or "-";

        public bool IsDash(int t) => Kind(t) == TokenKind.Punctuation && Form(t) is "–" or "—" or "-";

        /// <summary>An abbreviated title and its period (`doc.`, `prof.`, `dr.`), which may stand inside a name phrase.</summary>
        public bool IsTitleAbbreviation(int t) =>
            (Doc.TokenAt(t).Flags & TokenFlags.Abbreviation) != 0 && Kind(t) == TokenKind.Word && char.IsLower(Form(t)[0])
            && t + 1 < Count && (Doc.TokenAt(t + 1).Flags & TokenFlags.AbbreviationPeriod) != 0;

        public bool IsConjunction(int t) => Kind(t) == TokenKind.Word && (Is(t, "ir") || Is(t, "bei"));

        public bool IsFinite(int t) => Pos(t) is Upos.VERB or Upos.AUX && Morph(t).IsFinite;
    }
}
