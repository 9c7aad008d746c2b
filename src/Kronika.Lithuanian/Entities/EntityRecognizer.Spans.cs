using Kronika.Core.Model;

namespace Kronika.Lithuanian.Entities;

public sealed partial class EntityRecognizer
{
    private const int MaxNameWords = 7;

    private static readonly HashSet<string> Particles = ["von", "der", "van", "de", "da", "di", "la", "le", "bin", "al", "dos", "del"];

    private static readonly HashSet<string> PlacePrepositions = ["į", "iš", "link", "ties", "prie", "pro", "netoli"];

    private static readonly HashSet<string> Family = ["šeima", "giminė", "broliai", "sutuoktiniai", "pora"];

    private static readonly string[] FemaleSurnameEndings = ["ienė", "aitė", "ytė", "utė", "iūtė", "ūtė", "ienės", "aitės", "ytės", "utės", "iūtės", "ienei", "aitei", "ytei", "utei", "ienę", "aitę", "ytę", "utę", "iene", "aite", "yte", "ute", "ienėje"];

    private List<Mention> Recognize(Sentence s, List<Mention> earlier)
    {
        var found = new List<Mention>();
        var used = new bool[s.Count];
        QuotedNames(s, used, found);
        for (var i = 0; i < s.Count;)
        {
            if (used[i] || !s.IsWord(i) && !s.IsInitial(i))
            {
                i++;
                continue;
            }
            // A capitalised word opening a clause is a name only if it looks like one; it may still open a known
            // longer name (`Krašto apsaugos ministerija pranešė`).
            var before = earlier.Concat(found);
            var mention = MayStartName(s, i, before) ? FromKnowledgeBase(s, i) ?? FromRun(s, i, before)
                : s.IsCapitalised(i) && OpensClause(s, i) ? FromKnowledgeBase(s, i, minLength: 2)
                : null;
            if (mention is not { } m || Enumerable.Range(i, m.Length).Any(k => k < s.Count && used[k]))
            {
                i++;
                continue;
            }
            found.Add(m.Mention);
            for (var k = i; k < i + m.Length && k < s.Count; k++) used[k] = true;
            i += m.Length;
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return MergeOwners(s, found);
    }

    /// <summary>Whether a name can start here: a capitalised word, an acronym or an initial; at a clause start only a
    /// word the tagger, the base or the first-name list takes for a name.</summary>
    private bool MayStartName(Sentence s, int i, IEnumerable<Mention> earlier)
    {
        if (s.IsInitial(i)) return true;
        if (!s.IsWord(i) || !s.IsCapitalised(i) || lists.NotNames.Contains(s.Form(i))) return false;
        if (s.Headline) return IsHeadlineName(s, i);
        if (!OpensClause(s, i)) return true;
        // At a clause start: a known name where the tagger reads a noun (`Kremlius pareiškė`, not `Kitas`, `Viena`), a
        // first name, an acronym, or a proper noun that is not also a common word (`Lietuviai`, `Dalis` are).
        if (s.IsAcronym(i)) return true;
        // A surname the text has already given a person (`Putinas išvyko`, though `putinas` is also a shrub).
        var surnameKey = s.Key(i);
        if (earlier.Any(m => m.Type == "PER" && m.LastWordKey == surnameKey)) return true;
        var commonWord = IsCommonWord(s.Lower(i));
        var key = s.Key(i);
        if (s.Token(i).Upos is Upos.NOUN or Upos.X or Upos.PROPN && !commonWord && (kb.Contains(key) || kb.FindBySurname(key).Length > 0)) return true;
        if (s.Token(i).Upos == Upos.PROPN && kb.Contains(key)) return true;
        return !commonWord && (s.Token(i).Upos == Upos.PROPN || IsFirstName(s, i));
    }

    /// <summary>In a capitals headline every word is capitalised: a name is a known name or a proper noun of the lexicon.</summary>
    private bool IsHeadlineName(Sentence s, int i) =>
        kb.Contains(s.Key(i)) || kb.FindBySurname(s.Key(i)).Length > 0
        || !IsCommonWord(s.Lower(i)) && (IsFirstName(s, i) || lexicon.IsProperDictionaryForm(NameLemma(s, i)));

    private bool IsFirstName(Sentence s, int i) => s.IsWord(i) && lists.FirstNames.ContainsKey(s.Key(i));

    /// <summary>The first word of a sentence, quotation or dash clause is capitalised whatever it is.</summary>
    private static bool OpensClause(Sentence s, int i) => i == 0 || s[i - 1] is "„" or "\"" or "“" or "–" or "—" or ":" or "(" or "-";

    /// <summary>
    /// Names in quotes: after an organization word an organization (`bendrovė „Ignitis“`, `UAB „Maxima LT“`); a short
    /// quoted name without a verb is what the knowledge base says it is, else a named thing (`pratybas „Geležinis
    /// vilkas“`, `raketų „Patriot“`): MISC. Quoted speech is left to the other patterns.
    /// </summary>
    private void QuotedNames(Sentence s, bool[] used, List<Mention> found)
    {
        for (var i = 0; i + 2 < s.Count; i++)
        {
            if (s[i] is not ("„" or "\"")) continue;
            var close = -1;
            for (var k = i + 1; k < Math.Min(s.Count, i + 7); k++)
                if (s[k] is "“" or "\"" or "”") { close = k; break; }
            if (close <= i + 1 || Enumerable.Range(i, close - i + 1).Any(k => used[k] || k > i && k < close && s[k] is "„" or "\"")) continue;
            var trigger = i > 0 && (s.Lemma(i - 1) is { } lemma && lists.OrganizationTriggers.Contains(lemma.ToLowerInvariant())
                || lists.OrganizationTriggers.Contains(s.Lower(i - 1)) || lists.OrganizationHeads.Contains(s.Lower(i - 1)));
            var hasVerb = Enumerable.Range(i + 1, close - i - 1).Any(k => s.Token(k).Upos is Upos.VERB or Upos.AUX);
            var nameLike = s.IsCapitalised(i + 1) || s.Kind(i + 1) == TokenKind.Number || trigger;
            if (!nameLike || hasVerb || close - i - 1 > 4 || !trigger && close + 1 < s.Count && s[close + 1] is "," or "–" or "—") continue;
            var name = Joined(s, i + 1, close);
            var entry = kb.Find(NameKey.Of(name)).FirstOrDefault();
            var type = trigger ? "ORG" : entry?.Type ?? "MISC";
            if (trigger && entry is { Type: not "ORG" }) entry = null;
            found.Add(new Mention(s.Start(i + 1), s.End(close - 1), type, entry?.Canonical ?? name, entry, [name]));
            for (var k = i; k <= close; k++) used[k] = true;
            if (trigger && i > 0 && lists.OrganizationTriggers.Contains(s.Lower(i - 1))) used[i - 1] = true;
        }
    }

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
    private (Mention Mention, int Length)? FromKnowledgeBase(Sentence s, int i, int minLength = 1)
    {
        if (!s.IsWord(i) && !s.IsInitial(i) || !kb.StartsName(s.IsInitial(i) ? s.Lower(i) + "." : s.Key(i))) return null;
        // How far a name of the base can reach from here: as long as the words so far begin one.
        var reach = i;
        while (reach < s.Count && (s.IsWord(reach) || s.IsInitial(reach)))
        {
            var next = s.IsInitial(reach) ? reach + 2 : reach + 1;
            if (!kb.IsPrefix(KeyOf(s, i, next))) break;
            reach = next;
        }
        for (var length = Math.Max(reach - i, 1); length >= minLength; length--)
        {
            var last = i + length - 1;
            if (!s.IsWord(last)) continue; // a name does not end with an initial's period or punctuation
            var candidates = kb.Find(KeyOf(s, i, i + length));
            // A surname alone: the one person of the base with it, of the mention's gender (`Zelenski` is not `Zelenska`).
            if (candidates.Length == 0 && length == 1 && kb.FindBySurname(s.Key(i)).Where(e => Agrees(s, i, e.Canonical.Split(' ')[^1])).ToArray() is { Length: 1 } person)
                candidates = person;
            if (candidates.Length == 0) continue;
            var entry = Choose(candidates, s, i);
            // A first name before a capitalised word starts a person's name, whatever else it may name (`Rasa`).
            if (length == 1 && entry.Type != "PER" && IsFirstName(s, i) && s.IsCapitalised(i + 1)) continue;
            // A surname alone that the base knows is taken where the tagger reads a name or inside a sentence.
            if (length == 1 && entry.Type == "PER" && s.Token(i).Upos != Upos.PROPN && !s.Headline && OpensClause(s, i)) continue;
            if (entry.Type == "LOC" && s.Morph(last).Case == Case.Gen && HeadAfter(s, i + length) is { } head)
            {
                var end = head.End;
                return (new Mention(s.Start(i), s.End(end - 1), head.Type, Canonical(s, i, end, head.Type, hasHead: true), null, [.. Words(s, i, end)]), end - i);
            }
            return (new Mention(s.Start(i), s.End(last), entry.Type, entry.Canonical, entry, [.. Words(s, i, i + length)]), length);
        }
        return null;
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

    /// <summary>The <see cref="NameKey"/> of tokens from..to, from the sentence's cached word keys (`V.` for an initial).</summary>
    private static string KeyOf(Sentence s, int from, int to)
    {
        var sb = new System.Text.StringBuilder();
        for (var k = from; k < to; k++)
        {
            if (s[k] == "." && k > from && s.Has(k - 1, TokenFlags.Initial)) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(s.IsInitial(k) ? s.Lower(k) + "." : s.Key(k));
        }
        return sb.ToString();
    }

    /// <summary>Of several entries sharing a name, a place after a place preposition, a person after a title, else the first.</summary>
    private KbEntry Choose(KbEntry[] candidates, Sentence s, int i)
    {
        if (candidates.Length == 1) return candidates[0];
        var wanted = i > 0 && PlacePrepositions.Contains(s.Lower(i - 1)) ? "LOC" : IsTitle(s, i - 1) ? "PER" : null;
        return candidates.FirstOrDefault(c => c.Type == wanted) ?? candidates[0];
    }

    private bool IsTitle(Sentence s, int i) =>
        i >= 0 && s.Lemma(i) is { } lemma && lists.Titles.Contains(lemma.ToLowerInvariant());

    /// <summary>An organization, place or event head after lowercase genitives and adjectives (at most three): its type and the end of the name.</summary>
    private (string Type, int End)? HeadAfter(Sentence s, int j)
    {
        for (var k = j; k < Math.Min(s.Count, j + 4); k++)
        {
            if (!s.IsWord(k) || s.IsCapitalised(k) && !s.Headline) return null;
            if (HeadType(s, k) is { } type) return s.Morph(k).IsPlural ? null : (type, k + 1);
            if (s.Morph(k).Case != Case.Gen && s.Token(k).Upos != Upos.ADJ) return null;
        }
        return null;
    }

    /// <summary>
    /// A run of capitalised words, initials and particles, extended over lowercase genitives to an organization,
    /// place or event head, typed and named.
    /// </summary>
    private (Mention Mention, int Length)? FromRun(Sentence s, int i, IEnumerable<Mention> earlier)
    {
        var j = i;
        while (j < s.Count && j - i < MaxNameWords)
        {
            if (s.IsInitial(j)) j += 2;
            else if (s.IsWord(j) && s.IsCapitalised(j) && !IsTitle(s, j) && !lists.NotNames.Contains(s.Form(j))
                     && !(j > i && s.IsAcronym(j) != s.IsAcronym(i)) && (!s.Headline || IsHeadlineName(s, j))) j++;
            else if (j > i && s.IsWord(j) && Particles.Contains(s.Form(j)) && s.IsCapitalised(j + 1)) j++;
            else break;
            // A known name starting inside the run ends it (`Rusijos Kursko srityje` is two names).
            if (j < s.Count && j > i && FromKnowledgeBase(s, j) is not null && kb.Find(KeyOf(s, i, j + 1)).Length == 0) break;
        }
        if (j == i || s[j - 1] == ".") return null;

        var headType = HeadType(s, j - 1);
        // A head alone at a clause start is a common noun (`Partijos „Vardan Lietuvos“`, `Banko „Swedbank“`).
        if (headType is not null && j - i == 1 && OpensClause(s, i)) return null;
        var end = j;
        // A person's name does not grow into an organization (`Jono Petraičio partija` is not a name).
        var personal = IsFirstName(s, i) || Enumerable.Range(i, j - i).Any(k => s.Has(k, TokenFlags.Initial));
        if (headType is null && !personal && HeadAfter(s, j) is { } head) (headType, end) = head;

        var words = Words(s, i, end);
        var type = headType ?? TypeOf(s, i, end, earlier);
        var canonical = Canonical(s, i, end, type, headType is not null);
        var entry = kb.Find(NameKey.Of(canonical)).FirstOrDefault(e => e.Type == type);
        return (new Mention(s.Start(i), s.End(end - 1), type, entry?.Canonical ?? canonical, entry, [.. words]), end - i);
    }

    private string? HeadType(Sentence s, int k)
    {
        var lemma = s.Lemma(k)?.ToLowerInvariant();
        if (lemma is null) return null;
        if (lists.OrganizationHeads.Contains(lemma)) return "ORG";
        if (lists.PlaceHeads.Contains(lemma)) return "LOC";
        if (lists.MiscHeads.Contains(lemma)) return "MISC";
        return null;
    }

    /// <summary>What a run without a head is: a person (initials, a first name, a title before it, a feminine surname, a
    /// family in the plural, several words), an organization (an acronym, a trigger word before it), or a place (a
    /// place case or preposition, a place the lexicon knows).</summary>
    private string TypeOf(Sentence s, int i, int end, IEnumerable<Mention> earlier)
    {
        var last = s.Lower(end - 1);
        if (Enumerable.Range(i, end - i).Any(k => s.Has(k, TokenFlags.Initial))) return "PER";
        if (IsTitle(s, i - 1) || IsFirstName(s, i)) return "PER";
        if (s.IsAcronym(i)) return "ORG";
        if (i > 0 && s.Lemma(i - 1) is { } before && lists.OrganizationTriggers.Contains(before.ToLowerInvariant())) return "ORG";
        if (FemaleSurnameEndings.Any(e => last.EndsWith(e, StringComparison.Ordinal))) return "PER";
        // `Sabonių šeima`, `Landsbergiai`: a family name in the plural.
        if (end - i == 1 && s.Morph(i).IsPlural && (s.Lemma(end) is { } next && Family.Contains(next) || kb.Surname(s.Key(i)) is not null))
            return "PER";
        var key = s.Key(end - 1);
        if (earlier.Any(m => m.Type == "PER" && m.LastWordKey == key)) return "PER";
        if (s.Morph(end - 1).Case == Case.Loc || i > 0 && PlacePrepositions.Contains(s.Lower(i - 1))) return "LOC";
        if (end - i >= 2) return "PER";
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
            if (owner.Type is not ("LOC" or "ORG") || org.Type != "ORG") continue;
            var last = s.TokenEndingAt(owner.End);
            if (last < 0 || last + 1 >= s.Count || s.Start(last + 1) != org.Start) continue;
            if (s.Morph(last).Case != Case.Gen && !s.IsAcronym(last)) continue;
            found[k] = new Mention(owner.Start, org.End, "ORG", string.Join(' ', owner.NameWords) + " " + org.Canonical, null, [.. owner.NameWords, .. org.NameWords]);
            found.RemoveAt(k + 1);
        }
        return found;
    }
}
