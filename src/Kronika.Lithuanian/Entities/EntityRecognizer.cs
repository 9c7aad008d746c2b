using System.Collections.Frozen;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;
using Kronika.Lithuanian.Morphology;

namespace Kronika.Lithuanian.Entities;

/// <summary>The word lists the recognizer reads (Entities/Data): first names, title words, organization and place heads, triggers.</summary>
public sealed record EntityWords(
    FrozenDictionary<string, (string Name, string Gender)[]> FirstNames,
    FrozenSet<string> Titles,
    FrozenSet<string> OrganizationHeads,
    FrozenSet<string> PlaceHeads,
    FrozenSet<string> MiscHeads,
    FrozenSet<string> OrganizationTriggers,
    FrozenSet<string> NotNames)
{
    public static EntityWords Load() => new(
        // First names by their case-free key: `Gitanui`, `Gitano` and `Gitanas` find `Gitanas` (and `Gitana`, told apart by gender).
        Resources.Lines("Entities/Data/first-names.txt")
            .Select(l => l.Split('\t'))
            .GroupBy(p => NameKey.Word(p[0]))
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => (p[0], p.Length > 1 ? p[1] : "")).ToArray(), StringComparer.Ordinal),
        Resources.Set("Entities/Data/titles.txt"),
        Resources.Set("Entities/Data/org-heads.txt"),
        Resources.Set("Entities/Data/loc-heads.txt"),
        Resources.Set("Entities/Data/misc-heads.txt"),
        Resources.Set("Entities/Data/org-triggers.txt"),
        Resources.Set("Entities/Data/not-names.txt"));

    /// <summary>The nominative first name a form (any case) is, if it is one; the gender picks between `Gitanas` and `Gitana`.</summary>
    public string? FirstName(string form, string? gender)
    {
        if (!FirstNames.TryGetValue(NameKey.Word(form), out var names)) return null;
        var wanted = gender switch { "Fem" => "f", "Masc" => "m", _ => null };
        return (names.FirstOrDefault(n => n.Gender == wanted) is { Name: not null } match ? match : names[0]).Name;
    }
}

/// <summary>
/// Finds people, organizations and places, gives each mention the nominative canonical name of its entity, links
/// known entities to Wikidata, and gives every mention of one entity in the document the same id.
/// Per sentence (EntityRecognizer.Spans.cs): quoted names after a trigger (`bendrovė „Ignitis“`), then at each
/// token the longest knowledge-base name in any case, else a run of capitalised words, initials and name particles,
/// extended over lowercase genitives to an organization or place head (`Krašto apsaugos ministerija`, `Kursko
/// sritis`), and typed by its head, initials, first names, a title before it, its case and its neighbours.
/// Canonical names (EntityRecognizer.Names.cs) inflect only what inflects. Mentions of one person by full name,
/// initial and surname, or surname alone share an id (EntityRecognizer.Identity.cs).
/// </summary>
public sealed partial class EntityRecognizer(KnowledgeBase kb, EntityWords lists, MorphologyModel morphology, Lexicon lexicon) : IPipelineStep
{
    public string Name => "entities";
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Morphology;
    public Layers Provides => Layers.Entities;

    public static EntityRecognizer Load(MorphologyModel morphology, Lexicon lexicon) =>
        new(KnowledgeBase.Load(), EntityWords.Load(), morphology, lexicon);

    /// <summary>A mention before identities are assigned.</summary>
    private sealed record Mention(int Start, int End, string Type, string Canonical, KbEntry? Kb, string[] NameWords);

    public void Process(Document doc, CancellationToken ct = default)
    {
        var mentions = new List<Mention>();
        foreach (var sentence in doc.SentenceTable)
        {
            ct.ThrowIfCancellationRequested();
            mentions.AddRange(Recognize(new Sentence(doc, sentence), mentions));
        }
        AssignIdentities(doc, mentions);
    }

    /// <summary>One sentence's tokens with what the recognizer asks of them.</summary>
    private sealed class Sentence
    {
        private readonly Document _doc;
        private readonly int _first;

        public Sentence(Document doc, SentenceData data)
        {
            _doc = doc;
            _first = data.FirstToken;
            Count = data.TokenCount;
            Forms = new string[Count];
            for (var i = 0; i < Count; i++) Forms[i] = doc.Token(_first + i).Text;
            var words = Forms.Where(f => f.Length > 1 && f.Any(char.IsLetter)).ToList();
            // A headline in capitals (`LIETUVOS KARIUOMENĖ GAVO TANKŲ`): words are read in title case.
            Headline = words.Count >= 2 && words.Count(w => !w.Any(char.IsLower)) * 10 >= words.Count * 8;
        }

        public int Count { get; }
        public string[] Forms { get; }
        public bool Headline { get; }

        public Token Token(int i) => _doc.Token(_first + i);
        public int Start(int i) => _doc.TokenAt(_first + i).Start;
        public int End(int i) => _doc.TokenAt(_first + i).End;
        public bool Has(int i, TokenFlags flag) => (_doc.TokenAt(_first + i).Flags & flag) != 0;
        public TokenKind Kind(int i) => _doc.TokenAt(_first + i).Kind;
        public string? this[int i] => i >= 0 && i < Count ? Forms[i] : null;
        public string Lower(int i) => Forms[i].ToLowerInvariant();
        public string? Lemma(int i) => i >= 0 && i < Count ? Token(i).Lemma : null;

        /// <summary>The form as a name is written: title case for words of a capitals headline.</summary>
        public string Display(int i)
        {
            var f = Forms[i];
            if (!Headline || f.Length < 2 || f.Any(char.IsLower)) return f;
            return char.ToUpperInvariant(f[0]) + f[1..].ToLowerInvariant();
        }

        public bool IsCapitalised(int i) => i >= 0 && i < Count && Forms[i].Length > 0 && char.IsUpper(Forms[i][0]);

        public bool IsAcronym(int i) => !Headline && Forms[i].Length >= 2 && Forms[i].Any(char.IsLetter) && !Forms[i].Any(char.IsLower) && Kind(i) == TokenKind.Word;

        public bool IsWord(int i) => i >= 0 && i < Count && Kind(i) is TokenKind.Word;

        /// <summary>`V` `.`: an initial and its period.</summary>
        public bool IsInitial(int i) => i + 1 < Count && Has(i, TokenFlags.Initial) && Forms[i + 1] == ".";

        public string? Feature(int i, string name)
        {
            var feats = Token(i).Feats;
            if (feats is null) return null;
            var at = feats.IndexOf(name + "=", StringComparison.Ordinal);
            if (at < 0) return null;
            var end = feats.IndexOf('|', at);
            return feats[(at + name.Length + 1)..(end < 0 ? feats.Length : end)];
        }
    }
}
