using Kronika.Core.Model;
using Kronika.Core.Pipeline;

namespace Kronika.Lithuanian.References;

/// <summary>
/// The References layer: words that refer to a person or body without naming it, each pointed at an entity id.
/// <list type="bullet">
/// <item>A role noun or title (References/Data/roles.tsv), with a country or ministry before it (`Rusijos prezidentas`,
/// `finansų ministrė`): the person the article ties to that role — by apposition (`ministras Kęstutis Budrys`,
/// `Jonas Jonaitis, bendrovės vadovas,`) or because the office-holder table says they held it on the publication
/// date — the nearest before it, else the first after it; failing that, for an office, its holder on that date
/// (office-holders.tsv), added to the Entities layer as a mention on the role noun.</item>
/// <item>A pronoun (`jis`, `ji`, `jie`; `jo`, `jos`, `jų` before `teigimu` or after `pasak`) or a noun standing for
/// the last person spoken of (`pašnekovė`, `politikas`): the nearest compatible antecedent (gender and number),
/// within this and the two sentences before, a subject preferred in the nearest sentence that has one. Names inside
/// direct quotes are not antecedents, and pronouns inside them are left alone.</item>
/// <item>A bare name (`Komisija` → Europos Komisija, names.tsv) and an acronym the article defined in brackets after
/// a name (`Seimo švietimo komitetas (ŠMKK)`).</item>
/// </list>
/// One pass over the tokens; linear in their number and the mentions kept for the sentence window.
/// </summary>
public sealed class ReferenceResolver(ReferenceWords words) : IPipelineStep
{
    /// <summary>How many sentences back a pronoun looks for its antecedent (this one and three before).</summary>
    private const int PronounWindow = 3;

    /// <summary>How many sentences back a `pašnekovas`-like noun looks for its person.</summary>
    private const int PersonWindow = 4;

    public string Name => "references";
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Morphology | Layers.Entities;
    public Layers Provides => Layers.References;

    public static ReferenceResolver Load() => new(ReferenceWords.Load());

    /// <summary>A role an entity is known to hold: the role key, its base key (`minister` for `minister-finance`) and the country or body.</summary>
    private readonly record struct RoleTag(string Role, string Base, string? Country);

    /// <summary>A role phrase found in the text: its tokens (with qualifiers), role keys and country qualifier.</summary>
    private readonly record struct RoleMention(int First, int Last, RolePhrase Phrase, string Role, string? Country, int? Org);

    /// <summary>A mention a pronoun may point back to.</summary>
    private readonly record struct Candidate(int Token, int Entity, bool Person, Gender Gender, bool Subject, int Sentence);

    public void Process(Document doc, CancellationToken ct = default)
    {
        doc.Layers |= Layers.References;
        if (doc.TokenCount == 0) return;
        var n = doc.TokenCount;
        var mentionAt = new int[n];
        Array.Fill(mentionAt, -1);
        MapMentions(doc, mentionAt);
        var inQuote = QuotedTokens(doc);
        var genders = new Dictionary<int, Gender>();
        var tags = new Dictionary<int, List<RoleTag>>();
        foreach (var m in doc.Entities)
        {
            if (m.Type != "PER" || genders.ContainsKey(m.Id)) continue;
            genders[m.Id] = words.GenderOfName(m.Canonical);
            if (doc.Date is { } date)
                foreach (var o in words.Offices)
                    if (o.HeldOn(date) && (m.Kb is not null && m.Kb == o.Wikidata || m.Canonical == o.Name))
                        AddTag(tags, m.Id, new RoleTag(o.Role, BaseOf(o.Role), o.Country));
        }

        // First pass: role phrases, and the roles apposition gives the people named with them.
        var roles = new List<RoleMention>();
        for (var t = 0; t < n; t++)
        {
            if (doc.TokenAt(t).Kind != TokenKind.Word) continue;
            if (FindRole(doc, t, mentionAt) is not { } role) continue;
            // `valstybių vadovai`, `JAV ir Rusijos prezidentų`: a plural role is several people, none of them one entity.
            if (doc.TokenAt(role.Last).Morph.Number == Number.Plur) { t = role.Last; continue; }
            var named = NamedAfter(doc, role.Last, mentionAt) ?? NamedBefore(doc, role.First, mentionAt);
            if (named is { } person && doc.Entities[person].Type == "PER")
                AddTag(tags, doc.Entities[person].Id, new RoleTag(role.Role, role.Phrase.Role, role.Country ?? OrgName(doc, role.Org)));
            else
                roles.Add(role);
            t = role.Last;
        }

        // Second pass, in text order: mentions become antecedents; roles, pronouns, names and acronyms are resolved.
        var references = new List<Reference>();
        var antecedents = new List<Candidate>();
        var officeIds = new Dictionary<OfficeHolder, int>();
        var fitting = new Dictionary<(string, string, string?, bool, Gender), (List<(int End, int Id)> List, bool Ordered)>();
        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in doc.Entities) firstByName.TryAdd(m.Canonical, m.Id);
        var acronyms = DefinedAcronyms(doc, mentionAt);
        var nextId = doc.Entities.Count == 0 ? 1 : doc.Entities.Max(e => e.Id) + 1;
        var added = new List<EntityMention>();
        var r = 0;
        var sentence = 0;
        // Sentences counted for the antecedent window: a sentence inside a direct quote does not put the speaker named
        // before the quote further away (`stojo A. Širinskienė. „…? … . …“ – kalbėjo ji`).
        var told = 0;
        for (var t = 0; t < n; t++)
        {
            ct.ThrowIfCancellationRequested();
            while (sentence + 1 < doc.SentenceCount && doc.SentenceTable[sentence + 1].FirstToken <= t)
            {
                sentence++;
                if (!inQuote[doc.SentenceTable[sentence].FirstToken]) told++;
            }
            ref readonly var token = ref doc.TokenAt(t);
            if (r < roles.Count && roles[r].First <= t)
            {
                var role = roles[r++];
                var plural = doc.TokenAt(role.Last).Morph.Number == Number.Plur;
                var id = role.Phrase.IsPerson
                    ? plural ? null : Antecedent(antecedents, told, PersonWindow, role.Phrase.Gender, plural: false, personOnly: true)
                    : ResolveRole(doc, role, role.Last, tags, genders, mentionAt, officeIds, ref nextId, added, fitting);
                // `„…“, – dėstė policijos vadovas`: a role the article ties to nobody, speaking in the tail after a quote,
                // is the person last spoken of (outside the tail's own clause).
                if (id is null && !plural && QuoteTailClause(doc, role.First, doc.SentenceTable[sentence].FirstToken) is var tail and >= 0)
                    id = Antecedent(antecedents, told, PersonWindow, role.Phrase.Gender, plural: false, personOnly: true, skipFrom: tail);
                if (id is { } found)
                {
                    references.Add(new Reference(doc.TokenAt(role.First).Start, doc.TokenAt(role.Last).End, found));
                    if (!inQuote[role.Last])
                        antecedents.Add(new Candidate(role.Last, found, true, role.Phrase.Gender, doc.TokenAt(role.Last).Morph.Case == Case.Nom, told));
                }
                t = role.Last;
                continue;
            }
            var mention = mentionAt[t];
            if (mention >= 0)
            {
                var m = doc.Entities[mention];
                var last = t + 1 >= n || mentionAt[t + 1] != mention;
                if (last && !inQuote[t] && m.Type is "PER" or "ORG")
                    antecedents.Add(new Candidate(t, m.Id, m.Type == "PER", genders.GetValueOrDefault(m.Id), token.Morph.Case is Case.Nom or Case.None, told));
                continue;
            }
            if (token.Kind != TokenKind.Word || inQuote[t]) continue;
            var form = doc.Text.AsSpan(token.Start, token.Length);
            if (words.IsPronoun(form, out var pronoun) && token.Upos is Upos.PRON or Upos.DET)
            {
                var genitive = token.Morph.Case == Case.Gen;
                // `jos` is a feminine genitive singular or a nominative plural; the tagger's number tells.
                var plural = pronoun.Plural || form.Equals("jos", StringComparison.OrdinalIgnoreCase) && token.Morph.Number == Number.Plur;
                if (genitive && !(t + 1 < n && IsSourceWord(doc, t + 1) || t > 0 && IsSourceWord(doc, t - 1))) continue;
                // `– su ministrės D. Šakalienės darbotvarke kalbėjo ji`: a subject after its verb is not the person named in
                // its own clause before it (it governs that clause); its antecedent stands outside the reporting tail.
                var tailStart = !genitive && t > 0 && doc.TokenAt(t - 1).Upos == Upos.VERB ? ClauseStart(doc, t, doc.SentenceTable[sentence].FirstToken) : int.MaxValue;
                if (Antecedent(antecedents, told, PronounWindow, pronoun.Gender, plural, personOnly: !plural, skipFrom: tailStart) is { } id)
                    references.Add(new Reference(token.Start, token.End, id));
                continue;
            }
            if (acronyms.Count > 0 && acronyms.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(form, out var org))
            {
                references.Add(new Reference(token.Start, token.End, org));
                continue;
            }
            if (char.IsUpper(form[0]) && doc.Vocabulary[token.Lemma] is { } lemma && BareName(doc, lemma, t, added, firstByName, ref nextId) is { } body)
                references.Add(new Reference(token.Start, token.End, body));
        }
        if (added.Count > 0)
        {
            doc.Entities.AddRange(added);
            doc.Entities.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        }
        doc.References.AddRange(references);
    }

    private bool IsSourceWord(Document doc, int t)
    {
        ref readonly var d = ref doc.TokenAt(t);
        return words.IsSourceWord(doc.Text.AsSpan(d.Start, d.Length));
    }

    private static string BaseOf(string role) => role.StartsWith("minister-", StringComparison.Ordinal) ? "minister" : role;

    private static void AddTag(Dictionary<int, List<RoleTag>> tags, int id, RoleTag tag)
    {
        if (!tags.TryGetValue(id, out var list)) tags[id] = list = [];
        if (!list.Contains(tag)) list.Add(tag);
    }

    private static string? OrgName(Document doc, int? mention) => mention is { } m ? doc.Entities[m].Canonical : null;

    /// <summary>For each token, the index of the entity mention that covers it, or -1.</summary>
    private static void MapMentions(Document doc, int[] mentionAt)
    {
        var e = 0;
        for (var t = 0; t < doc.TokenCount; t++)
        {
            ref readonly var d = ref doc.TokenAt(t);
            while (e < doc.Entities.Count && doc.Entities[e].End <= d.Start) e++;
            if (e < doc.Entities.Count && doc.Entities[e].Start <= d.Start && d.End <= doc.Entities[e].End) mentionAt[t] = e;
        }
    }

    /// <summary>How many paragraph breaks one quote may run over (as in the Attribution step).</summary>
    private const int MaxQuoteParagraphs = 8;

    /// <summary>Tokens inside „…“ or "…" quote marks; a Lithuanian quote may run over a few paragraphs.</summary>
    private static bool[] QuotedTokens(Document doc)
    {
        var quoted = new bool[doc.TokenCount];
        var open = -1;
        var carried = 0;
        for (var t = 0; t < doc.TokenCount; t++)
        {
            ref readonly var d = ref doc.TokenAt(t);
            if ((d.Flags & TokenFlags.ParagraphStart) != 0 && open >= 0)
            {
                if (doc.Text[doc.TokenAt(open).Start] == '„' && carried < MaxQuoteParagraphs) carried++;
                else open = -1;
            }
            if (d.Kind == TokenKind.Punctuation && d.Length == 1)
            {
                var c = doc.Text[d.Start];
                if (c is '„' && !(open >= 0 && carried > 0) || c is '"' && open < 0) { open = t; carried = 0; continue; }
                if (c is '“' or '”' or '"' && open >= 0)
                {
                    for (var k = open + 1; k < t; k++) quoted[k] = true;
                    Unquote(doc, quoted, open, t);
                    open = -1;
                    carried = 0;
                }
            }
        }
        return quoted;
    }

    /// <summary>`„…, – sakė jis. – …“`: the words between the dashes of an interrupted quote are the article's.</summary>
    private static void Unquote(Document doc, bool[] quoted, int open, int close)
    {
        for (var k = open + 2; k + 1 < close; k++)
        {
            if (!IsDash(doc, k) || !(IsPunct(doc, k - 1, ',') || IsPunct(doc, k - 1, '?') || IsPunct(doc, k - 1, '!'))) continue;
            for (var j = k + 2; j < close; j++)
                if (IsDash(doc, j) && (IsPunct(doc, j - 1, '.') || IsPunct(doc, j - 1, ',') || (doc.TokenAt(j).Flags & TokenFlags.ParagraphStart) != 0))
                {
                    for (var i = k - 1; i <= j; i++) quoted[i] = false;
                    return;
                }
            return;
        }
    }

    private static bool IsDash(Document doc, int t) =>
        doc.TokenAt(t).Kind == TokenKind.Punctuation && doc.TokenAt(t).Length == 1 && doc.Text[doc.TokenAt(t).Start] is '–' or '—' or '-';

    /// <summary>The role phrase starting at a token, with the country, body or ministry before it.</summary>
    private RoleMention? FindRole(Document doc, int t, int[] mentionAt)
    {
        var lemma = Lemma(doc, t);
        if (lemma is null) return null;
        foreach (var phrase in words.RolesStartingWith(lemma))
        {
            var last = t + phrase.Words.Length - 1;
            // A phrase may start on a name (`Seimo pirmininkas`, `Komisijos pirmininkė`), never end on one.
            if (last >= doc.TokenCount || mentionAt[last] >= 0) continue;
            var ok = true;
            for (var k = 1; k < phrase.Words.Length && ok; k++)
                ok = mentionAt[t + k] < 0 && Matches(doc, t + k, phrase.Words[k]);
            if (!ok) continue;
            // `ministras pirmininkas` only when `pirmininkas` is not followed by a genitive of its own.
            var first = t;
            while (first > 0 && mentionAt[t] >= 0 && mentionAt[first - 1] == mentionAt[t]) first--;
            var role = phrase.Role;
            if (phrase.Role == "minister")
                foreach (var (ministry, key) in words.Ministries)
                    if (first - ministry.Length >= 0 && EndsWith(doc, first, ministry, mentionAt))
                    {
                        first -= ministry.Length;
                        role = key;
                        break;
                    }
            string? country = null;
            int? org = null;
            // `ministerijos (ŠMM) sekretorius`: the name before a bracketed acronym.
            if (first > 3 && IsPunct(doc, first - 1, ')') && IsPunct(doc, first - 3, '(') && mentionAt[first - 4] >= 0) first -= 3;
            if (first > 0 && mentionAt[first - 1] >= 0 && doc.TokenAt(first - 1).Morph.Case is Case.Gen or Case.None)
            {
                var m = doc.Entities[mentionAt[first - 1]];
                var start = first - 1;
                while (start > 0 && mentionAt[start - 1] == mentionAt[first - 1]) start--;
                if (m.Type == "LOC") country = m.Canonical;
                else if (m.Type == "ORG") { org = mentionAt[first - 1]; country = m.Canonical; }
                if (m.Type is "LOC" or "ORG") first = start;
            }
            return new RoleMention(first, last, phrase, role, country, org);
        }
        return null;
    }

    private static bool IsPunct(Document doc, int t, char c) =>
        doc.TokenAt(t).Kind == TokenKind.Punctuation && doc.Text[doc.TokenAt(t).Start] == c;

    private static bool EndsWith(Document doc, int before, string[] words, int[] mentionAt)
    {
        for (var k = 0; k < words.Length; k++)
        {
            var t = before - words.Length + k;
            if (mentionAt[t] >= 0 || !Matches(doc, t, words[k])) return false;
        }
        return true;
    }

    private static bool Matches(Document doc, int t, string word)
    {
        ref readonly var d = ref doc.TokenAt(t);
        if (d.Kind != TokenKind.Word) return false;
        return string.Equals(doc.Vocabulary[d.Lemma], word, StringComparison.OrdinalIgnoreCase)
            || doc.Text.AsSpan(d.Start, d.Length).Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A token's lemma (the role lists are looked up case-insensitively).</summary>
    private static string? Lemma(Document doc, int t)
    {
        ref readonly var d = ref doc.TokenAt(t);
        return doc.Vocabulary[d.Lemma] is { Length: > 0 } l ? l : null;
    }

    /// <summary>A PER mention right after a role phrase (past a title abbreviation: `infektologė doc. Rūta Jakštienė`), as its mention index.</summary>
    private static int? NamedAfter(Document doc, int last, int[] mentionAt)
    {
        var t = last + 1;
        if (t + 1 < doc.TokenCount && (doc.TokenAt(t).Flags & TokenFlags.Abbreviation) != 0 && (doc.TokenAt(t + 1).Flags & TokenFlags.AbbreviationPeriod) != 0) t += 2;
        return t < doc.TokenCount && mentionAt[t] >= 0 ? mentionAt[t] : null;
    }

    /// <summary>`Jonas Jonaitis, bendrovės vadovas,`: a PER mention and a comma right before the phrase, a comma after it.</summary>
    private static int? NamedBefore(Document doc, int first, int[] mentionAt)
    {
        // `Laurynas Kasčiūnas, opozicijos lyderis,`: genitive words before the role that no phrase of the list covers.
        for (var k = 0; k < GenitiveQualifiers && first > 2 && mentionAt[first - 1] < 0 && IsGenitiveWord(doc, first - 1); k++) first--;
        if (first < 2 || !IsComma(doc, first - 1) || mentionAt[first - 2] < 0) return null;
        return mentionAt[first - 2];
    }

    /// <summary>How many genitive words may stand between a name's comma and the role after it (`, Seimo opozicijos lyderis`).</summary>
    private const int GenitiveQualifiers = 3;

    private static bool IsGenitiveWord(Document doc, int t) =>
        doc.TokenAt(t).Kind == TokenKind.Word && doc.TokenAt(t).Upos is Upos.NOUN or Upos.ADJ && doc.TokenAt(t).Morph.Case == Case.Gen;

    private static bool IsComma(Document doc, int t) => doc.TokenAt(t).Kind == TokenKind.Punctuation && doc.Text[doc.TokenAt(t).Start] == ',';

    /// <summary>
    /// The person a bare role refers to: one the article ties to the role (the nearest mention before, else the first
    /// after), else the office holder on the publication date. Null when neither is known.
    /// </summary>
    private int? ResolveRole(Document doc, RoleMention role, int at, Dictionary<int, List<RoleTag>> tags, Dictionary<int, Gender> genders,
        int[] mentionAt, Dictionary<OfficeHolder, int> officeIds, ref int nextId, List<EntityMention> added,
        Dictionary<(string, string, string?, bool, Gender), (List<(int End, int Id)> List, bool Ordered)> fitting)
    {
        // The people who fit this kind of role, in text order, found once per kind (a long article has many roles).
        var kind = (role.Role, role.Phrase.Role, role.Country, role.Org is not null, role.Phrase.Gender);
        if (!fitting.TryGetValue(kind, out var people))
        {
            var list = new List<(int End, int Id)>();
            foreach (var m in doc.Entities)
            {
                if (m.Type != "PER" || !tags.TryGetValue(m.Id, out var held) || !held.Any(tag => Fits(tag, role))) continue;
                var g = genders.GetValueOrDefault(m.Id);
                if (g != Gender.None && role.Phrase.Gender != g) continue;
                list.Add((m.End, m.Id));
            }
            fitting[kind] = people = (list, Ordered(list));
        }
        // The last that ends before the role, else the first after it: a binary search where the mentions end in text
        // order (nested mentions may not), else a scan.
        var start = doc.TokenAt(at).Start;
        int? before = null, after = null;
        if (people.Ordered)
        {
            int lo = 0, hi = people.List.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (people.List[mid].End <= start) lo = mid + 1;
                else hi = mid;
            }
            if (lo > 0) before = people.List[lo - 1].Id;
            if (lo < people.List.Count) after = people.List[lo].Id;
        }
        else
            foreach (var (end, id) in people.List)
                if (end <= start) before = id;
                else after ??= id;
        if ((before ?? after) is { } person) return person;
        foreach (var id in added.Where(m => m.Type == "PER").Select(m => m.Id))
            if (tags.TryGetValue(id, out var list) && list.Any(tag => Fits(tag, role))) return id;
        // A ministry named without a country is Lithuania's (`finansų ministras`).
        var country = role.Country ?? role.Phrase.Country ?? (role.Role != role.Phrase.Role ? "Lietuva" : null);
        if (country is null || doc.Date is not { } date) return null;
        var holder = words.Offices.FirstOrDefault(o => o.Role == role.Role && o.Country == country && o.HeldOn(date));
        if (holder is null) return null;
        if (officeIds.TryGetValue(holder, out var known)) return known;
        var existing = doc.Entities.FirstOrDefault(m => m.Type == "PER" && (holder.Wikidata is not null && m.Kb == holder.Wikidata || m.Canonical == holder.Name));
        if (existing is not null) return officeIds[holder] = existing.Id;
        var newId = nextId++;
        ref readonly var head = ref doc.TokenAt(role.Last);
        // The mention is the role noun itself (`premjerė`, `pirmininkas` of `Seimo pirmininkas`), not the names before it.
        var headFirst = role.Last - role.Phrase.Words.Length + 1;
        while (headFirst < role.Last && mentionAt[headFirst] >= 0) headFirst++;
        added.Add(new EntityMention(newId, doc.TokenAt(headFirst).Start, head.End, "PER", holder.Name, holder.Wikidata));
        tags[newId] = [new RoleTag(role.Role, role.Phrase.Role, country)];
        genders[newId] = role.Phrase.Gender;
        return officeIds[holder] = newId;
    }

    private static bool Ordered(List<(int End, int Id)> people)
    {
        for (var i = 1; i < people.Count; i++)
            if (people[i].End < people[i - 1].End) return false;
        return true;
    }

    /// <summary>Whether a known role fits a role phrase: the same role (or the same base, when either names no ministry) and country.</summary>
    private static bool Fits(RoleTag tag, RoleMention role)
    {
        // `ŠMM atstovas`: whoever the article ties to that body by any role speaks for it.
        if (role.Phrase.Role is "representative" or "spokesperson" && role.Org is not null && tag.Country == role.Country) return true;
        var sameRole = tag.Role == role.Role || tag.Base == role.Phrase.Role && (tag.Role == tag.Base || role.Role == role.Phrase.Role);
        if (!sameRole) return false;
        return role.Country is null || tag.Country is null || tag.Country == role.Country;
    }

    /// <summary>
    /// The antecedent of a pronoun: in the nearest sentence (within the window) that has a compatible mention before it,
    /// the last subject, else the last mention. Persons for singular pronouns; bodies or persons for plural ones.
    /// </summary>
    private static int? Antecedent(List<Candidate> antecedents, int sentence, int window, Gender gender, bool plural, bool personOnly, int skipFrom = int.MaxValue)
    {
        int? best = null;
        var bestSentence = -1;
        for (var i = antecedents.Count - 1; i >= 0; i--)
        {
            var a = antecedents[i];
            if (a.Sentence < sentence - window || bestSentence >= 0 && a.Sentence < bestSentence) break;
            if (a.Token >= skipFrom && !a.Subject) continue;
            // A plural pronoun refers back to a body that was a subject (`Ministerija pranešė … Jų teigimu`).
            if (personOnly && !a.Person || plural && (a.Person || !a.Subject)) continue;
            if (!plural && gender != Gender.None && a.Gender != Gender.None && a.Gender != gender) continue;
            if (!plural && a.Gender == Gender.None && gender != Gender.None && a.Person) continue;
            if (best is null) { best = a.Entity; bestSentence = a.Sentence; if (a.Subject) return best; continue; }
            if (a.Subject) return a.Entity;
        }
        return best;
    }

    /// <summary>
    /// When a token stands in the article's tail after a direct quote (`„…“, – dėstė policijos vadovas`): the first token
    /// of that clause, right after its dash; else -1. Quote marks of a name inside the clause are passed over.
    /// </summary>
    /// <summary>How far back from a role its tail's dash may stand (a bound that keeps text without punctuation linear).</summary>
    private const int TailReach = 60;

    private static int QuoteTailClause(Document doc, int t, int sentenceFirst)
    {
        var k = t - 1;
        sentenceFirst = Math.Max(sentenceFirst, t - TailReach);
        while (k >= sentenceFirst && !(doc.TokenAt(k).Kind == TokenKind.Punctuation && doc.Text[doc.TokenAt(k).Start] is ',' or '–' or '—' or ':' or ';' or '(' or ')' or '.'))
            k--;
        if (k < sentenceFirst || k < 1 || !IsDash(doc, k)) return -1;
        var before = k - 1;
        if (before > 0 && doc.TokenAt(before).Kind == TokenKind.Punctuation && doc.Text[doc.TokenAt(before).Start] is ',' or '?' or '!' or '…') before--;
        return doc.TokenAt(before).Kind == TokenKind.Punctuation && doc.Text[doc.TokenAt(before).Start] is '“' or '”' or '"' ? k + 1 : -1;
    }

    /// <summary>The first token of the clause a token stands in: after the last dash, comma or closing quote before it in its sentence.</summary>
    private static int ClauseStart(Document doc, int t, int sentenceFirst)
    {
        for (var k = t - 1; k > sentenceFirst; k--)
            if (doc.Text.AsSpan(doc.TokenAt(k).Start, doc.TokenAt(k).Length) is "–" or "—" or "," or "“" or "\"") return k + 1;
        return sentenceFirst;
    }

    /// <summary>`Seimo Švietimo komitetas (ŠMKK)`: an acronym in brackets right after an ORG mention, mapped to its entity id.</summary>
    private static Dictionary<string, int> DefinedAcronyms(Document doc, int[] mentionAt)
    {
        var acronyms = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 1; t + 2 < doc.TokenCount; t++)
        {
            if (mentionAt[t - 1] < 0 || doc.Entities[mentionAt[t - 1]].Type != "ORG" || mentionAt[t] >= 0) continue;
            if (doc.Text[doc.TokenAt(t).Start] != '(' || doc.Text[doc.TokenAt(t + 2).Start] != ')') continue;
            ref readonly var a = ref doc.TokenAt(t + 1);
            var form = doc.Text.Substring(a.Start, a.Length);
            if (form.Length < 2 || !form.All(char.IsUpper)) continue;
            var org = doc.Entities[mentionAt[t - 1]].Id;
            if (mentionAt[t + 1] >= 0 && doc.Entities[mentionAt[t + 1]].Id == org) continue;
            acronyms.TryAdd(form, org);
        }
        return acronyms;
    }

    /// <summary>
    /// `Komisija` → Europos Komisija when the article names it, or names the body that licenses the bare word (then the
    /// word becomes the body's mention in the Entities layer).
    /// </summary>
    /// <param name="named">The first entity id of each name among the article's entities.</param>
    private int? BareName(Document doc, string lemma, int t, List<EntityMention> added, Dictionary<string, int> named, ref int nextId)
    {
        foreach (var (word, canonical, trigger, wikidata) in words.Names)
        {
            if (!lemma.Equals(word, StringComparison.OrdinalIgnoreCase)) continue;
            if (named.TryGetValue(canonical, out var body)) return body;
            // Few are added (a body or office holder once each): a scan of them stays linear in the article.
            if (added.FirstOrDefault(m => m.Canonical == canonical) is { } made) return made.Id;
            if (!named.ContainsKey(trigger)) return null;
            ref readonly var d = ref doc.TokenAt(t);
            var id = nextId++;
            added.Add(new EntityMention(id, d.Start, d.End, "ORG", canonical, wikidata));
            return id;
        }
        return null;
    }
}
