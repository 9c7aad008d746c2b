using System.Collections.Concurrent;
using Kronika.Core.Model;

namespace Kronika.Lithuanian.Events;

/// <summary>
/// The grammar the event step reads off one document: each token's case, tense, mood and polarity (from its UD
/// features), which entity mention and time expression it lies in, clauses, and noun phrases with their case,
/// preposition, head entity and genitive owners.
/// </summary>
internal sealed class Grammar
{
    // A comma followed by one of these opens a new clause.
    private static readonly HashSet<string> ClauseOpeners =
        ["kad", "o", "bet", "tačiau", "kuris", "nes", "jei", "jeigu", "kai", "kol", "nors", "todėl", "kadangi", "lyg", "tarsi", "kur", "ar", "nebent", "kuomet"];

    public Grammar(Document doc)
    {
        Doc = doc;
        EntityAt = new int[doc.TokenCount];
        InTime = new bool[doc.TokenCount];
        Array.Fill(EntityAt, -1);
        var tokens = doc.TokenTable;
        var t = 0;
        for (var e = 0; e < doc.Entities.Count; e++)
        {
            var m = doc.Entities[e];
            while (t < tokens.Length && tokens[t].End <= m.Start) t++;
            for (var k = t; k < tokens.Length && tokens[k].Start < m.End; k++) EntityAt[k] = e;
        }
        Cue = new bool[doc.TokenCount];
        foreach (var a in doc.Attributions)
            for (var k = FirstTokenFrom(a.CueStart); k < tokens.Length && tokens[k].End <= a.CueEnd; k++) Cue[k] = true;
        t = 0;
        foreach (var time in doc.Times)
        {
            while (t < tokens.Length && tokens[t].End <= time.Start) t++;
            for (var k = t; k < tokens.Length && tokens[k].Start < time.End; k++) InTime[k] = true;
        }
    }

    public Document Doc { get; }

    /// <summary>The index of the first annotation that starts at or after a character offset, in a list in text order.</summary>
    public static int LowerBound<T>(IReadOnlyList<T> items, int offset, Func<T, int> start)
    {
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (start(items[mid]) < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The first token that starts at or after a character offset (binary search: tokens are in text order).</summary>
    public int FirstTokenFrom(int offset)
    {
        var tokens = Doc.TokenTable;
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Start < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The index in <see cref="Document.Entities"/> of the mention a token lies in, or -1.</summary>
    public int[] EntityAt { get; }

    public bool[] InTime { get; }

    /// <summary>Whether a token is part of an attribution cue (`informavo`, `rašoma`, `pasak`).</summary>
    public bool[] Cue { get; }

    public string? Lemma(int i) => Doc.Token(i).Lemma;

    public Upos Upos(int i) => Doc.TokenAt(i).Upos;

    public Morph Morph(int i) => Doc.TokenAt(i).Morph;

    /// <summary>
    /// The case of a word; for a word of a name, the case of the name's last proper noun (the tagger reads `Trumpas` in
    /// `Donaldas Trumpas` as the common noun `trumpa`, but `Donaldas` is certainly nominative).
    /// </summary>
    public Case CaseOf(int i)
    {
        // Only in people's names do all words agree in case (`Kursko sritis` does not).
        var e = EntityAt[i];
        if (e >= 0 && Doc.Entities[e].Type == "PER")
            for (var k = i; k >= 0 && EntityAt[k] == e; k--)
                if (Upos(k) == Core.Model.Upos.PROPN && Morph(k).Case is var c and not Case.None) return c;
        return Upos(i) == Core.Model.Upos.X ? Case.None : Morph(i).Case;
    }

    /// <summary>A finite verb (not a word of a name the tagger took for one: `Kim`).</summary>
    public bool IsFinite(int i) => EntityAt[i] < 0 && Upos(i) is Core.Model.Upos.VERB or Core.Model.Upos.AUX && Morph(i).IsFinite;

    /// <summary>
    /// A passive participle: so tagged, or a form after `būti` the tagger read as an infinitive (`nebuvo pakviesti` is
    /// the plural participle, not the infinitive).
    /// </summary>
    public bool IsPassive(int i) =>
        Morph(i) is { VerbForm: VerbForm.Part, Voice: Voice.Pass }
        || Morph(i).VerbForm == VerbForm.Inf && i > 0 && Lemma(i - 1) is "būti" or "nebūti" && Upos(i - 1) is Core.Model.Upos.AUX or Core.Model.Upos.VERB;

    /// <summary>
    /// A past active participle in the nominative (`susitikęs`, `susitikusi`, `susitikę`, `susitikusios`): it agrees with
    /// the clause's subject and tells an act of it (`su ministru susitikęs K. Budrys pareiškė`).
    /// </summary>
    public bool IsActivePastParticiple(int i) =>
        EntityAt[i] < 0 && Upos(i) == Core.Model.Upos.VERB && Morph(i) is { VerbForm: VerbForm.Part, Voice: Voice.Act, Tense: Tense.Past, Case: Case.Nom };

    /// <summary>
    /// A nominative plural in -os/-ės that stands right before a noun of another case (over a quoted name: `grupuotės
    /// „Hamas“ taikinius`): the genitive singular of the same form, an attribute of that noun, not a subject.
    /// </summary>
    public bool GenitiveBeforeNoun(int noun) => NounAfterGenitive(noun) >= 0;

    /// <summary>The noun a <see cref="GenitiveBeforeNoun"/> form qualifies, or -1.</summary>
    public int NounAfterGenitive(int noun)
    {
        // A name apposed to such a noun (`„Hamas“` after `grupuotės`) qualifies the next noun with it.
        while (noun > 0 && (EntityAt[noun] >= 0 && Upos(noun) != Core.Model.Upos.NOUN || Doc.Token(noun).Span is "„" or "“" or "\"")) noun--;
        if (noun < 0 || noun >= Doc.TokenCount || Upos(noun) != Core.Model.Upos.NOUN || Morph(noun).Number != Number.Plur) return -1;
        // A common noun, also when the entity step took it into the name it introduces (`grupuotės „Hamas“`).
        var form = Doc.Token(noun).Span;
        if (form.Length == 0 || !char.IsLower(form[0])) return -1;
        if (!(form.EndsWith("os", StringComparison.Ordinal) || form.EndsWith("ės", StringComparison.Ordinal))) return -1;
        var k = noun + 1;
        while (k < Doc.TokenCount && (EntityAt[k] >= 0 || Doc.Token(k).Span is "„" or "“" or "\"")) k++;
        return k < Doc.TokenCount && Upos(k) == Core.Model.Upos.NOUN && EntityAt[k] < 0 && CaseOf(k) is not (Case.Nom or Case.None or Case.Gen) ? k : -1;
    }

    /// <summary>
    /// Whether a `su` phrase (its first token) belongs to a noun that itself follows a preposition: `po susitikimo su V.
    /// Zelenskiu`, `per derybas su Maskva` name the partner of that meeting, not of the clause's verb.
    /// </summary>
    public bool WithOfPrepositionalNoun(int first)
    {
        var su = first - 1;
        if (su < 1 || Upos(su) != Core.Model.Upos.ADP || Lemma(su) != "su") return false;
        var noun = su - 1;
        if (Upos(noun) != Core.Model.Upos.NOUN || EntityAt[noun] >= 0) return false;
        for (var k = noun - 1; k >= 0 && k >= noun - 3; k--)
        {
            if (Upos(k) == Core.Model.Upos.ADP) return Lemma(k) != "su";
            if (!IsNominal(k)) return false;
        }
        return false;
    }

    /// <summary>Whether a clause has a finite verb.</summary>
    public bool HasFinite((int Start, int End) clause)
    {
        for (var k = clause.Start; k < clause.End; k++)
            if (IsFinite(k)) return true;
        return false;
    }

    /// <summary>A verb heading a clause or a verb group (finite, infinitive, gerund, adverbial participle), not a participle used as an adjective.</summary>
    public bool IsVerb(int i) => EntityAt[i] < 0 && Upos(i) is Core.Model.Upos.VERB && !(Morph(i) is { VerbForm: VerbForm.Part, Case: not Case.None });

    /// <summary>The clauses of a sentence as token ranges [start, end): split at `;`, `:`, dashes, and commas before a clause opener.</summary>
    public List<(int Start, int End)> Clauses(Sentence sentence)
    {
        var clauses = new List<(int, int)>();
        var start = sentence.FirstToken;
        var end = sentence.FirstToken + sentence.TokenCount;
        for (var i = start; i < end; i++)
        {
            var text = Doc.Token(i).Span;
            var boundary = text is ";" or ":" or "–" or "—"
                || (text is "," && i + 1 < end && ((Lemma(i + 1) is { } next && ClauseOpeners.Contains(next.ToLowerInvariant())) || IsFinite(i + 1) || Impersonal(i + 1) || CueAhead(i + 1, end)
                                                  // `, su kuriuo praėjusią savaitę susitiko`: a relative clause after its preposition.
                                                  || Upos(i + 1) == Core.Model.Upos.ADP && i + 2 < end && Lemma(i + 2) is "kuris" or "kuri"));
            if (!boundary) continue;
            if (i > start) clauses.Add((start, i));
            start = i + 1;
        }
        if (start < end) clauses.Add((start, end));
        return clauses;
    }

    /// <summary>A reporting cue within the next few words (`, trečiadienio rytą pranešė KCNA`): a reporting aside.</summary>
    private bool CueAhead(int from, int end)
    {
        for (var k = from; k < end && k < from + 4 && Upos(k) != Core.Model.Upos.PUNCT; k++)
            if (Cue[k]) return true;
        return false;
    }

    /// <summary>An impersonal passive (`rašoma`, `pranešama`): a clause of its own after a comma.</summary>
    private bool Impersonal(int i) => Upos(i) == Core.Model.Upos.VERB && Morph(i) is { Gender: Gender.Neut, Voice: Voice.Pass };

    private bool IsNominal(int i)
    {
        if (InTime[i]) return false;
        if (EntityAt[i] >= 0) return true;
        return Upos(i) switch
        {
            Core.Model.Upos.NOUN or Core.Model.Upos.PROPN or Core.Model.Upos.ADJ or Core.Model.Upos.NUM or Core.Model.Upos.DET => true,
            Core.Model.Upos.VERB => Morph(i) is { VerbForm: VerbForm.Part, Case: not Case.None },
            _ => false,
        };
    }

    private bool IsHead(int i) =>
        Upos(i) is Core.Model.Upos.NOUN or Core.Model.Upos.PROPN || (EntityAt[i] >= 0 && (i + 1 >= EntityAt.Length || EntityAt[i + 1] != EntityAt[i]));

    /// <summary>
    /// The noun phrases of a clause. A phrase runs over nominal tokens and ends after a noun or entity that is not in
    /// the genitive (the head is last in Lithuanian), except before a name in apposition (`agentūra KCNA`,
    /// `ministru Sergejumi Lavrovu`); genitives coordinated by `ir`/`bei` stay in one phrase (`V. Putino ir D. Trumpo
    /// susitikimas`).
    /// </summary>
    public List<Phrase> Phrases(int start, int end)
    {
        var phrases = new List<Phrase>();
        var i = start;
        while (i < end)
        {
            if (!IsNominal(i)) { i++; continue; }
            var first = i;
            while (true)
            {
                var inEntity = i + 1 < end && EntityAt[i] >= 0 && EntityAt[i + 1] == EntityAt[i];
                if (inEntity) { i++; continue; }
                var headCase = CaseOf(i);
                var closes = IsHead(i) && headCase is not Case.None and not Case.Gen;
                if (i + 1 >= end) break;
                if (closes)
                {
                    var apposition = Upos(i) == Core.Model.Upos.NOUN && EntityAt[i] < 0 && EntityAt[i + 1] >= 0
                                     && (CaseOf(LastOf(EntityAt[i + 1], i + 1, end)) is var c && (c == Case.None || c == headCase));
                    // `su Ukrainos ministru pirmininku Denysu Šmyhaliu`: a title of two nouns in one case before the name.
                    var title = Upos(i) == Core.Model.Upos.NOUN && EntityAt[i] < 0 && i + 2 < end && Upos(i + 1) == Core.Model.Upos.NOUN
                                && EntityAt[i + 1] < 0 && CaseOf(i + 1) == headCase && EntityAt[i + 2] >= 0 && CaseOf(LastOf(EntityAt[i + 2], i + 2, end)) is var t && (t == Case.None || t == headCase);
                    if (!apposition && !title) break;
                    i++;
                    continue;
                }
                // `Rusijos FSB Maskvoje sulaikė`: an undeclined name before a place in the locative owns no place.
                if (headCase == Case.None && EntityAt[i] >= 0 && EntityAt[i + 1] >= 0 && EntityAt[i + 1] != EntityAt[i] && CaseOf(i + 1) == Case.Loc) break;
                if (IsNominal(i + 1)) { i++; continue; }
                // `Specialiųjų tyrimų tarnybos (STT) Kauno valdybos`: an abbreviation in brackets inside a genitive chain.
                if (headCase is Case.Gen or Case.None && Doc.Token(i + 1).Span is "(" && i + 4 < end && Doc.Token(i + 3).Span is ")"
                    && EntityAt[i + 2] >= 0 && IsNominal(i + 4)) { i += 4; continue; }
                // Coordinated genitives: `Rusijos ir Ukrainos`, `Pietų Korėjos ir Vakarų žvalgybos agentūros`.
                if (Doc.Token(i + 1).Span is "ir" or "bei" && (headCase == Case.Gen || CaseOf(i) == Case.None) && i + 2 < end && IsNominal(i + 2)) { i += 2; continue; }
                break;
            }
            var split = PrepositionalEnd(first, i);
            if (split >= 0)
            {
                phrases.Add(MakePhrase(first, split));
                first = split + 1;
            }
            phrases.Add(MakePhrase(first, i));
            i++;
        }
        return phrases;
    }

    /// <summary>
    /// Where a phrase after a preposition really ends when its head is nominative (no preposition takes one): after the
    /// words in the preposition's case (`po derybų | JAV prezidentas kalbėjosi`), or -1 when it does not split.
    /// </summary>
    private int PrepositionalEnd(int first, int last)
    {
        var before = first - 1;
        if (before >= 0 && Doc.Token(before).Span is "„" or "\"" or "“") before--;
        if (before < 0 || Upos(before) != Core.Model.Upos.ADP || CaseOf(last) != Case.Nom) return -1;
        var governed = Morph(before).Case;
        if (governed == Case.None) return -1;
        for (var k = first + 1; k <= last; k++)
            if (CaseOf(k - 1) == governed && CaseOf(k) != governed && (EntityAt[k] < 0 || EntityAt[k] != EntityAt[k - 1]))
            {
                // Only a common noun's nominative is trusted: the tagger reads names' cases less surely (`Ukrainai`).
                for (var n = k; n <= last; n++)
                    if (Upos(n) == Core.Model.Upos.NOUN && CaseOf(n) == Case.Nom) return k - 1;
                return -1;
            }
        return -1;
    }

    private int LastOf(int entity, int from, int end)
    {
        var k = from;
        while (k + 1 < end && EntityAt[k + 1] == entity) k++;
        return k;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> Units = Resources.Set("Events/Data/units.txt", StringComparer.Ordinal);

    private Phrase MakePhrase(int first, int last)
    {
        // The preposition before the phrase, over an opening quote mark (`už „Korėjos liaudies armijos …“`); `apie`,
        // `per`, `iki` before a number say how many, not where (`žuvo apie 600 kariškių`).
        var before = first - 1;
        if (before >= 0 && Doc.Token(before).Span is "„" or "\"" or "“") before--;
        var preposition = before >= 0 && Upos(before) == Core.Model.Upos.ADP ? Lemma(before)?.ToLowerInvariant() : null;
        if (preposition is "apie" or "per" or "iki" or "virš" && Upos(first) == Core.Model.Upos.NUM) preposition = null;
        var head = IsHead(last) && EntityAt[last] >= 0 ? EntityAt[last] : -1;
        var owners = new List<int>();
        var organisation = -1;
        for (var k = first; k <= last; k++)
        {
            var e = EntityAt[k];
            if (e < 0 && Doc.Token(k).Span is "ir" or "bei") organisation = -1;
            if (e < 0 || e == head || (owners.Count > 0 && owners[^1] == e)) continue;
            var mention = Doc.Entities[e];
            // `STT Kauno valdybos pareigūnai`, `VSD Klaipėdos skyriaus pareigūnai`: a place or a unit (Data/units.txt)
            // after an organisation names the organisation's unit, not another owner.
            if (organisation >= 0 && (mention.Type == "LOC" || mention.Type == "ORG" && Units.Contains(mention.Canonical.Split(' ')[^1]))) continue;
            // `Seimo Lietuvos valstiečių ir žaliųjų sąjungos frakcija`: another organisation after one is the nearer owner.
            if (organisation >= 0 && mention.Type == "ORG") owners.RemoveAt(organisation);
            if (mention.Type == "ORG") organisation = owners.Count;
            owners.Add(e);
        }
        return new Phrase(first, last, CaseOf(last), preposition, head, owners);
    }
}

/// <summary>
/// A noun phrase: its tokens [First, Last], the case of its head (null for undeclined abbreviations and foreign names),
/// the preposition before it, the entity mention that is its head (or -1), and the other entity mentions in it
/// (genitive owners: `Rusijos` in `Rusijos pajėgos`).
/// </summary>
internal sealed record Phrase(int First, int Last, Case Case, string? Preposition, int Head, List<int> Owners)
{
    /// <summary>Who the phrase stands for: its head entity, else the entities owning its common-noun head.</summary>
    public IEnumerable<int> Participants => Head >= 0 ? [Head] : Owners;

    public bool Contains(int token) => token >= First && token <= Last;
}
