using Kronika.Core.Model;

namespace Kronika.Lithuanian.Attribution;

public sealed partial class AttributionFinder
{
    /// <summary>How far back from a participle its auxiliary may stand (`yra ne kartą pabrėžęs`).</summary>
    private const int AuxiliaryReach = 3;

    /// <summary>
    /// How many tokens a scan for a subject, a source phrase or a `kad` goes through. Real subjects stand within a few
    /// words of their verb; the bound keeps text without punctuation linear.
    /// </summary>
    private const int Reach = 60;

    /// <summary>The longest claim or clause, in tokens; a longer one is cut there.</summary>
    private const int MaxClaim = 400;

    /// <summary>The most cues one sentence gives; only text that is not prose has more.</summary>
    private const int MaxCuesPerSentence = 100;

    /// <summary>
    /// The cues of one sentence, left to right, outside direct quotes (a reporting verb inside someone's words is
    /// part of what they said, not the article's attribution) and outside names.
    /// </summary>
    private void FindCues(Work w, int sentence, int first, int last)
    {
        var consumed = -1;
        var limit = w.Cues.Count + MaxCuesPerSentence;
        for (var t = first; t <= last && w.Cues.Count < limit; t++)
        {
            if (t <= consumed || w.QuoteOf[t] >= 0 || w.EntityOf[t] >= 0 || w.Kind(t) != TokenKind.Word) continue;
            var form = w.Form(t);
            Cue? cue = null;
            if (words.IsHedge(form, out var mayBeAdjective))
            {
                if (!mayBeAdjective || IsImpersonal(w, t, first, last)) cue = new Cue(CueKind.Hedge, t, t, sentence);
            }
            else if (words.IsSourceMarker(form, out var marker))
            {
                cue = marker is SourceMarker.Before or SourceMarker.BeforeAny
                    ? MarkerBefore(w, t, sentence, last, marker == SourceMarker.BeforeAny)
                    : MarkerAfter(w, t, sentence, first, last, marker == SourceMarker.AfterOrAdjective);
                if (cue is { Kind: CueKind.Before, NpLast: >= 0 }) consumed = cue.NpLast;
            }
            else if (w.Pos(t) == Upos.VERB && w.Lemma(t) is { } lemma && words.IsReportingVerb(lemma, out var verbKind))
            {
                var cueFirst = w.Morph(t).VerbForm == VerbForm.Fin ? t
                    : w.Morph(t).VerbForm == VerbForm.Part && w.Morph(t).Voice == Voice.Act ? Auxiliary(w, t, first)
                    // `X paliko salę, teigdamas, jog …`: a converb after a comma reports what the clause's subject said.
                    : w.Morph(t).VerbForm == VerbForm.Conv && t > first && w.Form(t - 1) is "," && GovernedKad(w, t + 1, last) >= 0 ? t
                    : -1;
                if (cueFirst >= 0)
                    cue = new Cue(CueKind.Verb, cueFirst, t, sentence) { Opinion = verbKind == VerbKind.Opinion, Publish = verbKind == VerbKind.Publish, Kaip = cueFirst > first && w.Is(cueFirst - 1, "kaip") };
            }
            else if (w.Pos(t) == Upos.VERB && (w.Morph(t).VerbForm == VerbForm.Fin || IsPredicateParticiple(w, t))
                && TailClauseStart(w, t, first) is var tail and >= 0 && !FiniteBetween(w, tail, t))
                // `„…“, – nusijuokė X.`, `„…“, – „Facebook“ paskyroje dalinosi X.`: the first verb of the clause after a
                // quote and its dash says who spoke.
                cue = new Cue(CueKind.Verb, t, t, sentence);
            if (cue is null) continue;
            for (var k = cue.First; k <= cue.Last; k++) w.CueAt[k] = w.Cues.Count;
            w.Cues.Add(cue);
        }
    }

    /// <summary>
    /// When the clause a token stands in is the article's tail after a direct quote (`„…“, – baudos dydį pakomentavo
    /// prokuroras`), the clause's first token (right after the dash); else -1.
    /// </summary>
    private static int TailClauseStart(Work w, int t, int first)
    {
        // Bounded like every scan, so a long text without punctuation stays linear.
        var k = t - 1;
        var min = Math.Max(first, t - Reach);
        while (k >= min)
        {
            var u = w.UnitFirst[k];
            if (u == k && w.IsBoundary(k)) break;
            k = u - 1;
        }
        return k >= min && IsQuoteTail(w, k + 1) ? k + 1 : -1;
    }

    /// <summary>
    /// An active participle standing for the verb (`– įsitikinęs seniūnas X`): nominative, not one agreeing with an object
    /// (`– šiurpą keliančią žinią pateikė`).
    /// </summary>
    private static bool IsPredicateParticiple(Work w, int t) =>
        w.Morph(t).VerbForm == VerbForm.Part && w.Morph(t).Voice == Voice.Act && w.CaseOf(t) is Case.Nom or Case.None;

    /// <summary>Whether a finite verb (outside names and quotes) stands from <paramref name="from"/> up to, not including, <paramref name="to"/>.</summary>
    private static bool FiniteBetween(Work w, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (w.EntityOf[k] < 0 && w.QuoteOf[k] < 0 && w.IsFinite(k)) return true;
        return false;
    }

    /// <summary>A token right after a direct quote, its comma and a dash (`„…“, – nusijuokė X`, `„…?“ – paklausė X`).</summary>
    private static bool IsQuoteTail(Work w, int t)
    {
        // A dash opening a paragraph opens a turn of an interview (`– Kiek tai padeda?`), not the article's tail.
        if (t < 2 || !w.IsDash(t - 1) || (w.Doc.TokenAt(t - 1).Flags & TokenFlags.ParagraphStart) != 0) return false;
        // `„…“, – sakė`, and `„…? – klausė X. – …“` (an interrupted quote ends before its question mark).
        var before = w.Form(t - 2) is "," or "?" or "!" or "…" ? t - 3 : t - 2;
        return before >= 0 && w.QuoteOf[before] >= 0 && w.UnitLast[before] == before;
    }

    /// <summary>
    /// `manoma`, `teigiama` as hedges, not adjectives (`teigiama žinia` 'positive news'): after `kaip`, or not before
    /// a nominative noun they could agree with. The tagger's gender is no help: it reads both as neuter.
    /// </summary>
    private static bool IsImpersonal(Work w, int t, int first, int last)
    {
        if (t > first && w.Is(t - 1, "kaip") || t == last) return true;
        return !(w.Pos(t + 1) is Upos.NOUN && w.CaseOf(t + 1) == Case.Nom && w.EntityOf[t + 1] < 0);
    }

    /// <summary>The auxiliary of a compound past (`yra pranešusios`, `buvo sakiusi`, `nėra sakęs`), or -1.</summary>
    private static int Auxiliary(Work w, int participle, int first)
    {
        for (var k = participle - 1; k >= first && k >= participle - AuxiliaryReach; k--)
        {
            if (w.IsBoundary(k) || w.EntityOf[k] >= 0 || w.QuoteOf[k] >= 0) return -1;
            if (w.Lemma(k) is "būti" or "nebūti") return k;
            if (w.Pos(k) is Upos.VERB or Upos.AUX) return -1;
        }
        return -1;
    }

    /// <summary>`pasak Seulo`, `anot Kremliaus`, `remiantis Reuters`: the source follows; without one there is no cue.</summary>
    private static Cue? MarkerBefore(Work w, int t, int sentence, int last, bool anyCase)
    {
        int npFirst = -1, npLast = -1;
        last = Math.Min(last, t + Reach);
        for (var j = t + 1; j <= last;)
        {
            var unitLast = Math.Min(w.UnitLast[j], last);
            if (npFirst >= 0 && BracketAfter(w, j, last) is var close and >= 0)
            {
                npLast = close;
                j = close + 1;
                continue;
            }
            if (w.IsBoundary(j)) break;
            bool fits;
            if (w.EntityOf[j] >= 0)
                fits = npFirst < 0 || w.MentionCase[w.EntityOf[j]] is NameCase.Genitive or NameCase.Caseless;
            else if (w.IsConjunction(j))
                fits = npFirst >= 0 && unitLast + 1 <= last && FitsOwner(w, unitLast + 1, anyCase);
            else
                fits = FitsOwner(w, j, anyCase);
            if (!fits) break;
            if (npFirst < 0) npFirst = j;
            npLast = unitLast;
            j = unitLast + 1;
        }
        if (npFirst < 0) return null;
        return new Cue(CueKind.Before, t, t, sentence) { NpFirst = npFirst, NpLast = npLast };

        static bool FitsOwner(Work w, int j, bool anyCase) =>
            w.EntityOf[j] >= 0 && w.MentionCase[w.EntityOf[j]] is NameCase.Genitive or NameCase.Caseless
            || IsOwnerWord(w, j) && (w.CaseOf(j) == Case.Gen || anyCase && w.CaseOf(j) == Case.Ins)
            || IsForeign(w, j);
    }

    /// <summary>
    /// `Seulo duomenimis`, `ministro teigimu`: the genitive owner precedes (`oficialiais duomenimis` has none). The
    /// phrase must stand apart — at a clause edge — so that `kitais žodžiais` or `su pranešimu` are not cues.
    /// </summary>
    private static Cue? MarkerAfter(Work w, int t, int sentence, int first, int last, bool adjectiveOnly)
    {
        int npFirst = -1;
        for (var j = t - 1; j >= first && j >= t - Reach;)
        {
            var unitFirst = Math.Max(w.UnitFirst[j], first);
            if (npFirst >= 0 && BracketBefore(w, j, first) is var open and > 0)
            {
                npFirst = open;
                j = open - 1;
                continue;
            }
            if (w.IsBoundary(j)) break;
            bool fits;
            if (w.EntityOf[j] >= 0)
                fits = w.MentionCase[w.EntityOf[j]] is NameCase.Genitive or NameCase.Caseless;
            else if (w.IsConjunction(j))
                fits = npFirst >= 0 && unitFirst - 1 >= first && IsGenitiveUnit(w, Math.Max(w.UnitFirst[unitFirst - 1], first));
            else
                fits = IsGenitiveUnit(w, j);
            if (!fits) break;
            npFirst = unitFirst;
            j = unitFirst - 1;
        }
        var start = npFirst >= 0 ? npFirst : t - 1;
        if (npFirst < 0 && !(adjectiveOnly && t > first && w.Pos(t - 1) is Upos.ADJ or Upos.VERB or Upos.DET && w.CaseOf(t - 1) == Case.Ins))
            return null;
        // A preposition before the owner takes the whole phrase (`su ministerijos pranešimu`).
        if (start > first && w.Pos(start - 1) == Upos.ADP) return null;
        var apart = start == first || w.IsBoundary(start - 1) || t == last || w.IsBoundary(t + 1);
        if (!apart) return null;
        return new Cue(CueKind.After, t, t, sentence) { NpFirst = npFirst, NpLast = npFirst >= 0 ? t - 1 : -1 };
    }

    private static bool IsGenitiveUnit(Work w, int j) =>
        w.EntityOf[j] >= 0 ? w.MentionCase[w.EntityOf[j]] is NameCase.Genitive or NameCase.Caseless
            : IsOwnerWord(w, j) && w.CaseOf(j) == Case.Gen || IsForeign(w, j);

    /// <summary>A word that can stand in a noun phrase: a noun, pronoun, adjective, determiner, numeral or participle.</summary>
    private static bool IsOwnerWord(Work w, int j) =>
        w.Pos(j) is Upos.NOUN or Upos.PROPN or Upos.PRON or Upos.ADJ or Upos.DET or Upos.NUM
        || w.Pos(j) == Upos.VERB && w.Morph(j).VerbForm == VerbForm.Part;

    /// <summary>A capitalised foreign word or acronym the entity layer did not take (`AFP`): indeclinable.</summary>
    private static bool IsForeign(Work w, int j) =>
        w.Pos(j) == Upos.X && w.Kind(j) == TokenKind.Word && char.IsUpper(w.Form(j)[0]) && w.CaseOf(j) == Case.None;

    /// <summary>A cue's subject, claim and scope, then its source.</summary>
    private static void Resolve(Work w, Cue cue)
    {
        var first = w.SentenceFirst(cue.Sentence);
        var last = w.SentenceLast(cue.Sentence);
        (cue.ScopeFirst, cue.ScopeLast) = (first, last);
        (cue.ClaimFirst, cue.ClaimLast) = (first, last);
        switch (cue.Kind)
        {
            case CueKind.Verb:
                ResolveVerb(w, cue, first, last);
                break;
            case CueKind.Hedge:
                // `Manoma, kad …`: the hedge governs the clause right after it.
                var kad = cue.Last + 1 <= last && w.Is(cue.Last + 1, "kad") ? cue.Last + 1
                    : cue.Last + 2 <= last && w.Form(cue.Last + 1) is "," && w.Is(cue.Last + 2, "kad") ? cue.Last + 2
                    : -1;
                if (kad >= 0) SetClaim(w, cue, kad, last);
                return;
        }
        if (cue.NpFirst < 0) return;
        var source = ChooseEntity(w, cue.NpFirst, cue.NpLast, cue.NpIsSubject);
        if (source >= 0) cue.Source = source;
        else if (ContentWords(w, cue.NpFirst, cue.NpLast) >= 2) cue.SourceText = w.Doc.Text[w.Start(cue.NpFirst)..w.End(cue.NpLast)];
    }

    private static void ResolveVerb(Work w, Cue cue, int first, int last)
    {
        // `kaip skelbia KCNA`: the subject follows.
        w.CuePublishes = cue.Publish;
        // A converb's subject is that of the clause before its comma.
        var converb = w.Morph(cue.First).VerbForm == VerbForm.Conv;
        var left = cue.Kaip ? default : SubjectLeft(w, converb ? cue.First - 2 : cue.First - 1, first);
        var right = SubjectRight(w, cue.Last + 1, last);
        // The better-founded subject wins: a nominative name over a nominative noun or pronoun over an indeclinable
        // name (`– BNS teigė K. Budrys`: BNS is the dative); on a tie the one before the verb.
        // In the tail after a quote the subject follows its verb (`„…“, – baudos dydį pakomentavo prokuroras`: `baudos`
        // is no subject though the tagger may read a nominative plural), so a subject after it wins a tie there.
        var tail = TailClauseStart(w, cue.First, first) >= 0;
        var chosen = right.Tier > left.Tier || tail && right.Tier > 0 && right.Tier == left.Tier ? right : left;
        // Where the scan finds no sure subject, the parse may: it sees past parentheses and participle phrases.
        if (chosen.Tier < 2 && TreeSubject(w, cue.First, first, last) is var tree && tree.Tier > chosen.Tier) chosen = tree;
        if (chosen.Tier > 0)
        {
            (cue.NpFirst, cue.NpLast, cue.NpIsSubject) = (chosen.First, chosen.Last, true);
            cue.Subject = chosen.First < cue.First ? Side.Left : Side.Right;
        }
        var kad = GovernedKad(w, cue.Last + 1, last);
        if (kad >= 0) SetClaim(w, cue, kad, last);
        if (cue.Kad >= 0)
            (cue.ScopeFirst, cue.ScopeLast) = (cue.First, cue.ClaimLast);
        else if (!(cue.Kaip || tail || cue.Subject != Side.Left && cue.First > first))
            // Not a reporting tail (`…, informavo KCNA`): the verb speaks only what follows it in its clause.
            (cue.ScopeFirst, cue.ScopeLast) = (cue.First, ClauseEnd(w, cue.Last + 1, last));
        else if (QuoteBefore(w, first) is var open and >= 0)
            // `„… išlaikyti?“ – sakė X.`: the splitter ends a sentence inside the quote; the tail reports the quote.
            cue.ScopeFirst = cue.ClaimFirst = open;
    }

    /// <summary>
    /// The opening mark of a quote that closes just before a sentence opening with a dash (`„…?“ – sakė X`), or -1.
    /// </summary>
    private static int QuoteBefore(Work w, int first)
    {
        if (first == 0 || !w.IsDash(first) && !(w.Form(first) is "," && first + 1 < w.Count && w.IsDash(first + 1))) return -1;
        // `„Ar tai teisinga? – klausė X. – …“`: the first part of an interrupted quote ends before its question mark.
        var end = first - 1;
        if (end > 0 && w.QuoteOf[end] < 0 && w.Form(end) is "?" or "!" or "…") end--;
        return w.QuoteOf[end] >= 0 && w.UnitLast[end] == end ? w.UnitFirst[end] : -1;
    }

    private static void SetClaim(Work w, Cue cue, int kad, int last)
    {
        var end = KadClauseEnd(w, kad, last);
        if (end <= kad) return;
        (cue.Kad, cue.ClaimFirst, cue.ClaimLast) = (kad, kad + 1, end);
    }

    /// <summary>A subject candidate: its noun phrase and how sure its case is (0: none).</summary>
    private readonly record struct Candidate(int First, int Last, int Tier);

    /// <summary>
    /// How sure a unit is to be a nominative subject: 3 for a name whose case is nominative, 2 for a nominative
    /// noun or pronoun, 1 for an indeclinable name (`KCNA`), 0 for anything else.
    /// </summary>
    private static int SeedTier(Work w, int u)
    {
        if (w.EntityOf[u] >= 0)
        {
            // A channel beside a verb of saying is the one told (`BNS sakė A. Vaitkus`), not the speaker.
            if (w.IsChannel[w.EntityOf[u]] && !w.CuePublishes) return 0;
            // A quoted name takes the case of the noun before it (`laidoje „Spaudos klubas“`: in the programme).
            var unit = w.UnitFirst[u];
            if (w.Kind(unit) == TokenKind.Punctuation && unit > 0 && w.Pos(unit - 1) == Upos.NOUN && w.CaseOf(unit - 1) is not (Case.Nom or Case.None))
                return 0;
            return w.MentionCase[w.EntityOf[u]] switch { NameCase.Nominative => 3, NameCase.Caseless => 1, _ => 0 };
        }
        if (w.QuoteOf[u] >= 0) return 0;
        if (w.Pos(u) is Upos.NOUN or Upos.PROPN or Upos.PRON && w.CaseOf(u) == Case.Nom)
        {
            // A feminine noun in -a is nominative or instrumental; the word before it may tell (`šia tema`: instrumental).
            var before = u > 0 ? w.CaseOf(u - 1) : Case.None;
            return u > 0 && w.Pos(u - 1) is Upos.ADJ or Upos.DET && before is Case.Ins or Case.Acc or Case.Dat or Case.Loc ? 0 : 2;
        }
        return IsForeign(w, u) && (w.CuePublishes || !w.Words.IsChannel(w.Form(u).ToString())) ? 1 : 0;
    }

    /// <summary>
    /// The nearest nominative before the verb in its clause. The scan steps over objects, adverbs, quotes and
    /// coordinated verbs (`Kremlius pareiškime patvirtino … ir pridūrė`), over a parenthetical cue between commas
    /// (`Kim Jong Unas, kaip skelbia KCNA, pažadėjo`), and takes an apposition between commas (`Jonas Petraitis,
    /// bendrovės vadovas, sakė`).
    /// </summary>
    private static Candidate SubjectLeft(Work w, int from, int first)
    {
        // An indeclinable name is taken only when no nominative stands further back (`K. Budrys BNS teigė`: to BNS).
        Candidate weak = default;
        first = Math.Max(first, from - Reach);
        for (var i = from; i >= first;)
        {
            var u = Math.Max(w.UnitFirst[i], first);
            if (u == i && w.IsBoundary(i))
            {
                if (!w.IsCommaOrDash(i)) return weak;
                var (segment, far) = SegmentBefore(w, i - 1, first);
                if (segment > i - 1) return weak;
                if (IsParenthetical(w, segment, i - 1) || far >= 0 && w.Form(i) is "," && w.Form(far) is "," && IsDetached(w, segment, i - 1))
                {
                    if (far < 0 || !w.IsCommaOrDash(far)) return weak;
                    i = far - 1;
                    continue;
                }
                if (weak.Tier > 0 || w.Form(i) is not "," || far < 0 || w.Form(far) is not "," || BareSubject(w, segment, i - 1) is not { } apposition)
                    return weak;
                // The apposition's head is the name before it, when that too stands alone between commas or opens the sentence.
                var (before, _) = SegmentBefore(w, far - 1, first);
                return before <= far - 1 && BareSubject(w, before, far - 1) is { } named && named.Tier >= apposition.Tier
                    ? new Candidate(named.First, apposition.Last, named.Tier)
                    : apposition;
            }
            var tier = AfterPreposition(w, u, first) ? 0 : SeedTier(w, u);
            if (tier > 1) return Phrase(w, u, Math.Min(w.UnitLast[u], from), first, from, tier);
            if (tier == 1 && weak.Tier == 0) weak = Phrase(w, u, Math.Min(w.UnitLast[u], from), first, from, tier);
            i = u - 1;
        }
        return weak;
    }

    /// <summary>A unit right after a preposition is its object, not a subject (`su JAV prezidentu`, `į JAV`).</summary>
    private static bool AfterPreposition(Work w, int u, int first) => u > first && w.Pos(u - 1) == Upos.ADP;

    /// <summary>The nearest nominative after the verb, before the clause ends or another verb begins (`informavo agentūra KCNA`).</summary>
    private static Candidate SubjectRight(Work w, int from, int last)
    {
        Candidate weak = default;
        last = Math.Min(last, from + Reach);
        for (var i = from; i <= last;)
        {
            var unitLast = Math.Min(w.UnitLast[i], last);
            if (unitLast == i && w.IsBoundary(i) || w.EntityOf[i] < 0 && w.QuoteOf[i] < 0 && w.IsFinite(i)) return weak;
            var tier = AfterPreposition(w, i, from) ? 0 : SeedTier(w, i);
            if (tier > 1)
            {
                var found = Phrase(w, i, unitLast, from, last, tier);
                // `svarstė „Mitnijos“ direktoriaus pavaduotojas Raimondas Mickūnas`: a body named first, then the
                // person who speaks for it; the person is the subject.
                return !HasPerson(w, found.First, found.Last) && PersonAfter(w, found.Last + 1, last) is var person and >= 0
                    ? new Candidate(i, person, 3)
                    : found;
            }
            if (tier == 1 && weak.Tier == 0) weak = Phrase(w, i, unitLast, from, last, tier);
            i = unitLast + 1;
        }
        return weak;
    }

    private static bool HasPerson(Work w, int first, int last)
    {
        for (var i = first; i <= last; i++)
            if (w.EntityOf[i] >= 0 && w.Doc.Entities[w.EntityOf[i]].Type == "PER" || w.RefOf[i] >= 0) return true;
        return false;
    }

    /// <summary>
    /// The last token of a nominative PER name, or of a nominative word that refers to someone, later in the clause past
    /// genitives and role words only; or -1.
    /// </summary>
    private static int PersonAfter(Work w, int from, int last)
    {
        for (var i = from; i <= last && i < from + Reach;)
        {
            var unitLast = Math.Min(w.UnitLast[i], last);
            if (unitLast == i && w.IsBoundary(i)) return -1;
            var m = w.EntityOf[i];
            if (m >= 0 && w.Doc.Entities[m].Type == "PER" && w.MentionCase[m] is NameCase.Nominative or NameCase.Caseless) return unitLast;
            // `sakė „Vilties aušros“ lyderis`: a nominative role word the References layer points at someone (the party's
            // name before it is its owner, whatever case the tagger reads in it).
            if (m < 0 && w.RefOf[i] >= 0 && w.CaseOf(i) == Case.Nom) return unitLast;
            // Role words in any case may stand between (`atstovė spaudai Paula Pinho`), a verb may not.
            if (m < 0 && !(w.Pos(i) is Upos.NOUN or Upos.ADJ or Upos.PROPN or Upos.DET or Upos.NUM) && !w.IsConjunction(i)
                && !w.IsTitleAbbreviation(i) && (w.Doc.TokenAt(i).Flags & TokenFlags.AbbreviationPeriod) == 0) return -1;
            i = unitLast + 1;
        }
        return -1;
    }

    /// <summary>A segment that is nothing but a noun phrase with a nominative in it (an apposition), or null.</summary>
    private static Candidate? BareSubject(Work w, int first, int last)
    {
        var best = 0;
        for (var i = first; i <= last;)
        {
            var unitLast = Math.Min(w.UnitLast[i], last);
            if (!w.IsConjunction(i) && !IsPhraseWord(w, i)) return null;
            best = Math.Max(best, SeedTier(w, i));
            i = unitLast + 1;
        }
        return best > 0 ? new Candidate(first, last, best) : null;
    }

    /// <summary>The segment ending at <paramref name="last"/>: its first token and the boundary before it (-1 at the sentence start).</summary>
    private static (int First, int Boundary) SegmentBefore(Work w, int last, int first)
    {
        var i = last;
        while (i >= first)
        {
            var u = Math.Max(w.UnitFirst[i], first);
            if (u == i && w.IsBoundary(i)) return (i + 1, i);
            i = u - 1;
        }
        return (first, -1);
    }

    /// <summary>
    /// A phrase between commas that cannot hold the subject: a participle or converb phrase without a finite verb
    /// (`Markas Rutte, spalio 1-ąją perėmęs pareigas, teigė`; `Joe Bidenas, kalbėdamas …, pareiškė`) or a relative
    /// clause (`Jonas, kuris vadovauja bendrovei, sakė`).
    /// </summary>
    private static bool IsDetached(Work w, int first, int last)
    {
        if (w.Lemma(first) is "kuris") return true;
        var nonFinite = false;
        for (var i = first; i <= last;)
        {
            var unitLast = Math.Min(w.UnitLast[i], last);
            if (w.EntityOf[i] < 0 && w.QuoteOf[i] < 0 && w.Pos(i) is Upos.VERB or Upos.AUX)
            {
                if (w.Morph(i).VerbForm == VerbForm.Fin) return false;
                nonFinite |= w.Morph(i).VerbForm == VerbForm.Part || w.Morph(i).VerbForm == VerbForm.Conv || w.Morph(i).VerbForm == VerbForm.Ger;
            }
            i = unitLast + 1;
        }
        return nonFinite;
    }

    /// <summary>
    /// A parenthetical cue the subject scan steps over: `kaip skelbia KCNA`, `pasak BNS`, `anot Kremliaus`, `Seulo
    /// duomenimis`, or a lone hedge (`manoma`).
    /// </summary>
    private static bool IsParenthetical(Work w, int first, int last)
    {
        var m = first;
        while (m <= last && w.IsCommaOrDash(m)) m++;
        if (m > last) return false;
        if (w.Is(m, "kaip") && m + 1 <= last && w.CueAt[m + 1] >= 0) return true;
        if (w.CueAt[m] >= 0)
        {
            var cue = w.Cues[w.CueAt[m]];
            if (cue.Kind == CueKind.Before || cue.Kind == CueKind.Hedge && cue.Last == last) return true;
        }
        for (var k = m; k <= last; k++)
            if (w.CueAt[k] >= 0 && w.Cues[w.CueAt[k]].Kind == CueKind.After) return true;
        return false;
    }

    /// <summary>
    /// The noun phrase around a nominative: before it genitive owners, agreeing adjectives and a role or title
    /// (`Lietuvos užsienio reikalų ministras Kęstutis Budrys`, `oficialioji naujienų agentūra KCNA`), coordinated
    /// with `ir` (`Pietų Korėjos ir Vakarų žvalgybos agentūros`); after it names in apposition (`agentūra KCNA`)
    /// and coordinated nominatives (`V. Putinas ir Kim Jong Unas`).
    /// </summary>
    private static Candidate Phrase(Work w, int seedFirst, int seedLast, int min, int max, int tier)
    {
        var npFirst = seedFirst;
        for (var j = seedFirst - 1; j >= min;)
        {
            var u = Math.Max(w.UnitFirst[j], min);
            if (BracketBefore(w, j, min) is var open and > 0 && open > min && IsPhraseWord(w, Math.Max(w.UnitFirst[open - 1], min)))
            {
                // `Didžiojo septyneto (G7) šalys`: an acronym in brackets stays inside the phrase.
                npFirst = open;
                j = open - 1;
                continue;
            }
            if (j - 1 >= min && w.IsTitleAbbreviation(j - 1))
            {
                // `infektologė doc. Rūta Jakštienė`
                npFirst = j - 1;
                j -= 2;
                continue;
            }
            if (u == j && w.IsBoundary(j)) break;
            if (IsPhraseWord(w, u)) npFirst = u;
            else if (w.IsConjunction(j) && j - 1 >= min && IsPhraseWord(w, Math.Max(w.UnitFirst[j - 1], min))) npFirst = j;
            else break;
            j = u - 1;
        }
        // A preposition before the phrase takes its first word (`iš Rusijos kariai` — the kariai are the subject).
        if (npFirst < seedFirst && npFirst > min && w.Pos(npFirst - 1) == Upos.ADP)
        {
            npFirst = w.UnitLast[npFirst] + 1;
            if (npFirst < seedFirst && w.IsConjunction(npFirst)) npFirst++;
        }
        var npLast = seedLast;
        // The phrase's last word, past a title abbreviation or a bracket.
        var head = seedLast;
        for (var j = seedLast + 1; j <= max;)
        {
            var unitLast = Math.Min(w.UnitLast[j], max);
            // A name in apposition follows a common noun (`agentūra KCNA`, `Pchenjano naujienų agentūra KCNA`), not
            // another name (`K. Budrys BNS teigė`: BNS is the dative).
            var afterCommonNoun = char.IsLower(w.Form(head)[0]) && w.Pos(head) == Upos.NOUN;
            if (afterCommonNoun && j + 1 <= max && w.IsTitleAbbreviation(j))
            {
                npLast = j + 1;
                j += 2;
                continue;
            }
            if (BracketAfter(w, j, max) is var close and >= 0)
            {
                npLast = close;
                j = close + 1;
                continue;
            }
            if (unitLast == j && w.IsBoundary(j)) break;
            if (afterCommonNoun && (w.EntityOf[j] >= 0 ? w.MentionCase[w.EntityOf[j]] is NameCase.Nominative or NameCase.Caseless
                : w.QuoteOf[j] < 0 && (w.Pos(j) == Upos.PROPN && w.CaseOf(j) == Case.Nom || IsForeign(w, j))))
                npLast = head = unitLast;
            else if (w.IsConjunction(j) && j + 1 <= max && SeedTier(w, j + 1) > 0)
                npLast = head = Math.Min(w.UnitLast[j + 1], max);
            else
                break;
            j = npLast + 1;
        }
        return new Candidate(npFirst, npLast, tier);
    }

    /// <summary>Tokens that may stand in brackets inside a phrase: one to three capitalised words or acronyms (`(G7)`, `(VRK)`).</summary>
    private const int BracketWords = 3;

    /// <summary>When token <paramref name="close"/> closes a bracketed acronym, the opening bracket; else -1.</summary>
    private static int BracketBefore(Work w, int close, int min)
    {
        if (w.Kind(close) != TokenKind.Punctuation || w.Form(close) is not ")") return -1;
        for (var k = close - 1; k >= min && k >= close - BracketWords - 1; k--)
            if (w.Kind(k) == TokenKind.Punctuation) return w.Form(k) is "(" && BracketedName(w, k + 1, close - 1) ? k : -1;
        return -1;
    }

    /// <summary>When token <paramref name="open"/> opens a bracketed acronym, the closing bracket; else -1.</summary>
    private static int BracketAfter(Work w, int open, int max)
    {
        if (w.Kind(open) != TokenKind.Punctuation || w.Form(open) is not "(") return -1;
        for (var k = open + 1; k <= max && k <= open + BracketWords + 1; k++)
            if (w.Kind(k) == TokenKind.Punctuation) return w.Form(k) is ")" && BracketedName(w, open + 1, k - 1) ? k : -1;
        return -1;
    }

    private static bool BracketedName(Work w, int first, int last)
    {
        if (first > last) return false;
        for (var k = first; k <= last; k++)
            if (w.Kind(k) is not (TokenKind.Word or TokenKind.Number) || !char.IsUpper(w.Form(k)[0]) && !char.IsDigit(w.Form(k)[0])) return false;
        return true;
    }

    /// <summary>A unit that can be part of a subject phrase: a name, or a nominal word in the nominative or genitive.</summary>
    private static bool IsPhraseWord(Work w, int u)
    {
        if (w.EntityOf[u] >= 0) return w.MentionCase[w.EntityOf[u]] is not NameCase.Other;
        if (w.QuoteOf[u] >= 0) return false;
        return IsOwnerWord(w, u) && w.CaseOf(u) is Case.Nom or Case.Gen || IsForeign(w, u);
    }

    /// <summary>
    /// The entity a source phrase names. The first conjunct is the head (`Pietų Korėjos ir Vakarų …`); in a subject
    /// its last nominative name is the source (`Rusijos prezidentas Vladimiras Putinas`, `agentūra KCNA`), in an
    /// owner phrase its last name (`pasak Rusijos prezidento Vladimiro Putino`); failing that, the person or body a
    /// role noun or pronoun of the phrase refers to (the References layer: `Kremliaus atstovas`, `sakė ji`, `pasak
    /// ministrės`); failing that, the phrase's first name (`Kremliaus atstovas` → Kremlius when no spokesman is
    /// named; `Pietų Korėjos ir Vakarų žvalgybos agentūros` → Pietų Korėja). Returns an entity id, or -1.
    /// </summary>
    private static int ChooseEntity(Work w, int first, int last, bool subject)
    {
        int chosen = -1, firstName = -1, referred = -1;
        var inFirstConjunct = true;
        for (var i = first; i <= last;)
        {
            var unitLast = Math.Min(w.UnitLast[i], last);
            var mention = w.EntityOf[i];
            // `ir` ends the first conjunct after its head (`V. Putinas ir Kim Jong Unas`), not inside genitive
            // modifiers (`Rusijos pramonės ir energetikos ministras`).
            if (mention < 0 && w.IsConjunction(i)) inFirstConjunct &= !(i > first && IsNominativeUnit(w, i - 1));
            else if (mention >= 0)
            {
                if (firstName < 0 && !w.IsChannel[mention]) firstName = mention;
                if (inFirstConjunct && (!subject || w.MentionCase[mention] is NameCase.Nominative or NameCase.Caseless)
                    && !(w.IsChannel[mention] && subject && !w.CuePublishes))
                    (chosen, referred) = (mention, -1);
            }
            else if (inFirstConjunct && w.RefOf[i] >= 0 && (!subject || w.CaseOf(i) is Case.Nom or Case.None))
                (chosen, referred) = (-1, w.RefOf[i]);
            i = unitLast + 1;
        }
        // The phrase's last nominative name or the person its last role noun or pronoun refers to (`agentūra KCNA`,
        // `ŠMM sekretorius`: the secretary, not the ministry), else the phrase's first name.
        if (chosen >= 0) return w.Doc.Entities[chosen].Id;
        if (referred >= 0) return referred;
        return firstName >= 0 ? w.Doc.Entities[firstName].Id : -1;
    }

    /// <summary>Whether the unit ending at a token is nominative: a nominative name or a nominative word.</summary>
    private static bool IsNominativeUnit(Work w, int t)
    {
        var u = w.UnitFirst[t];
        if (w.EntityOf[u] >= 0) return w.MentionCase[w.EntityOf[u]] == NameCase.Nominative;
        return w.CaseOf(t) == Case.Nom;
    }

    /// <summary>The words of a phrase that carry content (not pronouns, determiners, conjunctions or marks).</summary>
    private static int ContentWords(Work w, int first, int last)
    {
        var n = 0;
        for (var i = first; i <= last; i++)
            if (w.Kind(i) == TokenKind.Word && w.Pos(i) is Upos.NOUN or Upos.PROPN or Upos.ADJ or Upos.X or Upos.NUM or Upos.VERB) n++;
        return n;
    }

    /// <summary>
    /// The `kad` (or `jog`) a verb governs: the clause after it, past its objects and a postposed subject, ends in
    /// `, kad`. Another finite verb or an infinitive between them takes the `kad` instead (`pažadėjo atvykti, kad
    /// padėtų` is a purpose). Returns -1 when there is none.
    /// </summary>
    private static int GovernedKad(Work w, int from, int last)
    {
        last = Math.Min(last, from + Reach);
        for (var i = from; i <= last;)
        {
            var unitLast = Math.Min(w.UnitLast[i], last);
            if (unitLast == i && w.IsBoundary(i))
            {
                if (w.Is(i, "kad") || w.Is(i, "jog")) return i;
                return w.Form(i) is "," && i + 1 <= last && (w.Is(i + 1, "kad") || w.Is(i + 1, "jog")) ? i + 1 : -1;
            }
            if (w.EntityOf[i] < 0 && w.QuoteOf[i] < 0 && (w.IsFinite(i) || w.Pos(i) == Upos.VERB && w.Morph(i).VerbForm == VerbForm.Inf)) return -1;
            i = unitLast + 1;
        }
        return -1;
    }

    /// <summary>
    /// The last token of a `kad` clause: the sentence's end, a semicolon, a bracket closing outside it, or a comma or
    /// dash before another reporting clause (`…, skelbė KCNA`); end marks are left out, closing quotes kept.
    /// </summary>
    private static int KadClauseEnd(Work w, int kad, int last)
    {
        var end = kad;
        var depth = 0;
        last = Math.Min(last, kad + MaxClaim);
        for (var i = kad + 1; i <= last;)
        {
            var unitLast = Math.Min(w.UnitLast[i], last);
            if (unitLast == i && w.Kind(i) == TokenKind.Punctuation)
            {
                var f = w.Form(i);
                if (f is ";") break;
                if (f is "(") depth++;
                if (f is ")" && depth-- == 0) break;
                if (w.IsCommaOrDash(i) && OpensReportingClause(w, i + 1, last)) break;
            }
            end = unitLast;
            i = unitLast + 1;
        }
        while (end > kad && w.Kind(end) == TokenKind.Punctuation && w.Form(end) is "," or "." or "!" or "?" or "…" or ";" or ":" or "–" or "—" or "-")
            end--;
        return end;
    }

    /// <summary>
    /// Whether a reporting clause starts here: a verb cue or `pasak`/`anot` first (after a dash), `kaip` and a cue, or
    /// `ir`/`o`/`bet`/`tačiau` and a clause with a reporting verb (`…, o premjeras Markas Rutte paskelbė …`: the
    /// article's next report, not part of the clause before).
    /// </summary>
    private static bool OpensReportingClause(Work w, int i, int last)
    {
        var start = i;
        while (i <= last && i < start + 2 && w.IsCommaOrDash(i)) i++;
        if (i > last) return false;
        if (w.Is(i, "kaip")) i++;
        else if (w.Is(i, "ir") || w.Is(i, "o") || w.Is(i, "bet") || w.Is(i, "tačiau"))
        {
            for (var k = i + 1; k <= last && k <= i + Reach;)
            {
                if (w.UnitLast[k] == k && w.IsBoundary(k)) return false;
                if (w.CueAt[k] >= 0 && w.Cues[w.CueAt[k]].Kind == CueKind.Verb) return true;
                k = Math.Min(w.UnitLast[k], last) + 1;
            }
            return false;
        }
        return i <= last && w.CueAt[i] >= 0 && w.Cues[w.CueAt[i]].Kind is CueKind.Verb or CueKind.Before;
    }

    /// <summary>
    /// The last token of the clause a verb stands in, from just after it; a colon followed by a quote carries the
    /// clause over the quote (`pridūrė: „…“`), which may end in a later sentence.
    /// </summary>
    private static int ClauseEnd(Work w, int from, int last)
    {
        var end = from - 1;
        last = Math.Min(last, from + MaxClaim);
        for (var i = from; i <= last;)
        {
            if (w.UnitLast[i] == i && w.IsBoundary(i))
            {
                if (w.Form(i) is ":" && i + 1 < w.Count && w.QuoteOf[i + 1] >= 0) return w.UnitLast[i + 1];
                break;
            }
            end = w.UnitLast[i];
            i = end + 1;
        }
        return end;
    }

    /// <summary>
    /// Hedges in one sentence's cues. A cue's claim is hedged when a hedge governs it: a hedge inside the claim or
    /// the cue's own clause, except one between commas before a part with no verb of its own (`ir, manoma, karinių
    /// technologijų` hedges only the technologies). A hedge's own source is that of the innermost cue whose claim
    /// holds it (`pasak agentūros, abu vadovai esą sutarė`), else none.
    /// </summary>
    private static void Hedge(Work w, int firstCue)
    {
        for (var h = firstCue; h < w.Cues.Count; h++)
        {
            var hedge = w.Cues[h];
            if (hedge.Kind != CueKind.Hedge) continue;
            var governs = !IsLocalHedge(w, hedge);
            Cue? owner = null;
            for (var c = firstCue; c < w.Cues.Count; c++)
            {
                var cue = w.Cues[c];
                if (cue.Kind == CueKind.Hedge || !InClaim(cue, hedge.First)) continue;
                // `Teigiama, kad … prezidentas svarstė …`: a cue inside the hedge's own clause does not own it.
                if (hedge.Kad >= 0 && InClaim(hedge, cue.First)) continue;
                if (governs) cue.Hedged = true;
                if (cue.Source is null && cue.SourceText is null) continue;
                if (owner is null || ClaimLength(cue) < ClaimLength(owner)) owner = cue;
            }
            hedge.Hedged = true;
            if (owner is null) continue;
            (hedge.Source, hedge.SourceText) = (owner.Source, owner.SourceText);
        }
    }

    private static bool InClaim(Cue cue, int t) => t >= cue.ClaimFirst && t <= cue.ClaimLast;

    private static int ClaimLength(Cue cue) => cue.ClaimLast - cue.ClaimFirst;

    /// <summary>A hedge between commas (`, manoma,`) followed by a part with no finite verb before the next boundary.</summary>
    private static bool IsLocalHedge(Work w, Cue hedge)
    {
        var first = w.SentenceFirst(hedge.Sentence);
        var last = w.SentenceLast(hedge.Sentence);
        var before = hedge.First - 1;
        if (before >= first && w.Is(before, "kaip")) before--;
        if (before < first || w.Form(before) is not "," || hedge.Last + 1 > last || w.Form(hedge.Last + 1) is not ",") return false;
        last = Math.Min(last, hedge.Last + Reach);
        for (var i = hedge.Last + 2; i <= last;)
        {
            if (w.UnitLast[i] == i && w.IsBoundary(i)) break;
            if (w.EntityOf[i] < 0 && w.QuoteOf[i] < 0 && w.IsFinite(i)) return false;
            i = Math.Min(w.UnitLast[i], last) + 1;
        }
        return true;
    }
}
