using System.Collections.Frozen;
using Kronika.Core.Model;

namespace Kronika.Lithuanian.Events;

/// <summary>
/// Institutions named by a common noun (Data/institutions.tsv): `teismas nuteisė`, `Kauno policijos pareigūnai
/// sulaikė`, `prokuroras pareiškė įtarimus`. The entity step finds names, not these, so a ruling or an arrest would have
/// no actor. Each such phrase becomes an ORG mention: the body the article names whose name ends in the noun (a bare
/// `teismas` after `Vilniaus apygardos teismas` is that court), else the genitive words before the noun with the noun
/// in the nominative (`Kauno apskrities policija`), else the bare noun. The event step adds the mentions to the Entities
/// layer for as long as it reads the document, and keeps only those an event names as a participant. The people of a
/// state in the plural (Data/demonyms.tsv: `rusams apšaudžius`, `rusų ataka`) stand for the state likewise.
/// </summary>
public sealed class Institutions
{
    public const string Resource = "Events/Data/institutions.tsv";
    public const string DemonymResource = "Events/Data/demonyms.tsv";
    public const string ForcesResource = "Events/Data/forces.txt";

    private readonly FrozenDictionary<string, (string? Institution, string Kind)> _words;
    private readonly FrozenDictionary<string, (string State, string Kb)> _demonyms;
    private readonly FrozenSet<string> _forces;

    public Institutions(IEnumerable<string> lines, IEnumerable<string>? demonyms = null, IEnumerable<string>? forces = null)
    {
        var states = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var line in demonyms ?? [])
        {
            var parts = line.Split('\t');
            if (parts.Length != 3 || parts[1].Length == 0 || !parts[2].StartsWith('Q')) throw new FormatException($"{DemonymResource}: bad line '{line}'");
            states[parts[0]] = (parts[1], parts[2]);
        }
        _demonyms = states.ToFrozenDictionary(StringComparer.Ordinal);
        _forces = (forces ?? []).ToFrozenSet(StringComparer.Ordinal);
        var words = new Dictionary<string, (string?, string)>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (parts.Length != 3 || parts[2] is not ("body" or "member" or "qualified") || (parts[1] == "-") != (parts[2] == "qualified"))
                throw new FormatException($"{Resource}: bad line '{line}'");
            words[parts[0]] = (parts[1] == "-" ? null : parts[1], parts[2]);
        }
        _words = words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Whether a noun names one of an institution's people (`policininkas`, `prokurorė`): a person, not the body.</summary>
    public bool IsMember(string lemma) => _words.TryGetValue(lemma.ToLowerInvariant(), out var w) && w.Kind != "body";

    public static Institutions Load() => new(Resources.Lines(Resource), Resources.Lines(DemonymResource), Resources.Lines(ForcesResource));

    /// <summary>
    /// Adds a mention for each institution phrase no entity or reference covers; returns the mentions added (they are
    /// in <see cref="Document.Entities"/>, in text order).
    /// </summary>
    public List<EntityMention> Add(Document doc, Func<string, bool>? eventNoun = null)
    {
        var added = new List<EntityMention>();
        if (doc.TokenCount == 0) return added;
        var covered = new bool[doc.TokenCount];
        foreach (var e in doc.Entities) Cover(e.Start, e.End);
        foreach (var r in doc.References) Cover(r.Start, r.End);
        var nextId = doc.Entities.Count == 0 ? 1 : doc.Entities.Max(e => e.Id) + 1;
        for (var i = 0; i < doc.TokenCount; i++)
        {
            ref readonly var t = ref doc.TokenAt(i);
            if (covered[i] || t.Upos is not (Upos.NOUN or Upos.PROPN) || doc.Token(i).Lemma is not { } lemma) continue;
            // In the genitive only before an event noun or forces (`rusų ataka`, `rusų pajėgos`): `lietuvių bendruomenė`,
            // `rusų kalba` are no party.
            if (t.Morph.Number == Number.Plur && _demonyms.TryGetValue(lemma.ToLowerInvariant(), out var state)
                && (t.Morph.Case != Case.Gen || i + 1 < doc.TokenCount && doc.Token(i + 1).Lemma is { } next
                    && (_forces.Contains(next) || eventNoun?.Invoke(next) == true)))
            {
                var known = doc.Entities.FirstOrDefault(e => e.Kb == state.Kb || e.Type == "LOC" && e.Canonical == state.State);
                var people = new EntityMention(known?.Id ?? nextId, t.Start, t.End, "LOC", state.State, known?.Kb ?? state.Kb);
                if (known is null) nextId++;
                added.Add(people);
                Insert(doc.Entities, people);
                Cover(people.Start, people.End);
                continue;
            }
            if (t.Upos != Upos.NOUN || !_words.TryGetValue(lemma.ToLowerInvariant(), out var word)) continue;
            if (word.Kind == "body" && t.Morph.Number == Number.Plur) continue;
            // `dviejų socialdemokratų neliečiamybė`, `trys prokurorai`: counted members are people, not their body.
            if (word.Kind == "member" && i > 0 && doc.TokenAt(i - 1).Upos == Upos.NUM) continue;
            // `prokuroras Remigijus Matevičius`, `Jonas Jonaitis, teisėjas`: a member beside a name is that person.
            if (word.Kind != "body" && (NameAt(i + 1) || NameAt(i - 1) || i >= 2 && doc.Token(i - 1).Span is "," && NameAt(i - 2))) continue;
            // The institution a member belongs to, when its genitive stands right before it (`policijos pareigūnai`).
            var head = i;
            var institution = word.Institution;
            if (i > 0 && !covered[i - 1] && doc.TokenAt(i - 1).Upos == Upos.NOUN && doc.TokenAt(i - 1).Morph.Case == Case.Gen
                && doc.Token(i - 1).Lemma is { } before && _words.TryGetValue(before.ToLowerInvariant(), out var owner) && owner.Kind == "body")
                (head, institution) = (i - 1, owner.Institution);
            else if (word.Kind == "qualified") continue;
            // `Vilniaus apygardos prokuratūros prokurorai`: the body is named right before its member; the name stands for them.
            else if (i > 0 && covered[i - 1] && doc.TokenAt(i - 1).Morph.Case == Case.Gen && doc.Token(i - 1).Lemma is { } named
                     && _words.TryGetValue(named.ToLowerInvariant(), out var body) && body.Kind == "body") continue;
            // The genitive words before it that qualify it: places, districts (`Vilniaus apygardos`, `Kauno apskrities`).
            var first = head;
            while (first > 0 && first > head - 4 && doc.TokenAt(first - 1) is { Upos: Upos.NOUN or Upos.PROPN, Morph.Case: Case.Gen } && !InOtherEntity(first - 1)) first--;
            var canonical = first < head ? doc.Text[doc.TokenAt(first).Start..doc.TokenAt(head - 1).End] + " " + institution : institution!;
            var id = Known(canonical, first < head, t.Start);
            var mention = new EntityMention(id ?? nextId, doc.TokenAt(first).Start, t.End, "ORG", canonical);
            if (id is null) nextId++;
            added.Add(mention);
            Insert(doc.Entities, mention);
            Cover(mention.Start, mention.End);
        }
        return added;

        void Cover(int start, int end)
        {
            for (var k = FirstToken(doc, start); k < doc.TokenCount && doc.TokenAt(k).Start < end; k++) covered[k] = true;
        }

        bool NameAt(int k) => k >= 0 && k < doc.TokenCount && doc.TokenAt(k).Upos == Upos.PROPN;

        // A place before a court (`Vilniaus apygardos teismas`) is part of its name; a person's name is not.
        bool InOtherEntity(int k) => doc.Entities.Any(e => e.Start <= doc.TokenAt(k).Start && doc.TokenAt(k).End <= e.End && e.Type is "PER" or "MISC");

        // A named body of the article: the same name, or for a bare noun the last body whose name ends in it.
        int? Known(string canonical, bool qualified, int before)
        {
            foreach (var e in Enumerable.Reverse(doc.Entities))
                if (e.Type == "ORG" && (e.Start < before || !qualified && e.Canonical.Equals(canonical, StringComparison.OrdinalIgnoreCase)) && (e.Canonical.Equals(canonical, StringComparison.OrdinalIgnoreCase)
                                        || !qualified && e.Canonical.EndsWith(" " + canonical, StringComparison.OrdinalIgnoreCase)))
                    return e.Id;
            return null;
        }
    }

    private static void Insert(List<EntityMention> mentions, EntityMention mention)
    {
        var at = mentions.Count;
        while (at > 0 && mentions[at - 1].Start > mention.Start) at--;
        mentions.Insert(at, mention);
    }

    private static int FirstToken(Document doc, int offset)
    {
        int lo = 0, hi = doc.TokenCount;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (doc.TokenAt(mid).Start < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
