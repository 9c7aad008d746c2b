using System.Globalization;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;

namespace Kronika.Lithuanian.Events;

/// <summary>
/// Fills the Events layer (docs/events.md): a trigger from Data/predicates.tsv (a verb, a verb with the object it
/// needs, or an event noun), its actors and targets from case and prepositions, its date from a time expression in
/// its clause or from tense, its place, modality, source (the attribution covering it) and the quantities in its
/// clause. An event noun with no participants of its own (`pokalbis`, `per susitikimą`) refers to the last event of
/// its type, and the two share a date and place.
/// </summary>
public sealed partial class EventExtractor(Predicates predicates, Contexts contexts, Institutions institutions) : IPipelineStep
{
    private static readonly HashSet<string> ComingWords = ["artėti", "būsimas", "planuoti", "numatyti", "ketinti", "artimiausias"];
    private static readonly HashSet<string> ConditionWords = ["jei", "jeigu", "nebent"];
    private static readonly HashSet<string> PhoneWords = ["telefonas", "telefoninis"];
    private static readonly HashSet<string> BothWords = ["abu", "abi", "abeji"];
    private static readonly System.Collections.Frozen.FrozenSet<string> LightVerbs = Resources.Set("Events/Data/light-verbs.txt", StringComparer.Ordinal);
    private static readonly System.Collections.Frozen.FrozenSet<string> TopicHeads = Resources.Set("Events/Data/topic-heads.txt", StringComparer.Ordinal);

    /// <summary>How many of the last events an event noun's antecedent is looked for among.</summary>
    private const int Recent = 100;

    /// <summary>How far (in characters) before a trigger the claim covering it may start.</summary>
    private const int ClaimReach = 5000;

    public string Name => "events";
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Morphology | Layers.Entities | Layers.Times | Layers.Quantities | Layers.Attribution;
    public Layers Provides => Layers.Events;

    public static EventExtractor Load() => new(Predicates.Load(), Contexts.Load(), Institutions.Load());

    /// <summary>An event while the document is read: its participants and date may still come from a later mention.</summary>
    private sealed class Found
    {
        public required Predicate Predicate;
        public required string? Mode;
        public required int Trigger;
        public required int TriggerEnd;
        public required int Sentence;
        public required (int Start, int End) Clause;
        public List<int> Actors = [];
        public List<int> Targets = [];
        public int Location = -1;
        public string? Date;
        public string? DateMod;
        public bool ExplicitDate;
        /// <summary>Told in a `kad` clause of a denial (`paneigė, kad … kalbėjosi`): the event is reported as not having happened.</summary>
        public bool Denied;
        /// <summary>The further triggers of the same event (`susitikimo metu`, `per vizitą`), and the event this one was folded into.</summary>
        public List<(int Start, int End)> Mentions = [];
        public Found? MergedInto;
        public Found? Antecedent;
        public List<int> Quantities = [];
        /// <summary>The counts of the dead and wounded a verb of dying gave this attack (`per ataką žuvo trys žmonės`).</summary>
        public List<int> Casualties = [];
    }

    public void Process(Document doc, CancellationToken ct = default)
    {
        doc.Events.Clear();
        var added = institutions.Add(doc, l => predicates.TryGet(l, out _)).ToHashSet();
        var g = new Grammar(doc);
        var found = new List<Found>();
        List<int> lastPair = [];
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            ct.ThrowIfCancellationRequested();
            List<int> previousSubjects = [];
            var sentence = doc.Sentence(s);
            var sentencePhrases = TreeRoles.Parsed(doc) ? g.Phrases(sentence.FirstToken, sentence.FirstToken + sentence.TokenCount) : null;
            foreach (var clause in g.Clauses(doc.Sentence(s)))
            {
                var phrases = g.Phrases(clause.Start, clause.End);
                var subjects = Subjects(g, clause, phrases, lastPair, out var named);
                var inherited = !named && subjects.Count == 0 && previousSubjects.Count > 0;
                if (inherited) subjects = previousSubjects;
                if (subjects.Count >= 2) lastPair = subjects;
                // The subject of a reporting clause carries over to a reported clause without a subject of its own
                // (`Lukašenka paskelbė, kad telkia pajėgas`, `kariuomenė pranešė, kad atakavo …`); a news outlet only reports.
                if (subjects.Count > 0 && (!ReportingClause(g, clause) || subjects.Any(e => !contexts.Outlets.Contains(doc.Entities[e].Canonical))))
                    previousSubjects = subjects;
                Triggers(g, s, clause, phrases, sentencePhrases, subjects, inherited, found);
            }
        }
        ShareAcrossMentions(found);
        foreach (var f in OneEventEach(g, Admissible(g, found, added))) doc.Events.Add(Finish(g, f));
        // The institutions no event names as a participant leave the Entities layer again.
        var participants = doc.Events.SelectMany(e => e.Actors.Concat(e.Targets)).ToHashSet();
        doc.Entities.RemoveAll(m => added.Contains(m) && !participants.Contains(m.Id));
        doc.Layers |= Layers.Events;
    }

    /// <summary>
    /// The entity mentions that are the clause's subject (nominative phrases without a preposition; an undeclined name
    /// before the verb; `abi šalys` for the last pair named), and whether the clause has a subject at all (a pronoun or
    /// a common noun is a subject, just not a named one).
    /// </summary>
    private static List<int> Subjects(Grammar g, (int Start, int End) clause, List<Phrase> phrases, List<int> lastPair, out bool hasSubject)
    {
        var verb = -1;
        for (var i = clause.Start; i < clause.End && verb < 0; i++) if (g.IsFinite(i)) verb = i;
        var subjects = new List<int>();
        hasSubject = false;
        // `Rusija` is nominative or instrumental by its form; a name before the verb in a clause with no other
        // nominative is the subject.
        var anyNominative = phrases.Any(p => p.Preposition is null && p.Case == Case.Nom);
        for (var k = 0; k < phrases.Count; k++)
        {
            var p = phrases[k];
            if (p.Preposition is not null) continue;
            var coordinated = k + 1 < phrases.Count && phrases[k + 1].Case == Case.Nom && phrases[k + 1].First == p.Last + 2 && g.Lemma(p.Last + 1) is "ir" or "bei";
            var afterNominative = k > 0 && phrases[k - 1].Case == Case.Nom && phrases[k - 1].Preposition is null && phrases[k - 1].Last == p.First - 2
                                  && g.Lemma(p.First - 1) is "ir" or "bei" && p.Head >= 0 && (verb < 0 || p.Last < verb);
            var nominative = p.Case == Case.Nom || (p.Case == Case.None && (verb < 0 || p.Last < verb)) || (p.Case == Case.Ins && afterNominative)
                             || (p.Case == Case.Ins && (!anyNominative || coordinated) && verb > p.Last && p.Head >= 0);
            if (!nominative) continue;
            // `iš kurių apie 600 žuvo`: a bare number is no subject.
            if (p.Head < 0 && p.Owners.Count == 0 && Enumerable.Range(p.First, p.Last - p.First + 1).All(k => g.Upos(k) == Upos.NUM)) continue;
            // `„Hamas“ kontroliuojamos teritorijos ministerija`: a name before a participle of another case is its agent.
            if (AgentOfParticiple(g, p.Last, clause.End)) continue;
            // `atakavo grupuotės „Hamas“ taikinius`: a genitive read as a nominative plural qualifies the noun after it.
            if (Enumerable.Range(p.First, p.Last - p.First + 1).Any(g.GenitiveBeforeNoun)) continue;
            hasSubject = true;
            if (p.Head < 0 && p.Owners.Count == 0 && Enumerable.Range(p.First - 1, p.Last - p.First + 2).Any(k => k >= 0 && g.Lemma(k) is { } l && BothWords.Contains(l)))
                subjects.AddRange(lastPair);
            else subjects.AddRange(p.Participants);
        }
        for (var i = clause.Start; i < clause.End && !hasSubject; i++)
            if (g.Upos(i) == Upos.PRON && g.CaseOf(i) == Case.Nom) hasSubject = true;
        return subjects;
    }

    /// <summary>
    /// The subject of a dative absolute (`Vilniaus apygardos teismui pripažinus jį kaltu`, `Specialiųjų tyrimų tarnybai
    /// pernai sausį pateikus įtarimus`): a dative phrase without a preposition standing for an organisation, person or
    /// state right before the adverbial participle (over time words), or -1.
    /// </summary>
    private static int DativeSubject(Grammar g, int gerund, List<Phrase> phrases)
    {
        foreach (var p in phrases)
        {
            if (p.Preposition is not null || p.Case != Case.Dat || p.Last >= gerund) continue;
            var k = p.Last + 1;
            while (k < gerund && (g.InTime[k] || g.Upos(k) == Upos.ADV)) k++;
            if (k != gerund) continue;
            foreach (var e in p.Participants)
                if (g.Doc.Entities[e].Type is "ORG" or "PER" or "LOC") return e;
        }
        return -1;
    }

    /// <summary>
    /// Whether a participle is the attribute of the common noun right after it (`su ministru susitikęs vyras`): a noun
    /// phrase in the nominative that names nobody. Before a name (`susitikęs K. Budrys`) it tells the named one's act.
    /// </summary>
    private static bool DescribesNoun(Grammar g, int participle, List<Phrase> phrases)
    {
        foreach (var p in phrases)
            if (p.First == participle + 1)
                return p.Preposition is null && p.Case == Case.Nom && !p.Participants.Any();
        return false;
    }

    /// <summary>
    /// Whether the word after a name (over a closing quote) is a passive participle used as an adjective in another case
    /// than the name's: `„Hamas“ valdomos teritorijos` (the name did the governing; the participle goes with the next noun).
    /// </summary>
    internal static bool AgentOfParticiple(Grammar g, int last, int end)
    {
        if (g.EntityAt[last] < 0) return false;
        var k = last + 1;
        if (k < end && g.Doc.Token(k).Span is "“" or "\"") k++;
        return k < end && !g.InTime[k] && g.Upos(k) == Upos.VERB && g.Morph(k) is { VerbForm: VerbForm.Part, Voice: Voice.Pass, Case: not Case.None } participle
               && participle.Case != g.CaseOf(last);
    }

    private void Triggers(Grammar g, int sentence, (int Start, int End) clause, List<Phrase> phrases, List<Phrase>? sentencePhrases, List<int> subjects, bool inherited, List<Found> found)
    {
        var consumed = new HashSet<int>();
        // Verbs first: a verb's object (`įvedė sankcijas`) is then not an event of its own. Verbs of dying and being
        // wounded last: their counts go to an attack named in the clause.
        foreach (var pass in (int[])[0, 1, 2])
            for (var i = clause.Start; i < clause.End; i++)
            {
                var verbs = pass != 1;
                // A word of a name is not a trigger (`Šiaurės Atlanto sutarties organizacija`).
                if (g.Upos(i) != (verbs ? Upos.VERB : Upos.NOUN) || g.EntityAt[i] >= 0) continue;
                // A participle used as an adjective (`pasirašytą sutartį`) names an event told elsewhere; after `būti`
                // it is the verb (`buvo sužeisti`).
                // A participle heading a sentence of its own (`Pirmadienį sulaikytas … pilietis`) is its verb too.
                // A past active participle agreeing with the subject tells the subject's act (`su D. Lammy susitikęs K. Budrys
                // pareiškė`, `kalbėjo, susitikęs su …`); before a common noun it only describes it (`susitikęs vyras`).
                var participle = verbs && g.IsActivePastParticiple(i) && !DescribesNoun(g, i, phrases);
                if (verbs && !g.IsVerb(i) && !participle && !(i > clause.Start && g.Lemma(i - 1) is "būti" or "nebūti") && !TreeRoles.HeadsSentence(g, i)) continue;
                // An imperative (`Paremkime …`) urges, it reports nothing; an adverbial participle (`diskutuojant`,
                // `sunaikindamas`) sets the scene of the clause's own verb.
                // A dative before one is its own subject, though (`teismui pripažinus jį kaltu`, `STT pateikus įtarimus`).
                var dativeSubject = verbs && g.Morph(i).VerbForm == VerbForm.Ger ? DativeSubject(g, i, phrases) : -1;
                if (verbs && (g.Morph(i).Mood == Mood.Imp || g.Morph(i).VerbForm is VerbForm.Conv || g.Morph(i).VerbForm == VerbForm.Ger && dativeSubject < 0)) continue;
                // `pasiūlė atsisakyti`, `paragino susitikti`, `grasino kreiptis`: what is proposed, asked for or threatened
                // has not happened, whether or not the verb that asks is an event of its own.
                if (verbs && g.Morph(i).VerbForm == VerbForm.Inf && GovernorKind(g, i, clause) == "ask") continue;
                // `kad susitarti – galima`: an infinitive in a clause with no finite verb names an act, it reports none.
                if (verbs && g.Morph(i).VerbForm == VerbForm.Inf && !g.IsPassive(i) && !g.HasFinite(clause)) continue;
                // `reikalauja surengti susitikimą`: the object of an act asked for is no event either.
                if (!verbs && VerbBefore(g, i, clause) is var verb and >= 0 && !g.IsFinite(verb) && GovernorKind(g, verb, clause) == "ask") continue;
                // `neatmeta galimybės susitikti`: a verb about a possibility is no act; the infinitive is a possible one.
                if (verbs && i + 1 < clause.End && g.Lemma(i + 1) is { } next && contexts.GovernorKind(next) == "able") continue;
                // `pareiškė apie kaltinimus`: an event noun after `apie` is what is spoken of.
                if (!verbs && i > clause.Start && (g.Lemma(i - 1) == "apie" || i - 1 > clause.Start && g.Lemma(i - 2) == "apie" && g.Upos(i - 1) is Upos.ADJ or Upos.DET)) continue;
                // `pasiūlymas dėl sankcijų paketo`, `derybos dėl paliaubų`: an event noun after a noun's `dėl` is what that
                // noun is about (a verb's `dėl` gives a cause: `sulaikytas dėl nužudymo`).
                if (!verbs && AboutOfNoun(g, i, clause)) continue;
                // `aptarė bendradarbiavimo galimybes`, `bendradarbiavimo projektai`: a genitive describing a topic noun.
                if (!verbs && g.CaseOf(i) == Case.Gen && i + 1 < clause.End && g.Upos(i + 1) == Upos.NOUN && g.Lemma(i + 1) is { } head && TopicHeads.Contains(head)) continue;
                // `diskutavo, kaip plėtoti santykius`, `klausė, ar Rusija užpuls`: an indirect question asks, it tells nothing.
                if (verbs && Asked(g, i, clause)) continue;
                if (consumed.Contains(i) || Match(g, i, clause) is not { } match || match.Predicate.Victim != (pass == 2)) continue;
                // `žuvęs Lietuvos pilietis`: a participle of dying names the dead, not an event.
                if (participle && match.Predicate.Victim) continue;
                // `paragino Maskvą išleisti žurnalistą`, `atsisakė pasirašyti`: what is asked for, refused or threatened
                // has not happened; the verb that asks is the event.
                if (verbs && g.Morph(i).VerbForm == VerbForm.Inf
                    && found.Any(e => e.Clause == clause && e.Trigger < i && e.Predicate.Type is "REQUEST" or "REJECT" or "THREATEN" or "ACCUSE"))
                    continue;
                // `apkaltino Minską hibridiniu išpuoliu`, `atmetė Ukrainos prašymą`, `paneigė kaltinimus`: the charge, or what
                // is rejected, denied, supported or agreed to (an object of the verb's event), is not an event of its own.
                if (!verbs && g.CaseOf(i) is Case.Ins or Case.Acc
                    && found.Any(e => e.Clause == clause && e.Trigger < i && e.Predicate.Type is "ACCUSE" or "REJECT" or "SUPPORT" or "AGREE" or "REQUEST" or "CONCEDE"))
                    continue;
                // `pareikalavo, kad Baltarusija paleistų žurnalistą`: what is demanded, threatened or rejected in a `kad`
                // clause is not an event; what is denied (`paneigė, kad … kalbėjosi`) is one, reported as not having happened.
                var denied = g.Lemma(clause.Start) is "kad"
                    && found.Any(e => e.Sentence == sentence && e.Trigger < i && g.Lemma(e.Trigger) is "neigti" or "paneigti");
                if (!denied && g.Lemma(clause.Start) is "kad"
                    && found.Any(e => e.Sentence == sentence && e.Trigger < i
                                      && (e.Predicate.Type == "REJECT" || e.Predicate.Type is "REQUEST" or "THREATEN" && (g.Morph(i).Mood == Mood.Cnd || g.Morph(i).VerbForm == VerbForm.Inf))))
                    continue;
                // A participle's object (`susitikimą surengęs prezidentas`) stays free to be the event it names.
                if (match.Object >= 0 && !participle) consumed.Add(match.Object);
                var f = new Found
                {
                    Predicate = match.Predicate,
                    Mode = Mode(g, match.Predicate, clause, i),
                    Trigger = i,
                    TriggerEnd = Math.Max(i, match.Object),
                    Sentence = sentence,
                    Clause = clause,
                    Denied = denied,
                };
                // The parse, when there is one, says which phrases are the verb's; the window rules are the fallback.
                if (verbs) Roles(g, f, phrases, sentencePhrases, subjects, inherited);
                else if (!NounRoles(g, f, phrases, subjects, found)) continue;
                // `Tyrimus atlikę … skyrių (VIGS) prokurorai`: a participle before its noun has its objects before it; the
                // names in the noun phrase after it own that noun (they are who acted), not what was done.
                if (participle && phrases.FirstOrDefault(p => p.First > i) is { Preposition: null } following && g.CaseOf(following.Last) != Case.Acc
                    && phrases.FirstOrDefault(p => p.First > i && p.Preposition is null && p.Case == Case.Nom) is { } described)
                    f.Targets.RemoveAll(e => g.Doc.Entities[e].Start > g.Doc.TokenAt(i).Start && g.Doc.Entities[e].End <= g.Doc.TokenAt(described.Last).End);
                if (dativeSubject >= 0)
                {
                    var id = g.Doc.Entities[dativeSubject].Id;
                    f.Targets.RemoveAll(e => g.Doc.Entities[e].Id == id);
                    f.Actors.Clear();
                    f.Actors.Add(dativeSubject);
                    // `STT pateikus įtarimus Alytaus merui Petrui Petraičiui, jis …`: the parse may hang the second dative on
                    // the main verb; before the comma it is the participle's.
                    if (f.Targets.Count == 0 && f.Predicate.Takes("dat"))
                        foreach (var p in phrases)
                        {
                            if (p.First <= i || p.Preposition is not null || p.Case != Case.Dat) continue;
                            if (Enumerable.Range(i + 1, p.First - i - 1).Any(k => g.Doc.Token(k).Span is ",")) break;
                            f.Targets.AddRange(p.Participants.Where(e => g.Doc.Entities[e].Id != id));
                            break;
                        }
                }
                f.Targets.RemoveAll(f.Actors.Contains);
                // The dead of a partitive clause are also a figure of the event that named them (`išsiuntė 15 tūkst.
                // karių, iš kurių 600 žuvo`: the troops sent, 600 of them killed).
                if (Partitive(g, f) && found.Count > 0 && found[^1].Sentence == sentence)
                    found[^1].Quantities.AddRange(QuantitiesIn(g, clause).Except(found[^1].Quantities));
                // `Per ataką žuvo 5 žmonės`, `Rusija apšaudė Zaporižiją, žuvo trys žmonės`: the dead belong to the attack
                // named in the sentence; only dead whose side the subject names (`žuvo 600 Šiaurės Korėjos karių`) are
                // news of their own.
                Found? attack = null;
                if (f.Predicate.Victim)
                    for (var k = found.Count - 1; k >= 0 && found[k].Sentence == sentence && attack is null; k--)
                        if (found[k].Predicate.Type == "ASSAULT") attack = found[k];
                if (f.Predicate.Victim && (f.Targets.Count == 0 || attack is not null))
                {
                    if (attack is not null)
                    {
                        var casualties = QuantitiesIn(g, clause).ToList();
                        attack.Quantities.AddRange(casualties.Except(attack.Quantities));
                        attack.Casualties.AddRange(casualties.Except(attack.Casualties));
                    }
                    continue;
                }
                if (f.Actors.Count + f.Targets.Count == 0) continue;
                // A participle with nobody it was done to or with describes its subject (`bylą palaikiusi prokurorė`);
                // a visit names only a place (`Kyjive apsilankęs ministras`).
                if (participle && f.Targets.Count == 0 && f.Mode != "visit") continue;
                (f.Date, f.DateMod, f.ExplicitDate) = Date(g, f);
                f.Quantities.AddRange(QuantitiesIn(g, clause));
                found.Add(f);
            }
    }

    private (Predicate Predicate, int Object)? Match(Grammar g, int i, (int Start, int End) clause)
    {
        var lemma = g.Lemma(i);
        if (lemma is null) return null;
        if (!predicates.TryGet(lemma, out var entries))
        {
            // `nepasirašė` is lemmatized `nepasirašyti`: the trigger is the verb without its negation.
            if (!(lemma.StartsWith("ne", StringComparison.Ordinal) && g.Morph(i).Negative && predicates.TryGet(lemma[2..], out entries)))
                return null;
        }
        foreach (var entry in entries)
        {
            if (entry.Objects.Count == 0) return (entry, -1);
            for (var k = clause.Start; k < clause.End; k++)
                if (k != i && g.Lemma(k) is { } l && entry.Objects.Contains(l) && ObjectOf(g, i, k)) return (entry, k);
        }
        return null;
    }

    /// <summary>
    /// Whether a word may be the object a trigger needs: no other finite verb stands between them, before a verb it is
    /// an accusative or a passive's subject, and it is not the topic of speech (`pareiškė apie kaltinimus`, `kalbėjo dėl sankcijų` say something of charges, they bring none).
    /// </summary>
    private static bool ObjectOf(Grammar g, int trigger, int word)
    {
        // Before the verb only an accusative (`miestą užėmė`) or the subject of a passive (`įtarimai pareikšti`) is its
        // object; a genitive there qualifies the subject (`logistikos miesto centras užima …`).
        if (word < trigger && g.Upos(trigger) == Upos.VERB
            && !(g.CaseOf(word) == Case.Acc || g.CaseOf(word) == Case.Nom && g.IsPassive(trigger)))
            return false;
        var (from, to) = trigger < word ? (trigger, word) : (word, trigger);
        for (var k = from + 1; k < to; k++)
            if (g.IsFinite(k)) return false;
        for (var k = word - 1; k >= 0 && k >= word - 3 && g.Upos(k) is not (Upos.VERB or Upos.PUNCT); k--)
            if (g.Upos(k) == Upos.ADP) return g.Lemma(k) is not ("apie" or "dėl");
        return true;
    }

    private static string? Mode(Grammar g, Predicate p, (int Start, int End) clause, int trigger)
    {
        if (p.Type != "CONSULT" || p.Mode == "visit") return p.Mode;
        // A verb is by phone when its clause says so; a noun only with the word beside it (`telefoninis pokalbis`): `po
        // susitikimo … kalbėsis telefonu` is a meeting, then a call.
        var (from, to) = g.Upos(trigger) == Upos.NOUN ? (Math.Max(clause.Start, trigger - 2), trigger) : (clause.Start, clause.End);
        for (var k = from; k < to; k++)
            if (g.Lemma(k) is { } l && PhoneWords.Contains(l)) return "phone";
        return p.Mode;
    }

    /// <summary>
    /// A verb's actors, targets and place: each slot from the parse when it fills it (<see cref="TreeRoles"/>), else from
    /// the window rules of <see cref="VerbRoles"/> (no parse, or a slot the parse leaves empty).
    /// </summary>
    private void Roles(Grammar g, Found f, List<Phrase> phrases, List<Phrase>? sentencePhrases, List<int> subjects, bool inherited)
    {
        VerbRoles(g, f, phrases, subjects, inherited);
        if (sentencePhrases is null) return;
        List<int> actors = [], targets = [];
        if (!TreeRoles.Verb(g, f.Trigger, f.Predicate, sentencePhrases, actors, targets, out var place)) return;
        if (actors.Count > 0) f.Actors = actors;
        if (targets.Count > 0) f.Targets = targets;
        if (place >= 0) f.Location = place;
    }

    /// <summary>`išsiuntė 15 tūkst. karių, iš kurių 600 žuvo`: dead counted among those the clause before names.</summary>
    private static bool Partitive(Grammar g, Found f) =>
        f.Predicate.Victim && g.Lemma(f.Clause.Start) == "iš" && f.Clause.Start + 1 < f.Clause.End && g.Lemma(f.Clause.Start + 1) is "kuris" or "kuri";

    private void VerbRoles(Grammar g, Found f, List<Phrase> phrases, List<int> subjects, bool inherited)
    {
        // The passive's subject suffered the act, except troops deployed: `bus dislokuota 4 800 Vokietijos karių`.
        var passive = g.IsPassive(f.Trigger) && f.Predicate.Type != "MOBILIZE";
        var patientSubject = f.Predicate.Victim || passive;
        // A subject carried over from an earlier clause acted there; it is not who suffered this clause's passive
        // (`Z. V. informavo, kad dabar tikrinama, …`).
        // `išsiuntė 15 tūkst. karių, iš kurių 600 žuvo`: the dead of a partitive relative clause are the sender's.
        if (!(patientSubject && inherited) || Partitive(g, f)) (patientSubject ? f.Targets : f.Actors).AddRange(subjects);
        // Objects belong to the verb group: after the trigger up to the next verb that is an event of its own (an
        // infinitive that is not carries the objects on: `uždraudė atvykti … Ivanišviliui`), and before it only when no
        // other verb of the clause comes first (`V. Putinas Kim Jong Uną sutiko`, but `pasmerkė ataką ir paragino Izraelį`).
        var from = f.Trigger - 1;
        while (from >= f.Clause.Start && !g.IsVerb(from)) from--;
        if (from >= f.Clause.Start) from = f.Trigger;
        var to = f.Trigger + 1;
        while (to < f.Clause.End && !(g.IsVerb(to) && (g.Morph(to).VerbForm != VerbForm.Inf || Match(g, to, f.Clause) is not null))) to++;
        var prepositional = new List<Phrase>();
        foreach (var p in phrases)
        {
            // `buvo sulaikytas policijos`: the participle and its agent read as one nominal group.
            if (p.First == f.Trigger && p.Last > f.Trigger && passive && AgentOfPassive(g, p)) f.Actors.AddRange(p.Participants);
            if (p.Contains(f.Trigger) || p.First <= from || p.Last >= to) continue;
            if (p.Preposition is not null) prepositional.Add(p);
            else if ((p.Case == Case.Acc && f.Predicate.Takes("acc")) || (p.Case == Case.Dat && f.Predicate.Takes("dat"))
                     || (p.Case == Case.None && p.First > f.Trigger && f.Predicate.Takes("acc"))
                     || (p.Case == Case.Gen && ((p.First == f.Trigger + 1 && f.Predicate.Takes("gen")) || passive && !AgentOfPassive(g, p) || CountedDead(g, f, p)
                                                || (f.Predicate.Frame?.Contains("gen") == true && p.Head >= 0 && g.Doc.Entities[p.Head].Type == "PER"))))
                f.Targets.AddRange(p.Participants);
            else if (p.Case == Case.Loc) Place(g, f, p);
            else if (passive && p.Case == Case.Gen) f.Actors.AddRange(p.Participants);
            // `atakavo grupuotės „Hamas“ taikinius`: names of a genitive read as a nominative own the object after them.
            else if (p.Case == Case.Nom && p.First > f.Trigger && Enumerable.Range(p.First, p.Last - p.First + 1).Select(g.NounAfterGenitive).FirstOrDefault(k => k >= 0, -1) is var owned and >= 0
                     && (g.CaseOf(owned) == Case.Acc && f.Predicate.Takes("acc") || g.CaseOf(owned) == Case.Dat && f.Predicate.Takes("dat")))
                f.Targets.AddRange(p.Participants);
        }
        // `apkaltino Minską išpuoliu prieš Lietuvą`: with an object, a later `prieš` belongs to a noun, not the verb.
        var hasObject = f.Targets.Count > 0;
        foreach (var p in prepositional)
            if (!(hasObject && p.Preposition is "prieš" or "pas") && !(p.Preposition == "su" && g.WithOfPrepositionalNoun(p.First)))
            {
                Prepositional(g, f, p);
                // `susitiko su prezidentu X ir parlamento pirmininku Y`: the names coordinated with a `su` phrase in its case are partners too.
                if (p.Preposition == "su")
                    for (var k = phrases.IndexOf(p) + 1; k > 0 && k < phrases.Count && phrases[k].Preposition is null && (phrases[k].Case == p.Case || phrases[k].Case == Case.None) && phrases[k].Head >= 0
                                                        && phrases[k - 1].Last + 2 == phrases[k].First && g.Lemma(phrases[k].First - 1) is "ir" or "bei" or ","; k++)
                        Prepositional(g, f, phrases[k] with { Preposition = "su" });
            }
    }

    /// <summary>
    /// A name in the genitive right beside a passive participle is its agent (`ieškomas policijos`, `Rusijos užpulta`),
    /// unless counted (`sulaikyta 15 Baltarusijos piliečių` names the ones held).
    /// </summary>
    private static bool AgentOfPassive(Grammar g, Phrase p)
    {
        // The participle may open the phrase itself (`ieškomas policijos` is read as one nominal group).
        var first = g.Upos(p.First) == Upos.VERB && g.IsPassive(p.First) ? p.First + 1 : p.First;
        if (first > p.Last || g.CaseOf(p.Last) != Case.Gen || !(p.Head >= 0 || Enumerable.Range(first, p.Last - first + 1).All(k => g.EntityAt[k] >= 0))) return false;
        if (first > 0 && g.Upos(first - 1) == Upos.NUM) return false;
        return first > p.First || first > 0 && g.IsPassive(first - 1) || p.Last + 1 < g.Doc.TokenCount && g.IsPassive(p.Last + 1);
    }

    /// <summary>`žuvo apie 600 Šiaurės Korėjos kariškių`: the counted dead of a verb of dying, whose owners are the side that lost them.</summary>
    private static bool CountedDead(Grammar g, Found f, Phrase p) =>
        f.Predicate.Victim && (g.Upos(p.First) == Upos.NUM || p.First > 0 && g.Upos(p.First - 1) == Upos.NUM);

    /// <summary>
    /// Roles of an event noun: its genitive owners are actors, `su`/`prieš`/`pas` and a dative after it targets.
    /// Without either it refers to the last event of its type; with targets only, the clause's subject is the actor.
    /// </summary>
    private bool NounRoles(Grammar g, Found f, List<Phrase> phrases, List<int> subjects, List<Found> found)
    {
        var own = phrases.FirstOrDefault(p => p.Contains(f.Trigger));
        if (own is not null)
            foreach (var e in own.Owners)
                if (g.EntityAt[f.Trigger] != e && g.Doc.Entities[e].End <= g.Doc.TokenAt(f.Trigger).Start)
                    // `policininko nužudymas`, `opozicijos lyderio sulaikymas`: a person owning a noun of what is done to
                    // someone is who suffered it; a body or state did it (`Rusijos užpuolimas`).
                    (f.Predicate.Frame?.Contains("gen") == true && Person(g, e) ? f.Targets : f.Actors).Add(e);
        var after = phrases.Where(p => p.First > f.Trigger && p.First <= f.Trigger + 3).Take(2);
        foreach (var p in after)
        {
            if (p.Preposition is not null) Prepositional(g, f, p);
            else if (p.Case == Case.Dat && f.Predicate.Takes("dat")) f.Targets.AddRange(p.Participants);
            else if (p.Case == Case.Loc) Place(g, f, p);
        }
        if (f.Actors.Count > 0) return true;
        // An agreement is a document as often as an event (`pagal sutarties 4 straipsnį`): only one with parties counts.
        if (f.Predicate.Type == "AGREE") return false;
        if (f.Targets.Count > 0)
        {
            f.Actors.AddRange(subjects.Where(s => !f.Targets.Contains(s)));
            return true;
        }
        // `Rusija paskelbė mobilizaciją`: the object of a verb that carries events has the verb's subject as its actor.
        if (subjects.Count > 0 && g.CaseOf(f.Trigger) == Case.Acc && LightVerbBefore(g, f))
        {
            f.Actors.AddRange(subjects);
            return true;
        }
        // A definite noun refers to something told recently: the last events are searched, newest first.
        var recent = found.Skip(Math.Max(0, found.Count - Recent)).Reverse()
            .Where(e => e.Trigger < f.Trigger && e.Predicate.Type == f.Predicate.Type && (e.Mode == f.Mode || e.Mode is null || f.Mode is null || e.Predicate.Type == "CONSULT")).ToList();
        // `per vizitą` after `susitiko`: a visit is the meeting told before, but one of its own kind is preferred.
        var antecedent = recent.FirstOrDefault(e => e.Predicate.Lemma == f.Predicate.Lemma) ?? recent.FirstOrDefault(e => e.Mode == f.Mode) ?? recent.FirstOrDefault();
        if (antecedent is null) return false;
        f.Antecedent = antecedent;
        f.Actors.AddRange(antecedent.Actors);
        f.Targets.AddRange(antecedent.Targets);
        return true;
    }

    /// <summary>A person: a PER mention, or an institution's member named by a common noun (`policininko` → policija).</summary>
    private bool Person(Grammar g, int mention)
    {
        var m = g.Doc.Entities[mention];
        if (m.Type == "PER") return true;
        var last = g.FirstTokenFrom(m.End) - 1;
        return last >= 0 && g.Lemma(last) is { } l && institutions.IsMember(l);
    }

    private static bool LightVerbBefore(Grammar g, Found f)
    {
        for (var k = f.Trigger - 1; k >= f.Clause.Start && k >= f.Trigger - 4; k--)
            if (g.IsVerb(k)) return g.Lemma(k) is { } l && LightVerbs.Contains(l);
        return false;
    }

    private static void Prepositional(Grammar g, Found f, Phrase p)
    {
        switch (p.Preposition)
        {
            case "su" when f.Predicate.Frame is { } frame ? frame.Contains("su") : f.Predicate.Type is "CONSULT" or "AGREE" or "COOPERATE" or "ASSAULT":
            case "prieš" or "pas" when f.Predicate.Takes(p.Preposition):
                f.Targets.AddRange(p.Participants);
                break;
            case "tarp":
                f.Actors.AddRange(p.Participants);
                break;
            case "į":
                Place(g, f, p);
                // Troops and attacks go into a state (`į Ukrainą`); an appeal goes to anyone (`kreipėsi į ministeriją`).
                if (f.Predicate.Type is "MOBILIZE" or "ASSAULT" ? f.Predicate.Takes("į") : false) f.Targets.AddRange(p.Participants.Where(e => g.Doc.Entities[e].Type == "LOC"));
                else if (f.Predicate.Frame?.Contains("į") ?? false) f.Targets.AddRange(p.Participants);
                break;
        }
    }

    private static void Place(Grammar g, Found f, Phrase p)
    {
        if (f.Location >= 0) return;
        foreach (var e in p.Participants)
            if (g.Doc.Entities[e].Type == "LOC") { f.Location = e; return; }
    }

    private static IEnumerable<int> QuantitiesIn(Grammar g, (int Start, int End) clause)
    {
        var start = g.Doc.TokenAt(clause.Start).Start;
        var end = g.Doc.TokenAt(clause.End - 1).End;
        var quantities = g.Doc.Quantities;
        for (var q = Grammar.LowerBound(quantities, start, x => x.Start); q < quantities.Count && quantities[q].Start < end; q++)
            if (quantities[q].End <= end) yield return q;
    }

    /// <summary>
    /// The date: the nearest dated time expression in the clause (not an interval from `nuo`, not the anchor phrase
    /// that contains the trigger itself), else the tense of the trigger or of the clause's verb against the DCT.
    /// </summary>
    private (string? Date, string? Mod, bool Explicit) Date(Grammar g, Found f)
    {
        var doc = g.Doc;
        var start = doc.TokenAt(f.Clause.Start).Start;
        var end = doc.TokenAt(f.Clause.End - 1).End;
        var trigger = doc.TokenAt(f.Trigger).Start;
        TimeExpression? best = null;
        for (var i = Grammar.LowerBound(doc.Times, start, x => x.Start); i < doc.Times.Count && doc.Times[i].Start < end; i++)
        {
            var t = doc.Times[i];
            if (t.End > end || t.Type is not ("DATE" or "TIME") || t.Mod == "SINCE" || t.Value.Contains('X')) continue;
            // `likus trims dienoms iki susitikimo` dates something else by the meeting, not the meeting.
            if ((t.Start <= trigger && trigger < t.End) || (t.Anchor is not null && g.Upos(f.Trigger) == Upos.NOUN)) continue;
            // `1985 metais gimęs keleivis`, `2020 m. pasirašytą sutartį`: a date before a participle dates that participle.
            if (DatesAParticiple(g, t, f.Clause.End, f.Trigger) || TreeRoles.DatesSomethingElse(g, t, f.Trigger)) continue;
            if (best is null || Math.Abs(t.Start - trigger) < Math.Abs(best.Start - trigger)) best = t;
        }
        if (best is not null) return (best.Value.Length > 10 && best.Value[10] == 'T' ? best.Value[..10] : best.Value, null, true);
        // With tense only, the event is bounded by the publication date: before it (past) or after it (future).
        var dct = doc.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Coming(g, f.Trigger, f.Clause) || ComingParticiple(g, f.Trigger, f.Clause) || Planned(g, f)) return dct is null ? ("FUTURE_REF", null, false) : (dct, "AFTER", false);
        return TenseOf(g, f) switch
        {
            Tense.Fut => dct is null ? ("FUTURE_REF", null, false) : (dct, "AFTER", false),
            Tense.Past => dct is null ? ("PAST_REF", null, false) : (dct, "BEFORE", false),
            Tense.Pres => (dct, null, false),
            _ => (null, null, false),
        };
    }

    private static bool DatesAParticiple(Grammar g, TimeExpression t, int clauseEnd, int trigger)
    {
        var k = g.FirstTokenFrom(t.End);
        return k < clauseEnd && k != trigger && g.EntityAt[k] < 0 && g.Upos(k) == Upos.VERB && g.Morph(k) is { VerbForm: VerbForm.Part, Case: not Case.None };
    }

    /// <summary>The trigger's tense when it is finite (or a past participle after `būti`), else the nearest finite verb's.</summary>
    private static Tense TenseOf(Grammar g, Found f)
    {
        if (g.IsFinite(f.Trigger)) return g.Morph(f.Trigger).Tense;
        if (g.Morph(f.Trigger).VerbForm == VerbForm.Part && f.Trigger > f.Clause.Start && g.Lemma(f.Trigger - 1) == "būti")
            return g.Morph(f.Trigger - 1).Tense == Tense.Fut ? Tense.Fut : Tense.Past;
        var verb = NearestFinite(g, f);
        // `Jai pareikšti įtarimai`, `sulaikytas Rusijos pilietis`: a past participle standing for its verb tells of the past.
        if (verb < 0 && g.Morph(f.Trigger) is { VerbForm: VerbForm.Part or VerbForm.Ger, Tense: Tense.Past }) return Tense.Past;
        return verb < 0 ? Tense.None : g.Morph(verb).Tense;
    }

    private static int NearestFinite(Grammar g, Found f)
    {
        var best = -1;
        for (var k = f.Clause.Start; k < f.Clause.End; k++)
            if (k != f.Trigger && g.IsFinite(k) && (best < 0 || Math.Abs(k - f.Trigger) < Math.Abs(best - f.Trigger))) best = k;
        return best;
    }

    /// <summary>
    /// A mention without a date of its own takes its antecedent's, and the reverse; places likewise. A dated mention
    /// dates every undated earlier event of the same noun too: in one article `susitikimas` is one meeting.
    /// </summary>
    private static void ShareAcrossMentions(List<Found> found)
    {
        for (var i = 0; i < found.Count; i++)
        {
            var f = found[i];
            if (f.Antecedent is not { } a) continue;
            var earlier = found.Skip(Math.Max(0, i - Recent)).Take(Math.Min(i, Recent))
                .Where(e => e == a || (e.Trigger < f.Trigger && e.Predicate.Lemma == f.Predicate.Lemma && !e.ExplicitDate));
            foreach (var e in earlier.ToList())
            {
                if (f.ExplicitDate && !e.ExplicitDate) (e.Date, e.DateMod, e.ExplicitDate) = (f.Date, f.DateMod, true);
                if (e.Location < 0) e.Location = f.Location;
            }
            if (a.ExplicitDate && !f.ExplicitDate) (f.Date, f.DateMod, f.ExplicitDate) = (a.Date, a.DateMod, true);
            if (f.Location < 0) f.Location = a.Location;
        }
    }

    private Event Finish(Grammar g, Found f)
    {
        var doc = g.Doc;
        var triggerStart = doc.TokenAt(f.Trigger).Start;
        var actors = Ids(doc, f.Actors);
        var attribution = AttributionOf(doc, f, triggerStart, actors);
        var targets = Ids(doc, f.Targets).Where(t => !actors.Contains(t)).ToList();
        return new Event(
            f.Predicate.Type,
            f.Mode,
            triggerStart,
            doc.TokenAt(f.TriggerEnd).End,
            f.Sentence,
            actors,
            targets,
            f.Date,
            f.Location >= 0 ? doc.Entities[f.Location].Id : null,
            Modality(g, f, attribution is { } a ? doc.Attributions[a] : null, actors),
            attribution,
            f.Quantities.Distinct().Order().ToList(),
            f.DateMod,
            f.Mentions.Count == 0 ? null : f.Mentions.Select(m => new TextRange(doc.TokenAt(m.Start).Start, doc.TokenAt(m.End).End)).ToList());
    }

    private static List<int> Ids(Document doc, List<int> mentions) => mentions.Select(m => doc.Entities[m].Id).Distinct().ToList();

    /// <summary>
    /// The innermost attribution whose claim covers the trigger (not the trigger's own cue); one by someone other than
    /// the event's actors first (`X ir Y kalbėjosi ir patvirtino „…“, informavo KCNA` is reported by KCNA).
    /// </summary>
    private static int? AttributionOf(Document doc, Found f, int triggerStart, List<int> actors)
    {
        int? best = null;
        // Claims are sentences or clauses: those starting within a few thousand characters before the trigger.
        for (var a = Grammar.LowerBound(doc.Attributions, triggerStart - ClaimReach, x => x.Start); a < doc.Attributions.Count && doc.Attributions[a].Start <= triggerStart; a++)
        {
            var at = doc.Attributions[a];
            if (triggerStart >= at.End) continue;
            if (at.CueStart <= triggerStart && triggerStart < at.CueEnd) continue;
            if (best is not { } b || Better(at, doc.Attributions[b])) best = a;
        }
        return best;

        bool Own(Core.Model.Attribution at) => at.Source is { } s && actors.Contains(s);
        bool Better(Core.Model.Attribution at, Core.Model.Attribution than) =>
            Own(at) != Own(than) ? !Own(at) : at.End - at.Start < than.End - than.Start;
    }

    private string Modality(Grammar g, Found f, Core.Model.Attribution? attribution, List<int> actors)
    {
        var governing = g.IsFinite(f.Trigger) ? f.Trigger : NearestFinite(g, f);
        // `neatmeta galimybės susitikti`, `nėra galimybės susitikti`: a possibility, whatever the verb says of it.
        if (g.Morph(f.Trigger).VerbForm == VerbForm.Inf && Governor(g, f.Trigger, f.Clause) is var h and >= 0 && g.Upos(h) == Upos.NOUN
            && g.Lemma(h) is { } noun && contexts.GovernorKind(noun) == "able")
            return "HYPOTHETICAL";
        // `dar nebuvo apklaustas`: a participle after a denied `būti` is denied with it.
        var deniedBe = f.Trigger > f.Clause.Start && g.Lemma(f.Trigger - 1) is "nebūti" or "būti" && g.Morph(f.Trigger - 1).Negative;
        if (f.Denied || g.Morph(f.Trigger).Negative || deniedBe || (governing >= 0 && g.Morph(f.Trigger).VerbForm == VerbForm.Inf && g.Morph(governing).Negative))
            return "NEGATED";
        // `turėtų susitikti`, `ketina įvesti`, `numatoma pasirašyti`: a plan, even in the conditional.
        if (Planned(g, f)) return "FUTURE";
        // `galėjo apžiūrėti`, `nerado galimybės pritarti`: a possibility, not an act.
        if (g.Morph(f.Trigger).VerbForm == VerbForm.Inf && GovernorKind(g, f.Trigger, f.Clause) == "able")
            return "HYPOTHETICAL";
        if (g.Morph(f.Trigger).Mood == Mood.Cnd || (governing >= 0 && g.Morph(governing).Mood == Mood.Cnd)
            || Any(g, f.Clause, l => ConditionWords.Contains(l)))
            return "HYPOTHETICAL";
        if (f.Predicate.Future || g.Morph(f.Trigger).Tense == Tense.Fut || (governing >= 0 && g.Morph(governing).Tense == Tense.Fut)
            || Planned(g, f) || ComingParticiple(g, f.Trigger, f.Clause)
            || Coming(g, f.Trigger, f.Clause)
            || (f.DateMod is null && After(f.Date, g.Doc.Date)) || f.DateMod == "AFTER" || f.Date == "FUTURE_REF")
            return "FUTURE";
        if (attribution is { } a && (a.Hedged || a.Source is null && a.SourceText is not null || a.Source is { } s && !actors.Contains(s)))
            return "REPORTED";
        return "ASSERTED";
    }

    /// <summary>An infinitive after a verb of planning or promising (Data/governors.tsv): `planuoja įvesti`, `žada susitikti`.</summary>
    private bool Planned(Grammar g, Found f) =>
        g.Morph(f.Trigger).VerbForm == VerbForm.Inf && Any(g, (f.Clause.Start, f.Trigger), l => contexts.GovernorKind(l) == "plan");

    /// <summary>
    /// The word an infinitive hangs on: its head in the parse when that is a verb or noun before it, else the nearest verb
    /// or noun right before it in its clause (`pasiūlė V. Adamkui atsisakyti` → pasiūlyti).
    /// </summary>
    private static int Governor(Grammar g, int i, (int Start, int End) clause)
    {
        var doc = g.Doc;
        if (TreeRoles.Parsed(doc) && doc.Token(i).HeadIndex is var h and >= 0 && h >= clause.Start && h < i
            && g.Upos(h) is Upos.VERB or Upos.NOUN or Upos.ADJ)
            return h;
        for (var k = i - 1; k >= clause.Start; k--)
        {
            if (g.Upos(k) == Upos.VERB && g.EntityAt[k] < 0) return k;
            // `būtina pradėti`: a neuter adjective of necessity.
            if (g.Upos(k) == Upos.ADJ && g.Morph(k).Gender == Gender.Neut) return k;
            if (k == i - 1 && g.Upos(k) == Upos.NOUN && g.EntityAt[k] < 0) return k;
        }
        return -1;
    }

    /// <summary>An event noun in a `dėl` phrase hanging on a common noun before it (`pasiūlymas dėl naujų sankcijų`).</summary>
    private static bool AboutOfNoun(Grammar g, int i, (int Start, int End) clause)
    {
        var k = i - 1;
        while (k > clause.Start && (g.EntityAt[k] >= 0 || g.Upos(k) is Upos.ADJ or Upos.DET or Upos.NUM or Upos.PROPN || g.CaseOf(k) == Case.Gen && g.Upos(k) == Upos.NOUN)) k--;
        return k > clause.Start && g.Lemma(k) == "dėl" && g.Upos(k - 1) == Upos.NOUN && g.EntityAt[k - 1] < 0;
    }

    /// <summary>How far back a question's `ar` is looked for (tokens).</summary>
    private const int QuestionReach = 40;

    /// <summary>
    /// A trigger in an indirect or direct question: an infinitive right after `kaip`/`ar` (`diskutavo, kaip plėtoti
    /// santykius`), a clause opened by `ar` (`klausė, ar Rusija užpuls`), a sentence ending in a question mark.
    /// </summary>
    private static bool Asked(Grammar g, int i, (int Start, int End) clause)
    {
        var doc = g.Doc;
        var s = doc.Sentence(doc.SentenceOf(i));
        if (doc.Token(s.FirstToken + s.TokenCount - 1).Span is "?") return true;
        // `klausė, ar Rusija užpuls`: `ar` after a comma opens a question (`du ar trys` is `or`); looked for within a
        // clause's reach, so that a sentence with no commas costs no more than a short one.
        for (var k = i - 1; k > s.FirstToken && k >= i - QuestionReach; k--)
        {
            if (doc.Token(k).Span is "," or "–" or ":") break;
            if (g.Lemma(k) == "ar" && doc.Token(k - 1).Span is "," or ":") return true;
        }
        if (g.Morph(i).VerbForm != VerbForm.Inf) return false;
        for (var k = i - 1; k >= clause.Start && k >= i - 2; k--)
        {
            if (g.Lemma(k) is "kaip" or "ar" or "kur" or "kada") return true;
            if (g.Upos(k) is Upos.VERB or Upos.PUNCT) return false;
        }
        return false;
    }

    /// <summary>The nearest verb before a word in its clause, or -1.</summary>
    private static int VerbBefore(Grammar g, int i, (int Start, int End) clause)
    {
        for (var k = i - 1; k >= clause.Start; k--)
            if (g.Upos(k) == Upos.VERB && g.EntityAt[k] < 0) return k;
        return -1;
    }

    /// <summary>
    /// What the word an infinitive hangs on says of it (Data/governors.tsv): ask, plan, able, or null. A plan denied
    /// (`neketina atsistatydinti`, `nenori susitikti`) is no event either: it counts as ask.
    /// </summary>
    private string? GovernorKind(Grammar g, int i, (int Start, int End) clause, int depth = 0)
    {
        var k = Governor(g, i, clause);
        if (k < 0 || g.Lemma(k) is not { } lemma) return null;
        // `paragino nutraukti ugnį ir pradėti derybas`, `būtina įtvirtinti … ir pradėti`: an infinitive on an infinitive
        // shares what that one hangs on.
        if (contexts.GovernorKind(lemma) is null && g.Morph(k).VerbForm == VerbForm.Inf && depth < 3) return GovernorKind(g, k, clause, depth + 1);
        var negative = g.Morph(k).Negative;
        var kind = contexts.GovernorKind(lemma);
        if (kind is null && lemma.StartsWith("ne", StringComparison.Ordinal) && contexts.GovernorKind(lemma[2..]) is { } positive)
            (kind, negative) = (positive, true);
        return kind == "plan" && negative ? "ask" : kind;
    }

    /// <summary>An event noun about a coming event: `artėjančių derybų`, `būsimas susitikimas`.</summary>
    private static bool Coming(Grammar g, int trigger, (int Start, int End) clause)
    {
        if (g.Upos(trigger) != Upos.NOUN) return false;
        // Over a possessive or an adjective: `artėjantį savo susitikimą`.
        for (var k = trigger - 1; k >= clause.Start && k >= trigger - 3; k--)
        {
            if (g.Lemma(k) is { } before && ComingWords.Contains(before)) return true;
            if (g.Upos(k) is not (Upos.DET or Upos.PRON or Upos.ADJ)) return false;
        }
        return false;
    }

    /// <summary>
    /// An event noun a future participle describes: `kitą savaitę vyksiantį NATO viršūnių susitikimą`, `būsiančios
    /// derybos` (the participle, then only names, adjectives, numbers or genitives up to the noun).
    /// </summary>
    private static bool ComingParticiple(Grammar g, int trigger, (int Start, int End) clause)
    {
        if (g.Upos(trigger) != Upos.NOUN) return false;
        for (var k = trigger - 1; k >= clause.Start && k >= trigger - 6; k--)
        {
            if (g.Upos(k) == Upos.VERB && g.EntityAt[k] < 0)
                return g.Morph(k) is { VerbForm: VerbForm.Part, Tense: Tense.Fut } participle && participle.Case == g.CaseOf(trigger);
            if (g.EntityAt[k] < 0 && g.Upos(k) is not (Upos.ADJ or Upos.NOUN or Upos.PROPN or Upos.NUM or Upos.DET)) return false;
        }
        return false;
    }

    private static bool Any(Grammar g, (int Start, int End) range, Func<string, bool> test)
    {
        for (var k = range.Start; k < range.End; k++)
            if (g.Lemma(k) is { } l && test(l)) return true;
        return false;
    }

    /// <summary>Whether a TIMEX3 value (a year, month or day) begins after the DCT.</summary>
    private static bool After(string? value, DateOnly? dct)
    {
        if (value is null || dct is not { } d || value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), out var year)) return false;
        // `kitą savaitę` (2023-W28): a week after the DCT's week.
        if (value.Length == 8 && value[5] == 'W' && int.TryParse(value.AsSpan(6, 2), out var week))
            return (year, week).CompareTo((System.Globalization.ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)), System.Globalization.ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)))) > 0;
        if (year != d.Year || value.Length < 7) return year > d.Year;
        if (!int.TryParse(value.AsSpan(5, 2), out var month)) return false;
        if (month != d.Month || value.Length < 10) return month > d.Month;
        return int.TryParse(value.AsSpan(8, 2), out var day) && day > d.Day;
    }
}
