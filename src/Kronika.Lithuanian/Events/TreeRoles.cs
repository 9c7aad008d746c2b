using Kronika.Core.Model;

namespace Kronika.Lithuanian.Events;

/// <summary>
/// The one place the dependency tree is mapped to an event's participants. The tree says which phrases belong to the
/// trigger (its dependents, and through `conj`, `xcomp`, a `ccomp` of a verb that is not a reporting cue and a
/// participle's `advcl`, the subject of the verb it hangs on); the case of each phrase says which role it fills, because case is read far more reliably
/// than the relation label:
/// <list type="bullet">
/// <item>nominative (or undeclined) → the subject: the actor, or the target of a passive (`buvo sulaikytas`);</item>
/// <item>accusative, dative, a bare genitive → an object, a target only when the trigger's frame (Data/predicates.tsv)
/// takes that case: the topic of `aptarti` is not a target;</item>
/// <item>a bare genitive of a passive → its agent (`buvo sulaikytas policijos` → policija);</item>
/// <item>a preposition → the frame decides (`su`, `prieš`, `pas`, `į` a state; `tarp` names the actors);</item>
/// <item>a pronoun or role noun → the entity the References layer points it at.</item>
/// </list>
/// Each phrase gives the entities it stands for (its head name, else its genitive owners) and those of the phrases
/// coordinated with it (`Rusija ir Šiaurės Korėja` → both). Nothing is read when the document has no parse.
/// </summary>
internal static class TreeRoles
{
    public static bool Parsed(Document doc) => (doc.Layers & Layers.Syntax) != 0;

    /// <summary>A participle the parse makes the root of its sentence, with no finite verb there: the sentence's verb.</summary>
    public static bool HeadsSentence(Grammar g, int token)
    {
        var doc = g.Doc;
        if (!Parsed(doc) || doc.Token(token).HeadIndex >= 0 || !doc.Token(token).Is("root")) return false;
        var s = doc.Sentence(doc.SentenceOf(token));
        for (var k = s.FirstToken; k < s.FirstToken + s.TokenCount; k++)
            if (g.IsFinite(k)) return false;
        return true;
    }

    /// <summary>
    /// The actors and targets of a verb trigger read off the tree, or false when the tree gives neither (the caller
    /// then falls back to the window rules).
    /// </summary>
    public static bool Verb(Grammar g, int trigger, Predicate predicate, List<Phrase> sentencePhrases, List<int> actors, List<int> targets, out int place)
    {
        place = -1;
        var doc = g.Doc;
        var passive = g.IsPassive(trigger) && predicate.Type != "MOBILIZE";
        var patientSubject = predicate.Victim || passive;
        var subject = new List<int>();
        var own = new HashSet<int>();
        foreach (var child in Dependents(g, doc.Token(trigger), sentencePhrases))
        {
            var c = child.Index;
            var relation = child.Deprel;
            if (relation is null || child.Is("punct") || child.Is("cc") || child.Is("mark") || child.Is("conj") || child.Is("parataxis")
                || child.Is("advcl") || child.Is("acl") || child.Is("ccomp") || child.Is("xcomp") || child.Is("aux") || child.Is("cop"))
                continue;
            var phrase = PhraseAt(sentencePhrases, c);
            var preposition = child.Child("case")?.Lemma?.ToLowerInvariant() ?? phrase?.Preposition;
            var entities = Stands(g, c, phrase, sentencePhrases);
            if (entities.Count == 0)
            {
                if (phrase is not null && phrase.Case == Case.Loc && preposition is null) place = Place(g, phrase, place);
                continue;
            }
            own.Add(c);
            var @case = phrase?.Case ?? g.CaseOf(c);
            if (preposition is not null)
            {
                switch (preposition)
                {
                    case "su" when (predicate.Frame is { } frame ? frame.Contains("su") : predicate.Type is "CONSULT" or "AGREE" or "COOPERATE" or "ASSAULT")
                                   && !g.WithOfPrepositionalNoun(phrase?.First ?? c):
                    // `pasmerkė Rusijos ataką prieš Ukrainą`: after an object, `prieš` belongs to the object noun.
                    case "prieš" or "pas" when predicate.Takes(preposition) && !HasObjectBefore(g, trigger, c, sentencePhrases):
                        targets.AddRange(entities);
                        break;
                    case "tarp":
                        actors.AddRange(entities);
                        break;
                    case "į":
                        if (phrase is not null) place = Place(g, phrase, place);
                        if (predicate.Type is "MOBILIZE" or "ASSAULT" ? predicate.Takes("į") : false)
                            targets.AddRange(entities.Where(e => doc.Entities[e].Type == "LOC"));
                        else if (predicate.Frame?.Contains("į") ?? false) targets.AddRange(entities);
                        break;
                }
                continue;
            }
            // A genitive object (`neatakavo Odesos`, `išvarė Rusijos ambasadorių`) is an object like an accusative.
            if (@case == Case.Gen && child.Is("obj") && !passive) @case = Case.Acc;
            // `Rusija` is nominative or instrumental by its form: as the parsed subject it is the nominative.
            // So is a form the tagger read as a genitive that is also a nominative plural (`Jungtinės Amerikos Valstijos`).
            // Only a name (`Rusija`), not a common noun (`Seulo duomenimis` is instrumental).
            if ((@case == Case.Ins || @case == Case.Gen && NominativePlural(g, phrase?.Last ?? c)) && child.Is("nsubj") && c < trigger && phrase?.Head >= 0) @case = Case.Nom;
            switch (@case)
            {
                // An undeclined name (`BNS`, `Kim Jong Un`) is the subject before the verb or when so parsed, else an object.
                case Case.Nom:
                case Case.None when c < trigger || child.Is("nsubj"):
                    // `„Hamas“ kontroliuojamos … ministerijos duomenimis`: an undeclined name before a participle is its agent.
                    if (EventExtractor.AgentOfParticiple(g, phrase?.Last ?? c, doc.TokenCount)) break;
                    // `atakavo grupuotės „Hamas“ taikinius`: a genitive the tagger read as a nominative plural.
                    // Its names are then owners of that noun: `atakavo grupuotės „Hamas“ taikinius` → Hamas.
                    if (g.NounAfterGenitive(c) is var owned and >= 0)
                    {
                        if (g.CaseOf(owned) == Case.Acc && predicate.Takes("acc") || g.CaseOf(owned) == Case.Dat && predicate.Takes("dat")) targets.AddRange(entities);
                        break;
                    }
                    subject.AddRange(entities);
                    break;
                case Case.None:
                    if (predicate.Takes("acc")) targets.AddRange(entities);
                    break;
                case Case.Acc when predicate.Takes("acc"):
                case Case.Dat when predicate.Takes("dat"):
                    targets.AddRange(entities);
                    break;
                case Case.Gen when passive && !child.Is("nmod"):
                    actors.AddRange(entities);
                    break;
                case Case.Gen when predicate.Takes("gen") && (phrase?.First ?? c) == trigger + 1
                                   || predicate.Victim && (phrase?.First ?? c) > 0 && g.Upos((phrase?.First ?? c) - 1) == Upos.NUM:
                    targets.AddRange(entities);
                    break;
                case Case.Loc:
                    if (phrase is not null) place = Place(g, phrase, place);
                    break;
            }
        }
        // `pasirašė sutartį su Kinija`, `aptars agresiją su Lenkijos prezidentu`: the parser hangs `su` on the object noun.
        if (predicate.Objects.Count > 0 || predicate.Frame?.Contains("su") == true)
            foreach (var obj in doc.Token(trigger).Children())
                if (obj.Is("obj") || obj.Is("obl"))
                    foreach (var nmod in obj.Children())
                        if (nmod.Is("nmod") && nmod.Child("case")?.Lemma?.ToLowerInvariant() == "su" && !g.WithOfPrepositionalNoun(PhraseAt(sentencePhrases, nmod.Index)?.First ?? nmod.Index)
                            && (predicate.Frame is { } frame ? frame.Contains("su") : predicate.Type is "CONSULT" or "AGREE" or "COOPERATE"))
                            targets.AddRange(Stands(g, nmod.Index, PhraseAt(sentencePhrases, nmod.Index), sentencePhrases));
        if (subject.Count == 0 && !passive) subject.AddRange(InheritedSubject(g, trigger, sentencePhrases));
        (patientSubject ? targets : actors).AddRange(subject);
        return actors.Count + targets.Count > 0;
    }

    /// <summary>
    /// Whether the parse hangs a time expression on something other than the event: inside a relative or adverbial
    /// clause or a participle (`1985 metais gimęs vyras`, `kai 2014 metais …`). On the way from the expression up to the
    /// first word the trigger hangs on, nothing of that kind may stand.
    /// </summary>
    public static bool DatesSomethingElse(Grammar g, TimeExpression time, int trigger)
    {
        var doc = g.Doc;
        if (!Parsed(doc)) return false;
        var k = g.FirstTokenFrom(time.Start);
        // The expression's top: its first token whose head lies outside it.
        var top = k;
        for (var i = k; i < doc.TokenCount && doc.TokenAt(i).Start < time.End; i++)
        {
            var h = doc.TokenAt(i).Head;
            if (h < 0 || doc.TokenAt(h).Start < time.Start || doc.TokenAt(h).Start >= time.End) { top = i; break; }
        }
        // The trigger and the words it hangs on: the walk up from the expression stops at the first of them.
        var above = new HashSet<int>();
        for (var t = doc.Token(trigger); above.Count < 64; t = t.Head.Value)
        {
            above.Add(t.Index);
            if (t.Head is null) break;
        }
        var token = doc.Token(top);
        for (var steps = 0; steps < 64 && !above.Contains(token.Index); steps++)
        {
            if (token.Is("acl") || token.Is("advcl") || token.Is("csubj")) return true;
            if (token.Head is not { } head) return false;
            if (above.Contains(head.Index)) return false;
            if (g.Upos(head.Index) == Upos.VERB && g.Morph(head.Index) is { VerbForm: VerbForm.Part, Case: not Case.None }) return true;
            token = head;
        }
        return false;
    }

    /// <summary>`Iranas ir Rusija`: a feminine name in -a is nominative or instrumental by its form.</summary>
    private static bool NominativeOrInstrumental(Case a, Case b) => a == Case.Nom && b == Case.Ins || a == Case.Ins && b == Case.Nom;

    /// <summary>A genitive singular that is also a nominative plural (`Valstijos`, `Korėjos`, `šalys` is not): -os, -ės.</summary>
    private static bool NominativePlural(Grammar g, int token)
    {
        var form = g.Doc.Token(token).Span;
        return form.EndsWith("os", StringComparison.Ordinal) || form.EndsWith("ės", StringComparison.Ordinal);
    }

    private static bool BoundaryBetween(Grammar g, int a, int b)
    {
        for (var k = Math.Min(a, b) + 1; k < Math.Max(a, b); k++)
            if (g.Doc.Token(k).Span is "–" or "—" or ";" or ":") return true;
        return false;
    }

    private static bool SubordinatorBetween(Grammar g, int a, int b)
    {
        for (var k = Math.Min(a, b) + 1; k < Math.Max(a, b); k++)
            if (g.Lemma(k) is "kad" or "jog" or "nes" or "kai" or "jei" or "jeigu" or "kuris") return true;
        return false;
    }

    private static bool HasObjectBefore(Grammar g, int trigger, int token, List<Phrase> sentencePhrases)
    {
        foreach (var child in g.Doc.Token(trigger).Children())
            if (child.Index > trigger && child.Index < token && child.Is("obj") && (PhraseAt(sentencePhrases, child.Index)?.Case ?? g.CaseOf(child.Index)) == Case.Acc)
                return true;
        return false;
    }

    /// <summary>
    /// A verb's dependents, with those the parser hung one level too low: a bare nominative, accusative, dative or
    /// instrumental under a noun (`Vengrija pirmadienį uždarė` with Vengrija under the day; `suteikė Ukrainai paramą`
    /// with the dative under the aid), an oblique under a noun, and whatever hangs on a time expression. A noun's own
    /// modifiers are genitives or prepositional phrases, so these belong to the verb.
    /// </summary>
    private static IEnumerable<Token> Dependents(Grammar g, Token verb, List<Phrase> sentencePhrases)
    {
        var queue = new Queue<(Token Token, int Depth)>();
        // A dash, semicolon or colon between a verb and a word ends the verb's clause (`sutelkė … karių – tai atsakas į …`).
        foreach (var child in verb.Children())
            if (!BoundaryBetween(g, verb.Index, child.Index)) queue.Enqueue((child, 0));
        while (queue.Count > 0)
        {
            var (token, depth) = queue.Dequeue();
            yield return token;
            if (depth >= 2 || token.Is("ccomp") || token.Is("xcomp") || token.Is("advcl") || token.Is("acl") || token.Is("conj") || token.Is("parataxis")) continue;
            var phrase = PhraseAt(sentencePhrases, token.Index);
            var timeHead = g.InTime[token.Index];
            foreach (var child in token.Children())
            {
                var c = child.Index;
                if (phrase is not null && phrase.Contains(c)) continue;
                var bare = child.Child("case") is null;
                var lifted = timeHead && !child.Is("punct")
                             || child.Is("obl") && g.Upos(token.Index) is Upos.NOUN or Upos.PROPN
                             || child.Is("nmod") && bare && (PhraseAt(sentencePhrases, c)?.Case ?? g.CaseOf(c)) is Case.Nom or Case.Acc or Case.Dat or Case.Ins;
                if (lifted) queue.Enqueue((child, depth + 1));
            }
        }
    }

    /// <summary>
    /// The subject a verb without one of its own shares with the verb it hangs on: `susitiko ir aptarė` (conj), `ketina
    /// pulti` (xcomp), `nusprendė, kad išsiųs` (ccomp of a verb that does not report), `kalbėjo, susitikęs su …` (a past
    /// active participle as advcl), `susitikęs K. Budrys` (the same as acl: its noun).
    /// </summary>
    private static List<int> InheritedSubject(Grammar g, int verb, List<Phrase> sentencePhrases)
    {
        var doc = g.Doc;
        var token = doc.Token(verb);
        for (var steps = 0; steps < 4; steps++)
        {
            if (token.Head is not { } head) break;
            // `su ministru susitikęs K. Budrys`: a past active participle on a noun tells that noun's act.
            var participle = g.IsActivePastParticiple(token.Index);
            if (participle && (token.Is("acl") || token.Is("amod")))
            {
                var own = PhraseAt(sentencePhrases, head.Index);
                if (own?.Preposition is null && (own?.Case ?? g.CaseOf(head.Index)) is Case.Nom or Case.None
                    && Stands(g, head.Index, own, sentencePhrases) is { Count: > 0 } named)
                    return named;
                break;
            }
            // A participle adjunct (`kalbėjo, susitikęs su …`) tells an act of the clause's subject. A reported clause
            // (`pranešė, kad …`) is left to the window rules, which carry the reporter over only when the clause has no subject.
            if (!(token.Is("conj") || token.Is("xcomp") || token.Is("ccomp") && !g.Cue[head.Index] || participle && token.Is("advcl"))) break;
            // A `kad` between them opens a clause of its own: `sakė, kad Lietuva … skyrė` is not told of the speaker.
            if (token.Is("conj") && SubordinatorBetween(g, head.Index, token.Index)) break;
            foreach (var child in head.Children())
            {
                if (!child.Is("nsubj") || child.Child("case") is not null || g.GenitiveBeforeNoun(child.Index)) continue;
                var phrase = PhraseAt(sentencePhrases, child.Index);
                if (phrase?.Preposition is not null) continue;
                if ((phrase?.Case ?? g.CaseOf(child.Index)) is not (Case.Nom or Case.None)) continue;
                var entities = Stands(g, child.Index, phrase, sentencePhrases);
                if (entities.Count > 0) return entities;
            }
            token = head;
        }
        return [];
    }

    /// <summary>The entities a dependent stands for: its phrase's, or a pronoun's or role noun's referent; with its conjuncts.</summary>
    private static List<int> Stands(Grammar g, int token, Phrase? phrase, List<Phrase> sentencePhrases)
    {
        var result = new List<int>();
        Add(token, phrase);
        foreach (var conj in g.Doc.Token(token).Conjuncts())
            Add(conj.Index, PhraseAt(sentencePhrases, conj.Index));
        // The parser often leaves `A ir B` uncoordinated: phrases of one case joined by `ir`/`bei` are one list.
        if (phrase is not null)
        {
            var k = sentencePhrases.IndexOf(phrase);
            for (var j = k + 1; j < sentencePhrases.Count && Coordinated(g, sentencePhrases[j - 1], sentencePhrases[j]); j++)
                Add(sentencePhrases[j].Last, sentencePhrases[j]);
            for (var j = k - 1; j >= 0 && Coordinated(g, sentencePhrases[j], sentencePhrases[j + 1]); j--)
                Add(sentencePhrases[j].Last, sentencePhrases[j]);
        }
        return result.Distinct().ToList();

        void Add(int t, Phrase? p)
        {
            var referent = Referent(g, t);
            if (p is not null && p.Head >= 0) result.Add(p.Head);
            else if (referent >= 0) result.Add(referent);
            else if (p is not null) result.AddRange(p.Participants);
        }
    }

    /// <summary>`A ir B`, `A bei B`; `A, B` when both are names in one explicit case (`Ursula von der Leyen, Ukrainos prezidentas Volodymyras Zelenskis ir …`).</summary>
    private static bool Coordinated(Grammar g, Phrase a, Phrase b) =>
        b.First == a.Last + 2 && b.Preposition is null && a.Head >= 0 && b.Head >= 0
        && (g.Lemma(a.Last + 1) is "ir" or "bei" && (a.Case == b.Case || a.Case == Case.None || b.Case == Case.None || NominativeOrInstrumental(a.Case, b.Case))
            || g.Doc.Token(a.Last + 1).Span is "," && a.Case == b.Case && a.Case != Case.None);

    /// <summary>The entity mention a pronoun or role noun at a token refers to (References), the nearest one before it, or -1.</summary>
    private static int Referent(Grammar g, int token)
    {
        var doc = g.Doc;
        var start = doc.TokenAt(token).Start;
        var r = Grammar.LowerBound(doc.References, start, x => x.Start);
        if (r >= doc.References.Count || doc.References[r].Start != start) return -1;
        var id = doc.References[r].Entity;
        var best = -1;
        for (var e = 0; e < doc.Entities.Count; e++)
            if (doc.Entities[e].Id == id && (best < 0 || doc.Entities[e].Start <= start)) best = e;
        return best;
    }

    private static Phrase? PhraseAt(List<Phrase> phrases, int token)
    {
        int lo = 0, hi = phrases.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (phrases[mid].Last < token) lo = mid + 1;
            else if (phrases[mid].First > token) hi = mid - 1;
            else return phrases[mid];
        }
        return null;
    }

    private static int Place(Grammar g, Phrase p, int place)
    {
        if (place >= 0) return place;
        foreach (var e in p.Participants)
            if (g.Doc.Entities[e].Type == "LOC") return e;
        return place;
    }
}
