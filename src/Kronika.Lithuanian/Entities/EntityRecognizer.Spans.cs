using Kronika.Core.Model;

namespace Kronika.Lithuanian.Entities;

public sealed partial class EntityRecognizer
{
    private const int MaxNameWords = 7;

    private static readonly HashSet<string> Particles = ["von", "der", "van", "de", "da", "di", "la", "le", "bin", "al", "dos", "del"];

    private static readonly HashSet<string> PlacePrepositions = ["į", "iš", "link", "ties", "prie", "pro", "netoli"];

    private static readonly HashSet<string> Family = ["šeima", "giminė", "broliai", "sutuoktiniai", "pora"];

    private static readonly string[] FemaleSurnameEndings = ["ienė", "aitė", "ytė", "utė", "iūtė", "ūtė", "ienės", "aitės", "ytės", "utės", "iūtės", "ienei", "aitei", "ytei", "utei", "ienę", "aitę", "ytę", "utę", "iene", "aite", "yte", "ute", "ienėje"];

    /// <param name="memory">What the text has said so far: its people's surnames and the acronyms it defined; this
    /// sentence's are added as they are found.</param>
    private List<Mention> Recognize(Sentence s, TextMemory memory)
    {
        var found = new List<Mention>();
        var used = new bool[s.Count];
        // `(toliau – Komitetas)`: a word the document defines for itself is no name (a defined acronym still is).
        for (var k = 0; k + 2 < s.Count; k++)
            if (s.IsWord(k) && s.Span(k).Equals("toliau", StringComparison.OrdinalIgnoreCase) && s[k + 1] is "–" or "—" or "-" && s.IsWord(k + 2) && !s.IsAcronym(k + 2))
                memory.Terms.Add(s.Key(k + 2));
        // `vartotojų kainų indeksą (VKI)`: an acronym defined by lowercase words is a common noun's, no name.
        for (var k = 1; k + 2 < s.Count; k++)
            if (s.Is(k, "(") && s.IsAcronym(k + 1) && s.Is(k + 2, ")") && s.IsWord(k - 1) && !s.IsCapitalised(k - 1) && DefinedByLowercase(s, k))
                memory.Terms.Add("acronym:" + s.Form(k + 1));
        SharedHeads(s, used, found);
        QuotedNames(s, used, found, memory);
        for (var i = 0; i < s.Count;)
        {
            if (used[i] || !s.IsWord(i) && !s.IsInitial(i) || memory.Terms.Count > 0 && (s.IsWord(i) && !s.IsAcronym(i) && memory.Terms.Contains(s.Key(i))
                || s.IsAcronym(i) && memory.Terms.Contains("acronym:" + s.Form(i))))
            {
                i++;
                continue;
            }
            // A capitalised word opening a clause is a name only if it looks like one; it may still open a known
            // longer name (`Krašto apsaugos ministerija pranešė`).
            var mention = s.IsAcronym(i) && memory.Acronyms.TryGetValue(s.Form(i), out var defined) ? Acronym(s, i, defined)
                : MayStartName(s, i, memory) ? FromKnowledgeBase(s, i, memory) ?? FromRun(s, i, memory)
                : s.IsCapitalised(i) && OpensClause(s, i) ? FromKnowledgeBase(s, i, memory, minLength: InstitutionAt(s, i) ? 1 : 2) ?? HeadedAtClauseStart(s, i) ?? AdjectiveOpensPlace(s, i, memory)
                : null;
            // A name of the base may hold a quoted name found before it (`Demokratų sąjunga „Vardan Lietuvos“`): the
            // whole name replaces the part.
            if (mention is { Mention.Kb: not null } whole && AnyUsed(used, i, whole.Length) && Inside(found, whole.Mention) is { } inside)
                foreach (var f in inside)
                {
                    found.Remove(f);
                    for (var k = i; k < i + whole.Length && k < s.Count; k++) used[k] = false;
                }
            if (mention is not { } m || AnyUsed(used, i, m.Length))
            {
                i++;
                continue;
            }
            found.Add(m.Mention);
            if (m.Mention.Kb is { } known) memory.Known.Add(known);
            if (m.Mention.Type == "PER") memory.People.Add(m.Mention.LastWordKey);
            for (var k = i; k < i + m.Length && k < s.Count; k++) used[k] = true;
            i += m.Length;
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return DefineAcronyms(s, Spellings(s, MergeOwners(s, found)), memory);
    }

    /// <summary>`vartotojų kainų indeksą (VKI)`: the acronym in brackets after k is made of the initials of the lowercase
    /// words before it (the first letter may differ).</summary>
    private static bool DefinedByLowercase(Sentence s, int k)
    {
        var letters = s.Lower(k + 1);
        var n = letters.Length;
        if (k - n < 0) return false;
        Span<char> initials = n <= 64 ? stackalloc char[n] : new char[n];
        for (var j = k - n; j < k; j++)
        {
            if (s.IsCapitalised(j)) return false;
            initials[j - (k - n)] = s.IsWord(j) ? s.Lower(j)[0] : ' ';
        }
        return initials.SequenceEqual(letters) || initials[1..].SequenceEqual(letters.AsSpan(1));
    }

    private static bool AnyRunUsed(List<(int From, int To)> runs, bool[] used)
    {
        foreach (var (from, to) in runs)
            if (AnyUsed(used, from, to - from)) return true;
        return false;
    }

    /// <summary>Whether any of the tokens from..from+length (within the sentence) is taken already.</summary>
    private static bool AnyUsed(bool[] used, int from, int length)
    {
        for (var k = from; k < from + length && k < used.Length; k++)
            if (used[k]) return true;
        return false;
    }

    /// <summary>The mentions found that overlap a name, when there are some and each lies within it; else null.</summary>
    private static List<Mention>? Inside(List<Mention> found, Mention whole)
    {
        List<Mention>? inside = null;
        foreach (var f in found)
            if (f.Start < whole.End && f.End > whole.Start) (inside ??= []).Add(f);
        if (inside is null) return null;
        foreach (var f in inside)
            if (f.Start < whole.Start || f.End > whole.End) return null;
        return inside;
    }

    /// <summary>
    /// At a clause start, a capitalised noun in the genitive grown over lowercase genitives to a document or event head
    /// (`Mokslo ir studijų įstatymas įsigalios`), or to an organization head over three words or more (`Švietimo ir
    /// mokslo ministerija`); a shorter one is a common phrase (`Miesto taryba nusprendė`).
    /// </summary>
    private (Mention Mention, int Length)? HeadedAtClauseStart(Sentence s, int i)
    {
        if (s.Token(i).Upos != Upos.NOUN || s.Morph(i).Case != Case.Gen || HeadAfter(s, i + 1) is not { } head) return null;
        // A head before a quoted name is the common noun of that name (`Kino festivalis „Kino pavasaris“`).
        if (head.Type == "LOC" || head.End - i < (head.Type == "ORG" ? 4 : 3) || s[head.End] is "„" or "\"") return null;
        return (new Mention(s.Start(i), s.End(head.End - 1), head.Type, Canonical(s, i, head.End, head.Type, hasHead: true), null, [.. Words(s, i, head.End)]), head.End - i);
    }

    /// <summary>`Naujosios Vilnios gyventojai`, `Mažojoje Lietuvoje`: at a clause start, an adjective agreeing in case, number
    /// and gender with the one capitalised name after it opens that place's name (as it does inside a sentence); a name the
    /// base knows on its own is that name with a word before it (`Oficialusis Pekinas`).</summary>
    private (Mention Mention, int Length)? AdjectiveOpensPlace(Sentence s, int i, TextMemory memory)
    {
        if (s.Token(i).Upos != Upos.ADJ || !s.IsWord(i + 1)) return null;
        var (adjective, name) = (s.Morph(i), s.Morph(i + 1));
        if ( !s.IsCapitalised(i + 1) || s.IsAcronym(i + 1) || s.IsCapitalised(i + 2)
            || adjective.Case == Case.None || adjective.Case != name.Case || adjective.IsPlural != name.IsPlural || adjective.Gender != name.Gender
            || IsFirstName(s, i + 1) || !MayStartName(s, i + 1, memory) || FromKnowledgeBase(s, i + 1, memory) is not null
            || TypeOf(s, i, i + 2, memory) != "LOC")
            return null;
        var canonical = Canonical(s, i, i + 2, "LOC", hasHead: false);
        var entry = kb.Find(NameKey.Of(canonical)).FirstOrDefault(e => e.Type == "LOC");
        return (new Mention(s.Start(i), s.End(i + 1), "LOC", entry?.Canonical ?? canonical, entry, [.. Words(s, i, i + 2)]), 2);
    }

    /// <summary>`Volis Olinsas (Wally Olins)`, `Wally Olins (Volis Olinsas)`: a person's name in brackets of as many words
    /// right after a person's name is that person's name in the other spelling, the same entity.</summary>
    private static List<Mention> Spellings(Sentence s, List<Mention> found)
    {
        for (var k = 0; k + 1 < found.Count; k++)
        {
            var (person, other) = (found[k], found[k + 1]);
            if (person.Type != "PER" || other.Type != "PER" || other.NameWords.Length != person.NameWords.Length) continue;
            var last = s.TokenEndingAt(person.End);
            var close = s.TokenEndingAt(other.End);
            if (last < 0 || close < 0 || close + 1 >= s.Count || s[last + 1] != "(" || s.Start(last + 2) != other.Start || s[close + 1] != ")") continue;
            found[k + 1] = other with { StandsFor = person };
        }
        return found;
    }

    /// <summary>An acronym the text defined: the entity it stands for, under the letters as written.</summary>
    private static (Mention Mention, int Length) Acronym(Sentence s, int i, Mention defined) =>
        (new Mention(s.Start(i), s.End(i), defined.Type, s.Form(i), null, [s.Form(i)]) { StandsFor = defined }, 1);

    /// <summary>
    /// `Lietuvos vyskupų konferencija (LVK)`: a name followed by an acronym in brackets defines it for the rest of the
    /// text, whatever the knowledge base says the letters stand for; the bracketed acronym is the same entity.
    /// </summary>
    private static List<Mention> DefineAcronyms(Sentence s, List<Mention> found, TextMemory memory)
    {
        for (var k = 0; k < found.Count; k++)
        {
            var m = found[k];
            if (m.Type == "PER" || m.StandsFor is not null) continue;
            var last = s.TokenEndingAt(m.End);
            if (last < 0 || last + 3 >= s.Count || s[last + 1] != "(" || s[last + 3] != ")" || !s.IsAcronym(last + 2)) continue;
            var letters = s.Form(last + 2);
            if (m.Canonical.Split(' ').Length < 2) continue;
            memory.Acronyms[letters] = m;
            var acronym = Acronym(s, last + 2, m).Mention;
            var at = found.FindIndex(o => o.Start == acronym.Start);
            if (at >= 0) found[at] = acronym;
            else found.Insert(k + 1, acronym);
        }
        return found;
    }

    /// <summary>Whether a name can start here: a capitalised word, an acronym or an initial; at a clause start only a
    /// word the tagger, the base or the first-name list takes for a name.</summary>
    private bool MayStartName(Sentence s, int i, TextMemory memory)
    {
        // A heading's number (`IV. KOMITETO POSĖDŽIAI`) is not an initial.
        if (s.IsInitial(i)) return !(OpensClause(s, i) && s.IsWord(i + 2) && s.Form(i + 2).Length >= 3 && s.IsAllCaps(i + 2));
        if (!s.IsWord(i) || !s.IsCapitalised(i) || lists.NotNames.Contains(s.Form(i)) || IsNotName(s, i)) return false;
        // One capital letter without a period is a letter, not a name (`A lyga`).
        if (s.Form(i).Length == 1) return false;
        // Prepositions, conjunctions, pronouns and particles are words, not names (`Į`, `Ir`, `Tai`, `Jo`).
        if (s.Token(i).Upos is Upos.ADP or Upos.CCONJ or Upos.SCONJ or Upos.PRON or Upos.DET or Upos.PART && IsCommonWord(s.Lower(i))) return false;
        if (s.Headline) return IsHeadlineName(s, i);
        if (!OpensClause(s, i)) return true;
        // At a clause start: a known name where the tagger reads a noun (`Kremlius pareiškė`, not `Kitas`, `Viena`), a
        // first name, an acronym, or a proper noun that is not also a common word (`Lietuviai`, `Dalis` are).
        if (s.IsAcronym(i)) return true;
        // A surname the text has already given a person (`Putinas išvyko`, though `putinas` is also a shrub).
        if (memory.People.Contains(s.Key(i))) return true;
        if (FirstNameBeforeSurname(s, i)) return true;
        var commonWord = IsCommonWord(s.Lower(i));
        var key = s.Key(i);
        // A name of two words that are not common ones (`Ott Tänak laimėjo`).
        if (!commonWord && s.IsWord(i + 1) && s.IsCapitalised(i + 1) && !s.IsAcronym(i + 1) && !IsCommonWord(s.Lower(i + 1))) return true;
        if (s.Token(i).Upos is Upos.NOUN or Upos.X or Upos.PROPN && !commonWord && (kb.Contains(key) || kb.FindBySurname(key).Length > 0)) return true;
        if (s.Token(i).Upos == Upos.PROPN && kb.Contains(key)) return true;
        return !commonWord && (s.Token(i).Upos == Upos.PROPN || IsFirstName(s, i));
    }

    /// <summary>A first name before a surname (`Tomas Gaidamavičius`, `Justas Sinica` opening a sentence), though `tomas`
    /// and `justas` are also common words: the next word is a capitalised Lithuanian name that is no common word and no
    /// place or body of the base (`Rasa Vilniuje` is no one).</summary>
    private bool FirstNameBeforeSurname(Sentence s, int i) =>
        IsFirstName(s, i) && !s.IsAcronym(i) && s.Token(i).Upos != Upos.ADV
        && (lists.FirstName(s.Display(i), Gender.Masc) is { } man && CanBeCaseOf(s.Display(i), man)
            || lists.FirstName(s.Display(i), Gender.Fem) is { } woman && CanBeCaseOf(s.Display(i), woman)) && s.IsWord(i + 1) && s.IsCapitalised(i + 1) && !s.IsAcronym(i + 1)
        && EndsLithuanian(s.Form(i + 1)) && (!IsCommonWord(s.Lower(i + 1)) || kb.FindBySurname(s.Key(i + 1)).Length > 0)
        && kb.Find(s.Key(i + 1)).All(e => e.Type == "PER" || !CanBeCaseOf(s.Display(i + 1), e.Canonical)); // `Kairį` is no case of `Kairas`

    /// <summary>In a capitals headline every word is capitalised: a name is a known name or a proper noun of the lexicon.</summary>
    private bool IsHeadlineName(Sentence s, int i) =>
        kb.Contains(s.Key(i)) || kb.FindBySurname(s.Key(i)).Length > 0
        || !IsCommonWord(s.Lower(i)) && (IsFirstName(s, i) || lexicon.IsProperDictionaryForm(NameLemma(s, i)));

    private bool IsFirstName(Sentence s, int i) => s.IsWord(i) && lists.FirstNames.ContainsKey(s.Key(i));

    /// <summary>Capitals that are not a name: a Roman numeral (`III`, `VII`) and a common word in capitals outside a
    /// headline (`IR`, `TAI`, `ĮVADAS`) that the base does not know.</summary>
    private bool IsNotName(Sentence s, int i)
    {
        if (!s.IsAllCaps(i)) return false;
        var form = s.Form(i);
        if (form.All(c => "IVXLCDM-–".Contains(c))) return true; // `XX-XXI` (amžius)
        // A code of capitals and digits (`A1` the road, `DV-879` the order, `E621`) names no entity by itself.
        if (form.Any(char.IsDigit)) return !kb.Contains(s.Key(i)); // `G7` the base knows
        return IsCommonWord(s.Lower(i)) && !kb.Contains(s.Key(i)) && !kb.Contains(s.Lower(i));
    }

    /// <summary>At a clause start, a one-word institution the base knows (`Vyriausybė nusprendė`, `Seimo nariai`): the
    /// tagger reads a noun there, not a pronoun or numeral (`Viena`, `Kitas`).</summary>
    private bool InstitutionAt(Sentence s, int i) =>
        s.IsWord(i) && s.Token(i).Upos is Upos.NOUN or Upos.PROPN && kb.Find(s.Key(i)).Any(e => e.Type == "ORG");

    /// <summary>A plural by the tagger or by an ending only plurals have (`Vakarai`, `Vakarams`, `-uose`), which the
    /// tagger may read as a singular name.</summary>
    private static bool PluralForm(Sentence s, int i)
    {
        var w = s.Lower(i);
        return s.Morph(i).IsPlural || w.EndsWith("ai") || w.EndsWith("ams") || w.EndsWith("oms") || w.EndsWith("ėms") || w.EndsWith("uose");
    }

    /// <summary>Tokens from..to are given names and initials only (`Robertas`, `V.`, `Mikalojus Konstantinas`).</summary>
    private bool GivenNames(Sentence s, int from, int to)
    {
        if (to <= from) return false;
        for (var k = from; k < to; k++)
        {
            if (s.IsInitial(k)) { k++; continue; }
            if (!IsFirstName(s, k) || s.IsAcronym(k) || IsCommonWord(s.Lower(k)) && s.Token(k).Upos != Upos.PROPN) return false;
        }
        return true;
    }

    /// <summary>The first word of a sentence, quotation or dash clause is capitalised whatever it is.</summary>
    private static bool OpensClause(Sentence s, int i) => i == 0 || s.Span(i - 1) is "„" or "\"" or "“" or "–" or "—" or ":" or "(" or "-"
        // a numbered point (`12. Į Komiteto posėdžius`)
        || s.Span(i - 1) is "." && i >= 2 && s.Kind(i - 2) == TokenKind.Number;

    /// <summary>
    /// `Ukmergės ir Gabijos gatvių`, `Vytauto, Maironio bei K. Donelaičio gatvėse`: capitalised genitives joined by `ir`,
    /// `bei` or commas under one place head in the plural are as many places, each named with the head in the singular
    /// (`Ukmergės gatvė`, `Gabijos gatvė`).
    /// </summary>
    private void SharedHeads(Sentence s, bool[] used, List<Mention> found)
    {
        for (var h = 3; h < s.Count; h++)
        {
            if (!s.IsWord(h) || !s.Morph(h).IsPlural || s.IsCapitalised(h) || HeadType(s, h) != "LOC"
                || s.Lemma(h) is not { } lemma || lemma.EndsWith("ai") || lemma.EndsWith("os") || lemma.EndsWith("ės")) continue;
            var runs = new List<(int From, int To)>();
            var k = h;
            while (true)
            {
                var to = k;
                while (k > 0 && (s.IsWord(k - 1) && s.IsCapitalised(k - 1) && !s.IsAcronym(k - 1) || k >= 2 && s[k - 1] == "." && s.IsInitial(k - 2)))
                    k -= s[k - 1] == "." ? 2 : 1;
                if (k == to || s.Morph(to - 1).Case != Case.Gen) break;
                runs.Add((k, to));
                if (k < 2 || s[k - 1] is not ("ir" or "bei" or ",") || !s.IsCapitalised(k - 2)) break;
                k--;
            }
            if (runs.Count < 2 || AnyRunUsed(runs, used)) continue;
            var head = lemma.ToLowerInvariant();
            foreach (var (from, to) in runs)
            {
                var words = Words(s, from, to);
                found.Add(new Mention(s.Start(from), s.End(to - 1), "LOC", string.Join(' ', words) + " " + head, null, [.. words]));
                for (var j = from; j < to; j++) used[j] = true;
            }
        }
    }

    /// <summary>
    /// Names in quotes: after an organization word an organization (`bendrovė „Ignitis“`, `UAB „Maxima LT“`); a short
    /// quoted name without a verb is what the knowledge base says it is, else a named thing (`pratybas „Geležinis
    /// vilkas“`, `raketų „Patriot“`): MISC. Quoted speech is left to the other patterns.
    /// </summary>
    private void QuotedNames(Sentence s, bool[] used, List<Mention> found, TextMemory memory)
    {
        // A sentence about a game (`rungtynės`, `įveikė`, `taškų`): its quoted names are teams. Asked only of a sentence
        // with a quoted name.
        bool? aboutAGame = null;
        List<(int Open, int Close, int At)>? quoted = null;
        for (var i = 0; i + 2 < s.Count; i++)
            if (s.Is(i, "„") || s.Is(i, "\"")) QuotedName(s, i, used, found, memory, ref quoted, ref aboutAGame);
        if (quoted is not null) SharedListType(s, quoted, found);
    }

    /// <summary>The quoted name opening at token i, if it is one (see <see cref="QuotedNames"/>).</summary>
    private void QuotedName(Sentence s, int i, bool[] used, List<Mention> found, TextMemory memory,
                            ref List<(int Open, int Close, int At)>? quoted, ref bool? aboutAGame)
    {
        var close = -1;
        for (var k = i + 1; k < Math.Min(s.Count, i + 17); k++)
            if (s[k] is "“" or "\"" or "”") { close = k; break; }
        if (close <= i + 1 || Enumerable.Range(i, close - i + 1).Any(k => used[k] || k > i && k < close && s[k] is "„" or "\"")) return;
        var trigger = i > 0 && (s.LowerLemma(i - 1) is { } lemma && lists.OrganizationTriggers.Contains(lemma)
            || lists.OrganizationTriggers.Contains(s.Lower(i - 1)) || lists.OrganizationHeads.Contains(s.Lower(i - 1)));
        // (Several words all capitalised are a name whatever the tagger reads in them: `„Mini Cooper“`.)
        var titleCase = Enumerable.Range(i + 1, close - i - 1).Count(s.IsWord) >= 2 && Enumerable.Range(i + 1, close - i - 1).All(k => !s.IsWord(k) || s.IsCapitalised(k));
        // A long title in a foreign language, most words capitalised (`„Road to NATO‘s Washington Summit: The Future of
        // Nordic-Baltic Allies“`), is one named thing as written.
        var wordsInside = Enumerable.Range(i + 1, close - i - 1).Count(s.IsWord);
        var foreignTitle = wordsInside >= 5 && Enumerable.Range(i + 1, close - i - 1).Count(k => s.IsWord(k) && s.IsCapitalised(k)) * 3 >= wordsInside * 2
            && Enumerable.Range(i + 1, close - i - 1).All(k => !s.IsWord(k) || s.IsCapitalised(k) || !IsCommonWord(s.Lower(k)) || s.Form(k).Length <= 2);
        titleCase |= foreignTitle;
        // (A maker or a name of the base is no verb, whatever the tagger reads in it: `„Audi“`, `„Subaru“`.)
        var hasVerb = !titleCase && Enumerable.Range(i + 1, close - i - 1).Any(k => s.Token(k).Upos is Upos.VERB or Upos.AUX
            && !(s.IsCapitalised(k) && (lists.Makers.Contains(s.Display(k)) || kb.Contains(s.Key(k)))));
        var nameLike = s.IsCapitalised(i + 1) || s.Kind(i + 1) == TokenKind.Number || trigger;
        // Quoted speech goes on with a dash or a reporting verb (`„…“, – sakė`); a name may be followed by a comma.
        // (Not a name joined to a quoted name before it: `„Orlen Lietuva“ ir „Modus grupė“ – …`.)
        var coordinated = i >= 2 && s[i - 1] is "ir" or "bei" or "," && s[i - 2] is "“" or "”" or "\"";
        var speech = !coordinated && (s[close + 1] is "–" or "—" || s[close + 1] == "," && (s[close + 2] is "–" or "—" || close + 2 < s.Count && s.Token(close + 2).Upos is Upos.VERB));
        if (!nameLike || hasVerb || close - i - 1 > 4 && !foreignTitle || !trigger && speech) return;
        var name = Joined(s, i + 1, close);
        var entry = kb.Find(NameKey.Of(name)).FirstOrDefault();
        // One word in a case a brand is not fixed in (`„Akropolyje“`, `„Sadutei“`) is named in the nominative;
        // genitive brands keep their form (`„Brolio“`, `„Sodžiaus“`).
        if (close == i + 2 && s.IsWord(i + 1) && s.Morph(i + 1).Case is Case.Loc or Case.Dat or Case.Ins or Case.Acc) name = NameLemma(s, i + 1);
        // The word after the quotes may say what it is (`„Real“ ekipą`, `„Nasdaq Vilnius“ biržoje`, `„Hillsborough“
        // stadione`); a city's genitive before it makes it that city's club (`Kauno „Žalgiris“`, `Denverio „Nuggets“`).
        // (Past lowercase adjectives: `„Baltijos“ pagrindinė mokykla`; past a dash to what a list of names is: `„Big
        // Doner“, „Ozo restoranas“ – įmonės`.)
        var next = close + 1;
        while (next < close + 3 && s.IsWord(next) && !s.IsCapitalised(next) && s.Token(next).Upos == Upos.ADJ) next++;
        if (s[next] is "–" or "—" && s.IsWord(next + 1) && !s.IsCapitalised(next + 1) && s.Lemma(next + 1) is { } what
            && lists.OrganizationTriggers.Contains(what.ToLowerInvariant())) next++;
        var after = s.LowerLemma(next);
        var before = i > 0 ? s.LowerLemma(i - 1) : null;
        // `kelyje „Via Baltica“`, `„Akropolio“ prekybos centre`: a road or place word beside it makes it a place.
        var placeAfter = after is not null && lists.PlaceHeads.Contains(after) || before is not null && lists.PlaceNouns.Contains(before);
        // (An organization's head as the name's last word says so too: `„Modus grupė“`.)
        var orgAfter = after is not null && (lists.OrganizationTriggers.Contains(after) || lists.OrganizationHeads.Contains(after))
                       || close > i + 2 && s.LowerLemma(close - 1) is { } own && (lists.OrganizationHeads.Contains(own) || lists.OrganizationTriggers.Contains(own)
                                                                                                      || lists.OrganizationTriggers.Contains(s.Lower(close - 1)));
        var club = i > 0 && s.IsCapitalised(i - 1) && s.Morph(i - 1).Case == Case.Gen && kb.Find(s.Key(i - 1)).Any(e => e.Type == "LOC");
        // A vehicle or device word before or after it makes it the product (`automobilis „Toyota“`, `„Opel“ markės`).
        var product = i > 0 && s.LowerLemma(i - 1) is { } thing && lists.ProductTriggers.Contains(thing)
                      || after is not null && lists.ProductTriggers.Contains(after);
        // A team: in a sentence about a game, a quoted name the base knows as a place (`„Kupiškis“`: places are not
        // quoted) or not at all (`penki „Riteriai“`); or one the text already used for a team. (Not an event's name:
        // `„Roland Garros“ turnyro`; outside games a quoted place's name is a work's: `spektaklį „Ofelijos“`.)
        var team = !product && !placeAfter && !(after is not null && lists.MiscHeads.Contains(after))
                   && (entry?.Type is null or "MISC" or "LOC" && (aboutAGame ??= AboutAGame(s)) || memory.Teams.Contains(NameKey.Of(name)));
        if (team)
        {
            // A team is named in the nominative (`„Milastos“` → `Milasta`); a foreign name stays (`„Nuggets“`).
            // (`„Šiaulių-7bet“`: the Lithuanian part before a sponsor's declines.)
            var lithuanian = s.Lower(i + 1).Split('-')[0];
            if (close == i + 2 && s.IsWord(i + 1) && s.Morph(i + 1).Case == Case.Gen && !IsForeign(lithuanian)
                && TeamGenitives.Any(e => lithuanian.EndsWith(e, StringComparison.Ordinal))) name = NameLemma(s, i + 1);
            // A town's or club's name the base knows before a sponsor's declines as that name (`„Šiaulių-7bet“` →
            // `Šiauliai-7bet`, `„Nevėžiui-Optibet“` → `Nevėžis-Optibet`).
            if (close == i + 2 && s.Display(i + 1).IndexOf('-') is var dash and > 0 && IsForeign(s.Display(i + 1)[(dash + 1)..])
                && s.Display(i + 1)[..dash] is var home && kb.Find(NameKey.Word(home)).FirstOrDefault(e => !e.Canonical.Contains(' ') && CanBeCaseOf(home, e.Canonical)) is { } town)
                name = town.Canonical + s.Display(i + 1)[dash..];
            memory.Teams.Add(NameKey.Of(name));
        }
        var type = product ? "MISC" : trigger || orgAfter || club && !placeAfter || team ? "ORG" : placeAfter ? "LOC" : entry?.Type ?? "MISC";
        // `„Žalgirio“ arenoje`, `„Siemens“ arena`: a place's head right after the quotes is part of the place's name; the
        // quoted word is that place's, not a place by itself.
        if (!product && next == close + 1 && after is not null && lists.PlaceHeads.Contains(after) && s.IsWord(next) && !s.IsCapitalised(next)
            && (entry is null || entry.Type != "LOC"))
        {
            var place = Joined(s, i + 1, close) + " " + HeadNominative(s, next, Plural(s, next), commonHead: true);
            (quoted ??= []).Add((i, close, found.Count));
            found.Add(new Mention(s.Start(i), s.End(next), "LOC", place, null, [Joined(s, i + 1, close), s.Display(next)]));
            for (var k = i; k <= next; k++) used[k] = true;
            return;
        }
        // `„Juodvarnio“ būgnininkas`, `„Palangos tilto“ žurnalistai`: a Lithuanian genitive right before a noun of a member or
        // worker is a case of a body's name (a band, a paper, a club), named in the nominative.
        if (!product && !trigger && next == close + 1 && after is not null && MemberNoun(after) && (entry is null || entry.Type == "ORG")
            && s.IsWord(close - 1) && s.Morph(close - 1).Case == Case.Gen && !IsForeign(s.Display(close - 1))
            && TeamGenitives.Any(e => s.Lower(close - 1).EndsWith(e, StringComparison.Ordinal)))
        {
            type = "ORG";
            if (close == i + 2 && entry is null) name = NameLemma(s, i + 1);
        }
        if (entry is not null && entry.Type != type) entry = null;
        // A name of several words declined in the sentence (`„SC Atakai“`, `„Pieno žvaigždžių“`, `„Lietuvos ryte“`) is
        // named in the nominative: its head and the adjectives agreeing with it. After an organization word it is
        // written in the nominative already (`bendrovės „Vilniaus vandenys“`); a genitive is a case only of a team or
        // company (a work's name may end in one).
        // (`„Ryto–MRU“`: before a dash joining a sponsor's name, the name's own word is the one that declines.)
        var end = Enumerable.Range(i + 2, Math.Max(0, close - i - 3)).FirstOrDefault(k => s[k] is "–" or "-" && !s.Token(k - 1).SpaceAfter && !s.Token(k).SpaceAfter, close);
        if (close > i + 2 && !trigger && !product && !foreignTitle && entry is null && s.IsWord(end - 1) && !IsForeign(s.Display(end - 1))
            && (s.Morph(end - 1).Case is Case.Dat or Case.Acc or Case.Ins or Case.Loc || s.Morph(end - 1).Case == Case.Gen && type == "ORG"))
            // (A club the base knows by that word is named as the base names it: `„Ryto–MRU“` → `Rytas–MRU`.)
            name = (end == i + 2 && kb.Find(s.Key(i + 1)).FirstOrDefault(e => e.Type == "ORG" && !e.Canonical.Contains(' ') && CanBeCaseOf(s.Display(i + 1), e.Canonical)) is { } known
                       ? known.Canonical
                       : Canonical(s, i + 1, end, type == "PER" ? "ORG" : type, hasHead: true)) + (end < close ? Joined(s, end, close) : "");
        (quoted ??= []).Add((i, close, found.Count));
        found.Add(new Mention(s.Start(i + 1), s.End(close - 1), type, entry?.Canonical ?? name, entry, [name]));
        for (var k = i; k <= close; k++) used[k] = true;
        if (trigger && i > 0 && lists.OrganizationTriggers.Contains(s.Lower(i - 1))) used[i - 1] = true;
    }

    /// <summary>A noun of a person who belongs to or works for a body: a title of the list (`vadovas`, `treneris`,
    /// `lyderis`) or a noun of a doer or member by its ending (`būgnininkas`, `vokalistas`, `darbuotojas`).</summary>
    private bool MemberNoun(string lemma) =>
        lists.Titles.Contains(lemma)
        || lemma.EndsWith("ininkas", StringComparison.Ordinal) || lemma.EndsWith("ininkė", StringComparison.Ordinal)
        || lemma.EndsWith("istas", StringComparison.Ordinal) || lemma.EndsWith("istė", StringComparison.Ordinal)
        || lemma.EndsWith("tojas", StringComparison.Ordinal) || lemma.EndsWith("toja", StringComparison.Ordinal)
        || lemma.EndsWith("ėjas", StringComparison.Ordinal) || lemma.EndsWith("ėja", StringComparison.Ordinal);

    /// <summary>Whether the sentence tells of play: one of its words or lemmas is one only a game has (`rungtynės`,
    /// `įvartis`, `tritaškis`; not `komanda`, which a government has too).</summary>
    private bool AboutPlay(Sentence s)
    {
        for (var k = 0; k < s.Count; k++)
            if (s.IsWord(k) && (lists.PlayWords.Contains(s.Lower(k)) || s.LowerLemma(k) is { } l && lists.PlayWords.Contains(l))) return true;
        return false;
    }

    /// <summary>Whether the sentence is about a game: one of its words or lemmas is a sports word.</summary>
    private bool AboutAGame(Sentence s)
    {
        for (var k = 0; k < s.Count; k++)
            if (s.IsWord(k) && (lists.SportsWords.Contains(s.Lower(k)) || s.LowerLemma(k) is { } l && lists.SportsWords.Contains(l))) return true;
        return false;
    }

    /// <summary>`„Big Doner“, „Urmo projektas“, „Ozo restoranas“ – įmonės`: quoted names listed together (commas, `ir`,
    /// `bei`) are of one kind; when the text shows one of them to be an organization, the named things beside it are too.</summary>
    private static void SharedListType(Sentence s, List<(int Open, int Close, int At)> quoted, List<Mention> found)
    {
        var from = 0;
        for (var k = 1; k <= quoted.Count; k++)
        {
            if (k < quoted.Count && Enumerable.Range(quoted[k - 1].Close + 1, quoted[k].Open - quoted[k - 1].Close - 1).All(j => s[j] is "," or "ir" or "bei")
                && quoted[k].Open > quoted[k - 1].Close + 1) continue;
            var list = quoted.GetRange(from, k - from);
            from = k;
            // (By what the text says of one of them, not by the base: `„Maxima“` among oil brands is no reason.)
            if (list.Count < 2 || !list.Any(q => found[q.At] is { Type: "ORG", Kb: null })) continue;
            foreach (var q in list)
                if (found[q.At] is { Type: "MISC", Kb: null } m) found[q.At] = m with { Type = "ORG" };
        }
    }

    /// <summary>Genitive endings only Lithuanian names have (`„Riterių“`, `„Milastos“`, `„Nevėžio“`); `„Nuggets“` is as written.</summary>
    private static readonly string[] TeamGenitives = ["ų", "os", "ės", "ies", "o", "aus"];

    /// <summary>The tokens from..to (exclusive) as written, with spaces where the text has them.</summary>
    private static string Joined(Sentence s, int from, int to)
    {
        var sb = new System.Text.StringBuilder();
        for (var k = from; k < to; k++)
        {
            sb.Append(s.Display(k));
            if (k < to - 1 && s.Token(k).SpaceAfter) sb.Append(' ');
        }
        return sb.ToString();
    }

    /// <summary>The words of tokens from..to with each initial joined to its period (`V.`), for keys and names.</summary>
    private static List<string> Words(Sentence s, int from, int to)
    {
        var words = new List<string>();
        for (var k = from; k < to; k++)
        {
            if (s[k] == "." && words.Count > 0 && s.Has(k - 1, TokenFlags.Initial)) words[^1] += ".";
            else words.Add(s.Display(k));
        }
        return words;
    }

    /// <summary>
    /// The longest name of the knowledge base starting at token i, in any case; a place or organization in the genitive
    /// followed by lowercase genitives and a head grows into that organization (`Kinijos užsienio reikalų
    /// ministerija`, `Lietuvos nacionaliniame dramos teatre`).
    /// </summary>
    private (Mention Mention, int Length)? FromKnowledgeBase(Sentence s, int i, TextMemory? memory = null, int minLength = 1)
    {
        if (!s.IsWord(i) && !s.IsInitial(i)) return null;
        // (`Maurice’o`: a foreign name with its Lithuanian ending after an apostrophe is the run's, not a name of the base.)
        if (s[i + 1] is "’" or "'" or "‘" && !s.Token(i).SpaceAfter) return null;
        if (!kb.StartsName(KeyOf(s, i, i + 1)) && !(s.IsAllCaps(i) && kb.StartsName(NameKey.Word(Cased(s.Lower(i), true))))) return null;
        // How far a name of the base can reach from here: as long as the words so far begin one.
        // Dashes, commas and quotes inside a name are stepped over (`Tėvynės sąjunga – Lietuvos krikščionys demokratai`,
        // `Demokratų sąjunga „Vardan Lietuvos“`).
        bool? aboutAGame = null;
        var reach = i;
        while (reach < s.Count)
        {
            var at = reach;
            // (A quotation after one word is a name of its own: `Kauno „Žalgiris“` is the club, with its city before it.)
            while (at > i && at < s.Count && at - reach < 2 && NameKey.IsJoiner(s[at]) && !(s[at] is "„" or "\"" && reach - i < 2)) at++;
            if (at >= s.Count || !s.IsWord(at) && !s.IsInitial(at)) break;
            var next = s.IsInitial(at) ? at + 2 : at + 1;
            if (!kb.IsPrefix(KeyOf(s, i, next))) break;
            reach = next;
        }
        for (var length = Math.Max(reach - i, 1); length >= minLength; length--)
        {
            var last = i + length - 1;
            if (!s.IsWord(last)) continue; // a name does not end with an initial's period or punctuation
            var candidates = kb.Find(KeyOf(s, i, i + length));
            // One word is a name of the base only if it can be a case of it (`Seimo`, not `Modus` for `Modi`).
            if (length == 1 && s.IsWord(i) && !s.IsAcronym(i) && candidates.Length > 0) candidates = MayBeCasesOf(s, i, candidates);
            // A name in capitals (`VILNIUS, spalio 14 d.`) is looked up as written in title case.
            if (candidates.Length == 0 && length == 1 && s.IsAllCaps(i) && s.Form(i).Length >= 4)
                candidates = kb.Find(NameKey.Word(Cased(s.Lower(i), true)));
            // A surname alone: the one person of the base with it, of the mention's gender (`Zelenski` is not `Zelenska`).
            // (Not when the text has already named a person of that surname: `Rymantas Juozaitis … Juozaitis`.)
            if (candidates.Length == 0 && length == 1 && memory?.People.Contains(s.Key(i)) != true && OnePersonWithSurname(s, i) is { } person)
                candidates = [person];
            if (candidates.Length == 0) continue;
            var entry = Choose(candidates, s, i);
            // A common noun opening a sentence in an oblique case that is also a short name of an entry (`Komisijos` of
            // Europos Komisija) names that entry only after the text has named it: `Komisijos ir žiūrovų balsavimas` may be
            // any commission's. (Inside a sentence its capital says it is the institution, and so does a subject acting:
            // `Komisija pasiūlė`.)
            if (length == 1 && !s.Headline && !s.IsAcronym(i) && OpensClause(s, i) && s.Morph(i).Case != Case.Nom && entry.Canonical.Contains(' ')
                && memory?.Known.Contains(entry) != true && IsCommonWord(s.Lower(i))
                && NameKey.Of(entry.Canonical) != s.Key(i)) continue;
            // A quotation is part of a name of the base only when the name itself is written with it (`Demokratų sąjunga
            // „Vardan Lietuvos“`); `Los Andželo „Lakers“` and `agentūra „Reuters“` are a place or a word before a name.
            if (CountOf(s, i, i + length, "„", "\"") > 0 && !entry.Canonical.Contains('„')) continue;
            // A first name before a capitalised word starts a person's name, whatever else it may name (`Rasa`), and
            // is not another person's surname (`Gustui Baliutavičiui` is not Evaldas Gustas).
            if (length == 1 && IsFirstName(s, i) && s.IsWord(i + 1) && s.IsCapitalised(i + 1) && !s.IsAcronym(i + 1)) continue;
            // A surname alone that the base knows is taken where the tagger reads a name or inside a sentence.
            if (length == 1 && entry.Type == "PER" && s.Token(i).Upos != Upos.PROPN && !s.Headline && OpensClause(s, i)) continue;
            // A person of the base named by an initial or a surname alone in a sentence about a game is that person only
            // if the base knows a sportsman or a title before the name says who it is (`A. Butkevičius pelnė 20 taškų` is
            // no prime minister).
            if (entry.Type == "PER" && (length == 1 || HasInitial(s, i, i + length)) && !IsTitle(s, i - 1) && !SportsPerson(entry)
                && (aboutAGame ??= AboutPlay(s)))
                return (new Mention(s.Start(i), s.End(last), "PER", Canonical(s, i, i + length, "PER", hasHead: false), null, [.. Words(s, i, i + length)]), length);
            // A known name in the genitive before a head names the place or body it heads (`Kinijos užsienio reikalų
            // ministerija`, `Partizanų gatvė`, `A. Stulginskio mokykla`), not what a person owns (`Putino administracija`).
            // (A place's genitive before a head in the plural names things of that place, no one of them: `Lietuvos upės`,
            // `Lietuvos festivalių sezonas`; a plural-only head is one: `Vilniaus rūmai`.)
            if (s.Morph(last).Case == Case.Gen && HeadAfter(s, i + length) is { } head
                && !(entry.Type == "PER" && s.LowerLemma(head.End - 1) is { } owned && lists.OwnedHeads.Contains(owned))
                && !(entry.Type == "LOC" && head.End - 1 == i + length && s.Morph(head.End - 1).IsPlural && !s.IsCapitalised(head.End - 1)
                     && s.LowerLemma(head.End - 1) is { } common && !common.EndsWith("ai", StringComparison.Ordinal) && !common.EndsWith("os", StringComparison.Ordinal)
                     && !common.EndsWith("ės", StringComparison.Ordinal) && !common.EndsWith("ys", StringComparison.Ordinal)))
            {
                var end = head.End;
                return (new Mention(s.Start(i), s.End(end - 1), head.Type, Canonical(s, i, end, head.Type, hasHead: true), null, [.. Words(s, i, end)]), end - i);
            }
            if (entry.Type == "ORG" && lists.Makers.Contains(entry.Canonical) && Product(s, i, i + length) is { } product) return product;
            // A quotation the name opened closes with it (`Demokratų sąjunga „Vardan Lietuvos“`).
            if (CountOf(s, i, i + length, "„", "„") > CountOf(s, i, i + length, "“", "”") && s[last + 1] is "“" or "”")
                last++;
            return (new Mention(s.Start(i), s.End(last), entry.Type, entry.Canonical, entry, [.. Words(s, i, i + length)]), last - i + 1);
        }
        return null;
    }

    private static bool HasInitial(Sentence s, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (s.Has(k, TokenFlags.Initial)) return true;
        return false;
    }

    /// <summary>Whether the base describes the person as a sportsman or coach (`krepšininkas`, `trenerė`).</summary>
    private static bool SportsPerson(KbEntry entry) =>
        entry.Related is { } about && SportsRoles.Any(r => about.Contains(r, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] SportsRoles = ["sportinink", "krepšinink", "futbolinink", "rankinink", "tinklinink", "tenisinink", "plauki", "trener",
        "žaidėj", "lengvaatlet", "biatlonin", "dviratinink", "boksinink", "imtynink", "irkluotoj", "slidinink", "čiuožėj", "šachmatinink", "lenktynin"];

    /// <summary>How many of tokens from..to (exclusive) are one of two texts.</summary>
    private static int CountOf(Sentence s, int from, int to, string a, string b)
    {
        var count = 0;
        for (var k = from; k < to; k++)
            if (s[k] is { } form && (form == a || form == b)) count++;
        return count;
    }

    /// <summary>The candidates the word at i can be a case of (<see cref="MayBeCaseOf"/>), in their order.</summary>
    private static KbEntry[] MayBeCasesOf(Sentence s, int i, KbEntry[] candidates)
    {
        var kept = 0;
        foreach (var e in candidates)
            if (MayBeCaseOf(s, i, e)) kept++;
        if (kept == candidates.Length) return candidates;
        var result = new KbEntry[kept];
        kept = 0;
        foreach (var e in candidates)
            if (MayBeCaseOf(s, i, e)) result[kept++] = e;
        return result;
    }

    /// <summary>The one person of the base with the word at i as surname, agreeing with it in gender and of whose surname
    /// it can be a case; null when none or several.</summary>
    private KbEntry? OnePersonWithSurname(Sentence s, int i)
    {
        KbEntry? one = null;
        foreach (var e in kb.FindBySurname(s.Key(i)))
        {
            var surname = e.Canonical.Split(' ')[^1];
            if (!Agrees(s, i, surname) || !CanBeCaseOf(s.Display(i), surname)) continue;
            if (one is not null) return null;
            one = e;
        }
        return one;
    }

    /// <summary>Whether the word at i can be a case of one of the entry's one-word names under its key.</summary>
    private static bool MayBeCaseOf(Sentence s, int i, KbEntry entry)
    {
        var key = s.Key(i);
        var any = false;
        foreach (var (name, nameKey) in entry.KeyedNames)
        {
            if (nameKey != key) continue;
            if (CanBeCaseOf(s.Display(i), name)) return true;
            any = true;
        }
        return !any;
    }

    /// <summary>A maker's name followed by a model (`Toyota Yaris`, `VW Golf`, `Tesla Model 3`): a product, MISC, named
    /// with the maker as written in the base and the model as written.</summary>
    private (Mention Mention, int Length)? Product(Sentence s, int i, int end)
    {
        var j = end;
        while (j < s.Count && j - end < 3 && (s.IsWord(j) && s.IsCapitalised(j) && !IsCommonWord(s.Lower(j)) && !IsTitle(s, j)
                                             || j > end && s.Kind(j) == TokenKind.Number && s.Token(j - 1).SpaceAfter))
            j++;
        if (j == end) return null;
        var name = Joined(s, i, j);
        return (new Mention(s.Start(i), s.End(j - 1), "MISC", name, null, [.. Words(s, i, j)]), j - i);
    }

    /// <summary>Whether the word at k can be a form of the surname: a feminine form a feminine surname (`-aitė`, `-ienė`,
    /// `-ska`) and a masculine form a masculine one, by the tagger's gender.</summary>
    private static bool Agrees(Sentence s, int k, string surname)
    {
        var w = surname.ToLowerInvariant();
        var feminine = w.EndsWith('ė') || w.EndsWith("ska") || w.EndsWith("ova") || w.EndsWith("eva") || w.EndsWith("ina");
        var masculine = w.EndsWith("as") || w.EndsWith("is") || w.EndsWith("us") || w.EndsWith("ys");
        return s.Morph(k).Gender switch
        {
            Gender.Masc => !feminine,
            Gender.Fem => !masculine,
            _ => true,
        };
    }

    [ThreadStatic] private static char[]? _keyBuffer;

    /// <summary>The <see cref="NameKey"/> of tokens from..to, from the sentence's cached word keys (`V.` for an initial),
    /// written into this thread's buffer: valid until the next call, so a caller looks it up at once and keeps no string.</summary>
    private static ReadOnlySpan<char> KeyOf(Sentence s, int from, int to)
    {
        var buffer = _keyBuffer ??= new char[128];
        var length = 0;
        for (var k = from; k < to; k++)
        {
            var form = k < s.Count ? s.Span(k) : default;
            if (form is "." && k > from && s.Has(k - 1, TokenFlags.Initial) || form is "-" or "–" or "—" or "," or "„" or "“" or "”" or "\"" or "«" or "»") continue;
            var initial = s.IsInitial(k);
            var part = initial ? s.Lower(k) : s.Key(k);
            var need = length + 1 + part.Length + 1;
            if (need > buffer.Length) Array.Resize(ref buffer, Math.Max(need, buffer.Length * 2));
            if (length > 0) buffer[length++] = ' ';
            part.CopyTo(buffer.AsSpan(length));
            length += part.Length;
            if (initial) buffer[length++] = '.';
        }
        _keyBuffer = buffer;
        return buffer.AsSpan(0, length);
    }

    /// <summary>Of several entries sharing a name, a place after a place preposition, a person after a title, else the first.</summary>
    private KbEntry Choose(KbEntry[] candidates, Sentence s, int i)
    {
        if (candidates.Length == 1) return candidates[0];
        var wanted = i > 0 && PlacePrepositions.Contains(s.Lower(i - 1)) ? "LOC" : IsTitle(s, i - 1) ? "PER" : null;
        return candidates.FirstOrDefault(c => c.Type == wanted) ?? candidates[0];
    }

    private bool IsTitle(Sentence s, int i) =>
        i >= 0 && s.LowerLemma(i) is { } lemma && lists.Titles.Contains(lemma);

    /// <summary>An organization, place or event head after lowercase genitives and adjectives (at most three): its type and the end of the name.</summary>
    private (string Type, int End)? HeadAfter(Sentence s, int j)
    {
        for (var k = j; k < Math.Min(s.Count, j + 7); k++)
        {
            // `Švietimo, mokslo ir kultūros komitetas`: genitives joined by a comma or `ir`/`bei`; `Kovo 11-osios gatvė`.
            if (s[k] is "," or "ir" or "bei" && s.IsWord(k + 1) && !s.IsCapitalised(k + 1) && s.Morph(k + 1).Case == Case.Gen && HeadType(s, k + 1) is null
                && s.Token(k + 1).Upos is Upos.NOUN or Upos.ADJ) continue;
            if (k == j && s.Kind(k) == TokenKind.Number && s.Form(k).Contains('-')) continue;
            // (`Vilniaus miesto 1 apylinkės teismas`: a number before lowercase genitives.)
            if (k > j && s.Kind(k) == TokenKind.Number && s.Form(k).All(char.IsDigit) && s.IsWord(k + 1) && !s.IsCapitalised(k + 1)) continue;
            if (!s.IsWord(k) || s.IsCapitalised(k) && !s.Headline) return null;
            // (A head in the genitive before a longer name's own head belongs to that name: `Šiaulių apskrities vyriausiasis
            // policijos komisariatas`.)
            if (HeadType(s, k) is { } type)
                return s.Morph(k).Case == Case.Gen && !Plural(s, k) && HeadAfter(s, k + 1) is { } longer ? longer
                    : Plural(s, k) && !PluralName(s, k, type) ? null : (type, k + 1);
            if (s.Morph(k).Case != Case.Gen && s.Token(k).Upos != Upos.ADJ) return null;
        }
        return null;
    }

    /// <summary>Whether the word is a plural: by the tagger, unless the form is also the genitive singular and a noun
    /// follows it (`Klaipėdos apskrities policijos atstovė`, `Tautų lygos varžybos`: one police, one league).</summary>
    private static bool Plural(Sentence s, int k)
    {
        if (!s.Morph(k).IsPlural) return false;
        if (s.LowerLemma(k) is not { Length: > 2 } lemma || !s.IsWord(k + 1) || s.IsCapitalised(k + 1) || s.Token(k + 1).Upos != Upos.NOUN) return true;
        var form = s.Lower(k);
        return !(lemma[^1] == 'a' && form == lemma[..^1] + "os" || lemma[^1] == 'ė' && form == lemma[..^1] + "ės");
    }

    /// <summary>A plural head still names one thing when the word has no singular (`rūmai`, `pamaldos`) or names a
    /// document (`reikalavimai`, `taisyklės`); `Lietuvos ministerijos` are several.</summary>
    private static bool PluralName(Sentence s, int k, string type) =>
        type == "MISC" || s.Lemma(k) is { } lemma && (lemma.EndsWith("ai") || lemma.EndsWith("os") || lemma.EndsWith("ės"));

    /// <summary>
    /// A run of capitalised words, initials and particles, extended over lowercase genitives to an organization,
    /// place or event head, typed and named.
    /// </summary>
    private (Mention Mention, int Length)? FromRun(Sentence s, int i, TextMemory memory)
    {
        var j = i;
        while (j < s.Count && j - i < MaxNameWords)
        {
            if (s.IsInitial(j)) j += 2;
            // `R. Š. Tikslinant aplinkybes`: after initials, a common word that is no noun opens the next sentence.
            else if (j > i && s[j - 1] == "." && s.IsWord(j) && IsCommonWord(s.Lower(j))
                     && s.Token(j).Upos is not (Upos.PROPN or Upos.NOUN or Upos.ADJ)) break;
            // (A title's word capitalised after given names is a surname: `Tautvydo Karaliaus`, `Jonas Kunigas`.)
            else if (s.IsWord(j) && s.IsCapitalised(j) && (!IsTitle(s, j) || j > i && !s.IsAcronym(j) && GivenNames(s, i, j)) && !lists.NotNames.Contains(s.Form(j))
                     && !(IsNotName(s, j) && (j == i || !s.IsAllCaps(j - 1)))
                     && (j == i || s.IsAcronym(j) == s.IsAcronym(i) || Byline(s, i, j))
                     && (!s.Headline || IsHeadlineName(s, j) || GivenNames(s, i, j) && !IsCommonWord(s.Lower(j)))) j++;
            else if (j > i && s.IsWord(j) && Particles.Contains(s.Form(j)) && s.IsCapitalised(j + 1)) j++;
            else if (DoubleSurnameDash(s, i, j)) j++;
            // `Chase‘as Simonas`, `Maurice’o Ravelio`: a foreign name's ending after an apostrophe belongs to it.
            else if (j > i && s[j] is "’" or "'" or "‘" && !s.Token(j - 1).SpaceAfter && !s.Token(j).SpaceAfter && s.IsWord(j + 1)
                     && !s.IsCapitalised(j + 1) && s.Form(j + 1).Length <= 3) j += 2;
            else break;
            // A known name starting inside the run ends it (`Rusijos Kursko srityje` is two names), unless the run so far
            // is given names (`Robertas Kaunas`, `Vaclovas Karbauskis` are people).
            if (j < s.Count && j > i && !GivenNames(s, i, j) && FromKnowledgeBase(s, j) is { Mention.Type: not "PER" } && kb.Find(KeyOf(s, i, j + 1)).Length == 0) break;
        }
        if (j == i || s[j - 1] == ".") return null;
        // A maker's name the base lacks is the maker, and with a model after it the product (`Nissan X-Trail`).
        if (lists.Makers.Contains(s.Display(i)))
            return Product(s, i, i + 1) ?? (new Mention(s.Start(i), s.End(i), "ORG", s.Display(i), null, [s.Display(i)]), 1);

        var headType = HeadType(s, j - 1);
        // A head alone is a common noun, capitalised or not (`Komiteto`, `Agentūrai`, `Partijos „Vardan Lietuvos“`);
        // the institutions known by such a word (`Seimas`, `Vyriausybė`) are the knowledge base's.
        var end = j;
        if (headType is not null && j - i == 1)
        {
            // ... unless it is a genitive before a head of its own (`Katedros aikštė`).
            if (s.Morph(i).Case != Case.Gen || HeadAfter(s, j) is not { } own) return null;
            (headType, end) = own;
        }
        // A run in the genitive grows over lowercase genitives to a head (`Laisvės prospektas`, `Mokslo ir studijų
        // įstatymas`); a person's name does not grow into what the person owns (`Jono Petraičio partija`).
        var personal = IsFirstName(s, i) || Enumerable.Range(i, j - i).Any(k => s.Has(k, TokenFlags.Initial));
        if (headType is null && s.Morph(j - 1).Case is Case.Gen or Case.None && HeadAfter(s, j) is { } head
            && !(personal && s.LowerLemma(head.End - 1) is { } owned && lists.OwnedHeads.Contains(owned)))
            (headType, end) = head;

        if ((headType ?? TypeOf(s, i, end, memory)) is not { } type) return null;
        var words = Words(s, i, end);
        var canonical = Canonical(s, i, end, type, headType is not null);
        var entry = kb.Find(NameKey.Of(canonical)).FirstOrDefault(e => e.Type == type);
        return (new Mention(s.Start(i), s.End(end - 1), type, entry?.Canonical ?? canonical, entry, [.. words]), end - i);
    }

    /// <summary>`Galeckaitė–Dabkienė`: a dash without spaces between two women's surnames, or between two surnames after a
    /// first name, joins one double surname (`Vilnius–Kaunas` are two places).</summary>
    private bool DoubleSurnameDash(Sentence s, int i, int j)
    {
        if (j <= i || s[j] is not ("–" or "-") || s.Token(j - 1).SpaceAfter || s.Token(j).SpaceAfter) return false;
        if (!s.IsWord(j - 1) || !s.IsWord(j + 1) || !s.IsCapitalised(j + 1) || s.IsAcronym(j + 1)) return false;
        bool Female(int k) => FemaleSurnameEndings.Any(e => s.Lower(k).EndsWith(e, StringComparison.Ordinal));
        bool Surname(int k) => !IsCommonWord(s.Lower(k)) && kb.Find(s.Key(k)).All(e => e.Type == "PER");
        return Female(j - 1) && Female(j + 1) || j - i >= 2 && IsFirstName(s, i) && Surname(j - 1) && Surname(j + 1);
    }

    /// <summary>A surname in capitals after given names in title case (`Laimontas DINIUS`), as bylines write them.</summary>
    private bool Byline(Sentence s, int i, int j) =>
        s.IsAcronym(j) && s.Form(j).Length >= 3 && j - i <= 2 && EndsLithuanian(s.Form(j))
        && Enumerable.Range(i, j - i).All(k => s.IsWord(k) && !s.IsAcronym(k) && (IsFirstName(s, k) || !IsCommonWord(s.Lower(k))));

    private string? HeadType(Sentence s, int k)
    {
        var lemma = s.LowerLemma(k);
        if (lemma is null) return null;
        if (lists.OrganizationHeads.Contains(lemma)) return "ORG";
        if (lists.PlaceHeads.Contains(lemma)) return "LOC";
        if (lists.MiscHeads.Contains(lemma)) return "MISC";
        return null;
    }

    /// <summary>What a run without a head is: a person (initials, a first name, a title before it, a feminine surname, a
    /// family in the plural, several words), an organization (an acronym, a trigger word before it), or a place (a
    /// place case or preposition, a place the lexicon knows).</summary>
    private string? TypeOf(Sentence s, int i, int end, TextMemory memory)
    {
        var last = s.Lower(end - 1);
        if (Enumerable.Range(i, end - i).Any(k => s.Has(k, TokenFlags.Initial))) return "PER";
        // `Vilnius-Kaunas-Klaipėda`: places joined by hyphens name the road between them.
        if (end - i == 1 && s.Form(i).Split('-', '–') is { Length: >= 2 } parts
            && parts.All(p => p.Length > 1 && kb.Find(NameKey.Word(p)).Any(e => e.Type == "LOC"))) return "LOC";
        if (IsTitle(s, i - 1)) return "PER";
        if (s.IsAcronym(i)) return "ORG";
        if (i > 0 && s.LowerLemma(i - 1) is { } before && lists.OrganizationTriggers.Contains(before)) return "ORG";
        // Capitalised common words that no head, title, earlier mention or tagger makes a name (`Švietimo`, `Geros`,
        // `Šventojo Tėvo`, `Vidaus` of `Vidaus reikalų ministras`, `Vakarų`) are not one, first names or not.
        // (A first name before a surname of the base is a person though both are words: `Gintarą Kairį`.)
        if (!memory.People.Contains(s.Key(end - 1)) && Enumerable.Range(i, end - i).All(k => IsCommonWord(s.Lower(k)) && s.Token(k).Upos != Upos.PROPN)
            && !(end - i == 2 && FirstNameBeforeSurname(s, i))) return null;
        // A first name is one person's: a plural (`Vakarai`, though `Vakaris` is a name) is not.
        if (IsFirstName(s, i) && !PluralForm(s, i)) return "PER";
        if (FemaleSurnameEndings.Any(e => last.EndsWith(e, StringComparison.Ordinal))) return "PER";
        // `Sabonių šeima`, `Landsbergiai`: a family name in the plural.
        if (end - i == 1 && s.Morph(i).IsPlural && (s.Lemma(end) is { } next && Family.Contains(next) || kb.Surname(s.Key(i)) is not null))
            return "PER";
        if (memory.People.Contains(s.Key(end - 1))) return "PER";
        if (s.Morph(end - 1).Case == Case.Loc || i > 0 && PlacePrepositions.Contains(s.Lower(i - 1))
            || s.LowerLemma(end) is { } noun && lists.PlaceNouns.Contains(noun)) return "LOC";
        // A name opened by an adjective is a place's (`Naujosios Vilnios`, `Mažosios Lietuvos`), not a person's.
        if (end - i >= 2 && s.Token(i).Upos == Upos.ADJ && IsCommonWord(s.Lower(i))) return "LOC";
        if (end - i >= 2) return "PER";
        // One word in the plural that neither the base, a family word nor a place word names (`Vakarai`, the West) is
        // no person.
        if (PluralForm(s, i)) return lexicon.IsProperDictionaryForm(NameLemma(s, i)) ? "LOC" : null;
        return lexicon.IsProperDictionaryForm(NameLemma(s, i)) ? "LOC" : "PER";
    }

    /// <summary>
    /// `Lietuvos` + `Aukščiausiajame Teisme`, `ES` + `Užsienio reikalų tarybos`: a place or organization in the genitive
    /// right before an organization names its owner, and the two are one organization.
    /// </summary>
    private static List<Mention> MergeOwners(Sentence s, List<Mention> found)
    {
        for (var k = found.Count - 2; k >= 0; k--)
        {
            var (owner, org) = (found[k], found[k + 1]);
            // (A body the base knows is named as the base names it, its owner beside it: `Seimo` + the faction, `ES` +
            // `Užsienio reikalų taryba`; one name for it throughout the text.)
            if (owner.Type is not ("LOC" or "ORG") || org.Type != "ORG" || org.Kb is not null) continue;
            var last = s.TokenEndingAt(owner.End);
            if (last < 0 || last + 1 >= s.Count || s.Start(last + 1) != org.Start) continue;
            if (s.Morph(last).Case != Case.Gen && !s.IsAcronym(last)) continue;
            found[k] = new Mention(owner.Start, org.End, "ORG", string.Join(' ', owner.NameWords) + " " + org.Canonical, null, [.. owner.NameWords, .. org.NameWords]);
            found.RemoveAt(k + 1);
        }
        return found;
    }
}
