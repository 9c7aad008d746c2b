using Kronika.Core.Model;

namespace Kronika.Lithuanian.Events;

/// <summary>
/// Which of the events found are PLOVER events, and which mentions are one event (docs/events.md, "What is not an
/// event" and "One event per real event").
/// </summary>
public sealed partial class EventExtractor
{
    private static readonly HashSet<string> SymmetricTypes = ["AGREE", "CONSULT", "COOPERATE"];

    /// <summary>The types whose target alone makes the news (docs/events.md, "What is not an event").</summary>
    private static readonly HashSet<string> PatientNews = ["COERCE", "ACCUSE", "INVESTIGATE", "ASSAULT", "PROTEST"];

    /// <summary>A clause with a reporting cue in it (`pranešė`, `informavo`, `pasak`).</summary>
    private static bool ReportingClause(Grammar g, (int Start, int End) clause)
    {
        for (var k = clause.Start; k < clause.End; k++)
            if (g.Cue[k]) return true;
        return false;
    }

    /// <summary>
    /// The events whose participants are people, organisations or places standing for states (not named things), whose
    /// actor is not a news outlet, and whose paragraph is not of a domain that cancels their type (a fixture, a road
    /// crash, a fire, the weather, a market move).
    /// </summary>
    private List<Found> Admissible(Grammar g, List<Found> found, HashSet<EntityMention> added)
    {
        var doc = g.Doc;
        var domains = Domains(g, out var articleWide);
        var kept = new List<Found>(found.Count);
        foreach (var f in found)
        {
            f.Actors.RemoveAll(e => NotParticipant(doc.Entities[e]) || contexts.Outlets.Contains(doc.Entities[e].Canonical));
            f.Targets.RemoveAll(e => NotParticipant(doc.Entities[e]));
            // `Kaip pranešė Prezidentūra, G. Nausėda su Ukrainos lyderiu aptars …`, `Kaip pranešė Prezidentūra, vėliau
            // prezidentai lankysis …`: the source named before the comma reports the event; it does not act in it …
            // … and so does the speaker named after a cue that closes the claim (`…, žuvo 60 metų vyras, pranešė meras X`,
            // `…, rusams surengus ataką, sakė gubernatorius X`).
            f.Actors.RemoveAll(e => ReportsBefore(g, f, e) || ReportsAfter(g, f, e));
            // `Anot STT pranešimo, jie sulaikyti …`: nor is it what the event is done to.
            f.Targets.RemoveAll(e => ReportsBefore(g, f, e) || ReportsAfter(g, f, e));
            if (f.Actors.Count + f.Targets.Count == 0) continue;
            // `Teismas automobilį gali konfiskuoti`, `Policija prašo gyventojų būti atsargiems`: what a body named only by
            // its common noun can do, or does as a rule (the present tense), to nobody named is a rule or advice, not news.
            if (f.Targets.Count == 0 && f.Actors.Count > 0 && f.Actors.All(e => Bare(g, added, e)) && Generic(g, f)) continue;
            // Asking, rejecting, supporting, sanctioning are told of someone: without an actor the claim is not known (`jo
            // dalyviai kreipsis į prezidentą`). An arrest, a charge, an investigation, an attack or a protest is news about
            // its target even when the text leaves out who did it (`jam pareikšti įtarimai`); a meeting or an agreement
            // has sides, not an actor.
            if (f.Actors.Count == 0 && !PatientNews.Contains(f.Predicate.Type) && !SymmetricTypes.Contains(f.Predicate.Type)) continue;
            // `Seimas aptarė …`, `Lietuvos energija tariasi`: a verb of consulting or cooperating needs two sides; one
            // named side is enough when the clause names the other with `su` (a partner the entity step missed). A
            // summit (`NATO viršūnių susitikimas`) and a visit have one named side.
            if (f.Predicate.Type is "CONSULT" or "COOPERATE" && f.Mode != "visit" && g.Upos(f.Trigger) == Upos.VERB && f.Actors.Concat(f.Targets).Select(e => doc.Entities[e].Id).Distinct().Count() < 2
                && !(f.Targets.Count == 0 && WithSomeone(g, f)))
                continue;
            // `dėl koalicijos diskutuota partijos prezidiume`: a verb of consulting with nobody as its subject and no `su`
            // partner tells of a body talking among itself, whatever bodies are named around it.
            if (f.Predicate.Type is "CONSULT" or "COOPERATE" && f.Mode != "visit" && g.Upos(f.Trigger) == Upos.VERB && f.Actors.Count == 0 && !WithSomeone(g, f))
                continue;
            var paragraph = ParagraphOf(doc, doc.TokenAt(f.Trigger).Start);
            var blocked = false;
            foreach (var d in domains[paragraph].Concat(articleWide))
                if (contexts.Blocks(d, f.Predicate.Type, f.Actors.Count > 0, f.Targets.Count > 0)) { blocked = true; break; }
            if (!blocked) kept.Add(f);
        }
        return kept;
    }

    /// <summary>
    /// A body named by a bare common noun (`teismas`, `policija`): one word the event step added, no name of the article,
    /// and not one of its people (`Generalinė prokurorė prašo …` is someone).
    /// </summary>
    private bool Bare(Grammar g, HashSet<EntityMention> added, int mention)
    {
        var m = g.Doc.Entities[mention];
        var first = g.FirstTokenFrom(m.Start);
        return m.Type == "ORG" && added.Contains(m) && g.FirstTokenFrom(m.End) - first == 1 && g.Lemma(first) is { } l && !institutions.IsMember(l)
               && !g.Doc.Entities.Any(e => e.Id == m.Id && !added.Contains(e));
    }

    /// <summary>A possibility (`gali konfiskuoti`, `galėtų`), or a present-tense request or the like: what is done as a rule, not an act told.</summary>
    private bool Generic(Grammar g, Found f)
    {
        var verb = g.IsFinite(f.Trigger) ? f.Trigger : NearestFinite(g, f);
        if (g.Morph(f.Trigger).VerbForm == VerbForm.Inf && GovernorKind(g, f.Trigger, f.Clause) == "able") return true;
        // `Policija tiria …` is news going on; `policija prašo …`, `ragina …` is advice.
        return verb >= 0 && (g.Morph(verb).Mood == Mood.Cnd || g.Morph(verb).Tense == Tense.Pres && !g.IsPassive(verb) && !PatientNews.Contains(f.Predicate.Type));
    }

    /// <summary>
    /// Things, not parties: named things (MISC), and places named with a common noun the knowledge base does not know
    /// (`Šv. Luko koplyčia`, `Reprezentaciniai rūmai`, `Laisvės prospektas`): a building or street is no state or town
    /// (Data/governed-places.txt lists the nouns of areas that are: `Kursko sritis`).
    /// </summary>
    private static bool NotParticipant(EntityMention e) =>
        e.Type == "MISC" || e.Type == "LOC" && e.Kb is null && e.Canonical.Split(' ').Any(w => w.Length > 0 && char.IsLower(w[0]) && !GovernedPlaces.Contains(w));

    private static readonly System.Collections.Frozen.FrozenSet<string> GovernedPlaces = Resources.Set("Events/Data/governed-places.txt", StringComparer.Ordinal);

    /// <summary>A `su` phrase after the trigger in its clause: `tariasi su „Inter RAO“` names a partner the entity step missed.</summary>
    private static bool WithSomeone(Grammar g, Found f)
    {
        for (var k = f.Trigger + 1; k < f.Clause.End; k++)
            if (g.Upos(k) == Upos.ADP && g.Lemma(k) == "su") return true;
        return false;
    }

    /// <summary>The domains each paragraph has a cue of, and those the whole article is of.</summary>
    private List<HashSet<string>> Domains(Grammar g, out List<string> articleWide)
    {
        var doc = g.Doc;
        var perParagraph = doc.Paragraphs.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var paragraph = 0;
        for (var i = 0; i < doc.TokenCount; i++)
        {
            if (g.Lemma(i) is not { } lemma || contexts.DomainOf(lemma) is not { } domain) continue;
            var start = doc.TokenAt(i).Start;
            while (paragraph + 1 < doc.Paragraphs.Count && doc.Paragraphs[paragraph].End <= start) paragraph++;
            perParagraph[paragraph].Add(domain);
            counts[domain] = counts.GetValueOrDefault(domain) + 1;
        }
        articleWide = [.. counts.Where(c => c.Value >= Contexts.ArticleCues && Contexts.ArticleWide(c.Key)).Select(c => c.Key)];
        return perParagraph;
    }

    private static int ParagraphOf(Document doc, int offset)
    {
        var paragraphs = doc.Paragraphs;
        int lo = 0, hi = paragraphs.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (paragraphs[mid].Start <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>
    /// One event per real event: a mention that refers back to an event (an event noun without participants of its
    /// own), or one of the same type whose participants are the same or part of the other's and whose dates agree (one
    /// of the two undated by the text, or the same), is folded into the first mention as a further trigger.
    /// </summary>
    private static List<Found> OneEventEach(Grammar g, List<Found> found)
    {
        var kept = new List<Found>(found.Count);
        foreach (var f in found)
        {
            var into = f.Antecedent is { } a && Root(a) is var root && kept.Contains(root) ? root : null;
            if (into is null)
                for (var k = kept.Count - 1; k >= 0 && into is null; k--)
                    if (SameEvent(g, kept[k], f)) into = kept[k];
            if (into is null) { kept.Add(f); continue; }
            f.MergedInto = into;
            into.Mentions.Add((f.Trigger, f.TriggerEnd));
            foreach (var e in f.Actors) if (!into.Actors.Any(x => SameEntity(g, x, e))) into.Actors.Add(e);
            foreach (var e in f.Targets) if (!into.Targets.Any(x => SameEntity(g, x, e)) && !into.Actors.Any(x => SameEntity(g, x, e))) into.Targets.Add(e);
            if (!into.ExplicitDate && f.ExplicitDate) (into.Date, into.DateMod, into.ExplicitDate) = (f.Date, f.DateMod, true);
            if (into.Location < 0) into.Location = f.Location;
            // A later sentence's numbers belong to what that sentence tells (`per kratą rasti du telefonai`), not to the
            // event it mentions again; only the dead and wounded of an attack told again are the attack's.
            // A title without figures leaves them to the body (`STT sulaikė … narį`, then `… sulaikė … du skyrių vedėjus`).
            var told = f.Sentence == into.Sentence || into.Sentence == 0 && into.Quantities.Count == 0 && IsTitle(g.Doc) ? f.Quantities : f.Casualties;
            into.Quantities.AddRange(told.Except(into.Quantities));
        }
        return kept;
    }

    private static Found Root(Found f)
    {
        while (f.MergedInto is { } m) f = m;
        return f;
    }

    private static bool SameEntity(Grammar g, int a, int b) => g.Doc.Entities[a].Id == g.Doc.Entities[b].Id;

    private static bool SameEvent(Grammar g, Found a, Found b)
    {
        // A visit and the meetings during it are one event; a phone call and a meeting are two.
        if (a.Predicate.Type != b.Predicate.Type || a.Mode != b.Mode && a.Mode is not null && b.Mode is not null && !(a.Mode is "visit" || b.Mode is "visit")) return false;
        // Dates agree when they are the same or one is given by the text and the other only by tense; two tense-only
        // dates agree within one sentence (`kreipėsi į teismą ir prašo suimti`).
        // A mention the text gives no date or tense at all (`Per Rusijos apšaudymą sužeistas …`) agrees with any.
        if (a.Date is not null && b.Date is not null
            && (a.ExplicitDate && b.ExplicitDate ? a.Date != b.Date : a.DateMod != b.DateMod && !a.ExplicitDate && !b.ExplicitDate && a.Sentence != b.Sentence)) return false;
        if (a.ExplicitDate != b.ExplicitDate && !FitsTense(g, a.ExplicitDate ? a : b, a.ExplicitDate ? b : a)) return false;
        if (g.Morph(a.Trigger).Negative != g.Morph(b.Trigger).Negative) return false;
        // The title tells the news the first sentences tell again (`STT sulaikė Šakių rajono merą`, then `STT pareigūnai
        // pirmadienį sulaikė … merą Juozą Bertašių`): one side in common is enough, whatever the title calls the other.
        if (Math.Min(a.Sentence, b.Sentence) == 0 && Math.Max(a.Sentence, b.Sentence) <= 3 && IsTitle(g.Doc))
        {
            var sides = SymmetricTypes.Contains(a.Predicate.Type) || a.Actors.Count + b.Actors.Count == 0
                ? ([.. a.Actors, .. a.Targets], [.. b.Actors, .. b.Targets])
                : (a.Actors, b.Actors);
            if (sides.Item1.Any(x => sides.Item2.Any(y => SameEntity(g, x, y)))) return true;
        }
        if (SymmetricTypes.Contains(a.Predicate.Type))
            return Nested(g, [.. a.Actors, .. a.Targets], [.. b.Actors, .. b.Targets]);
        // `per rusų ataką … žuvo` then `Rusija apšaudė Ukrainos …`: a mention with no actor of its own, whose targets are the
        // other's, in the next sentences, is the same attack told again.
        if ((a.Actors.Count == 0 || b.Actors.Count == 0) && Math.Abs(a.Sentence - b.Sentence) <= 2)
            return Nested(g, a.Targets, b.Targets);
        return Nested(g, a.Actors, b.Actors, allowEmpty: true) && Nested(g, a.Targets, b.Targets, allowEmpty: true)
               && a.Actors.Count + b.Actors.Count > 0 && (a.Actors.Count > 0) == (b.Actors.Count > 0 || a.Targets.Count > 0 && b.Targets.Count > 0);
    }

    /// <summary>
    /// Whether the date the text gives one mention fits the tense of the other: `Lietuvoje lankosi ketvirtą kartą` (now)
    /// and `viešėjo pernai liepą` are two visits; `susitiks` (after the DCT) and `susitiko vakar` two meetings.
    /// </summary>
    private static bool FitsTense(Grammar g, Found told, Found tensed)
    {
        if (told.Date is not { } date || g.Doc.Date is not { } dct) return true;
        var today = dct.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var containsToday = today.StartsWith(date, StringComparison.Ordinal);
        return tensed.DateMod switch
        {
            "BEFORE" => !After(date, dct) || containsToday,
            "AFTER" => After(date, dct) || containsToday,
            _ when tensed.Date == today => containsToday || date.Contains('W'),
            _ => true,
        };
    }

    /// <summary>
    /// Whether an entity mention is the source named after the cue of a report before the trigger, with a comma between
    /// the mention and the trigger (`Kaip pranešė Prezidentūra, … aptars`).
    /// </summary>
    private static bool ReportsBefore(Grammar g, Found f, int mention)
    {
        var doc = g.Doc;
        var m = doc.Entities[mention];
        var trigger = doc.TokenAt(f.Trigger).Start;
        if (m.End > trigger) return false;
        foreach (var a in doc.Attributions)
        {
            if (a.Source != m.Id || a.CueStart > trigger || trigger < a.Start || trigger >= a.End) continue;
            // The source right after its cue (`Kaip pranešė Lietuvos Prezidentūra,`): an aside. A source before its cue
            // may speak of its own acts (`Policija pranešė, kad sulaikė …`).
            if (m.Start < a.CueEnd || m.Start - a.CueEnd >= 60 || doc.Text.AsSpan(a.CueEnd, m.Start - a.CueEnd).Contains(',')) continue;
            for (var k = g.FirstTokenFrom(m.End); k < f.Trigger; k++)
                if (doc.Token(k).Span is ",") return true;
        }
        return false;
    }

    /// <summary>
    /// Whether an entity mention is the speaker named after a cue that follows the trigger in its claim (`Per ataką žuvo
    /// du žmonės, pranešė meras X`): the speaker reports what the claim before the cue tells.
    /// </summary>
    private static bool ReportsAfter(Grammar g, Found f, int mention)
    {
        var doc = g.Doc;
        // `„… parašiau, kad prašome pritarti …“, – teigė A. Kupčinskas`: in the first person the speaker tells of their own act.
        if (g.Morph(f.Trigger).Person == Kronika.Core.Model.Person.First) return false;
        var m = doc.Entities[mention];
        var trigger = doc.TokenAt(f.Trigger).Start;
        foreach (var a in doc.Attributions)
            if (a.Source == m.Id && a.Start <= trigger && trigger < a.CueStart && m.Start >= a.CueEnd && m.End <= a.End) return true;
        return false;
    }

    /// <summary>Whether the first line is a title: a paragraph of one sentence with more paragraphs after it.</summary>
    private static bool IsTitle(Document doc) =>
        doc.Paragraphs.Count > 1 && doc.SentenceCount > 1 && doc.Sentence(1).Start >= doc.Paragraphs[0].End;

    /// <summary>Whether one list of entities holds the other (and, unless allowed, neither is empty).</summary>
    private static bool Nested(Grammar g, List<int> a, List<int> b, bool allowEmpty = false)
    {
        if (a.Count == 0 || b.Count == 0) return allowEmpty;
        bool Within(List<int> x, List<int> y) => x.All(e => y.Any(o => SameEntity(g, e, o)));
        return Within(a, b) || Within(b, a);
    }
}
