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
    public string? FirstName(string form, Gender gender) => FirstNameByKey(NameKey.Word(form), gender);

    public string? FirstNameByKey(string key, Gender gender)
    {
        if (!FirstNames.TryGetValue(key, out var names)) return null;
        var wanted = gender switch { Gender.Fem => "f", Gender.Masc => "m", _ => null };
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

    // A memo of a pure function (lowercase form → is it a common word of the lexicon), shared by all threads.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _commonWords = new(StringComparer.Ordinal);

    /// <summary>Whether the lexicon knows the lowercase form as a common word (`dalis`, `lietuviai`, `putinas` the shrub).</summary>
    private bool IsCommonWord(string lower)
    {
        if (_commonWords.TryGetValue(lower, out var common)) return common;
        common = lexicon.Analyze(lower).Any(a => !char.IsUpper(a.Headword.Text[0]));
        if (_commonWords.Count < 200_000) _commonWords.TryAdd(lower, common);
        return common;
    }

    public static EntityRecognizer Load(MorphologyModel morphology, Lexicon lexicon) =>
        new(KnowledgeBase.Load(), EntityWords.Load(), morphology, lexicon);

    /// <summary>A mention before identities are assigned.</summary>
    private sealed record Mention(int Start, int End, string Type, string Canonical, KbEntry? Kb, string[] NameWords)
    {
        private string? _key, _surnameKey, _lastWordKey;

        /// <summary>The key of the name's last word as written (`Putino` → `putin`).</summary>
        public string LastWordKey => _lastWordKey ??= NameWords.Length == 0 ? "" : NameKey.Word(NameWords[^1]);

        /// <summary>The canonical name's <see cref="NameKey"/>, computed once.</summary>
        public string Key => _key ??= NameKey.Of(Canonical);

        public string SurnameKey => _surnameKey ??= NameKey.Of(KnowledgeBase.Surname(Canonical.Split(' ')));

        /// <summary>The given name or initial, when the canonical name has one before the surname.</summary>
        public string? Given
        {
            get
            {
                var words = Canonical.Split(' ');
                return words.Length > KnowledgeBase.Surname(words).Length ? words[0] : null;
            }
        }
    }

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
            _forms = new string?[Count];
            _keys = new string?[Count];
            _lower = new string?[Count];
            // A headline in capitals (`LIETUVOS KARIUOMENĖ GAVO TANKŲ`): words are read in title case.
            int words = 0, capitals = 0;
            for (var i = 0; i < Count; i++)
            {
                var f = Span(i);
                if (f.Length < 2 || !char.IsLetter(f[0])) continue;
                words++;
                if (!HasLower(f)) capitals++;
            }
            Headline = words >= 2 && capitals * 10 >= words * 8;
        }

        private readonly string?[] _keys;

        public int Count { get; }
        private readonly string?[] _forms;

        /// <summary>The tokens' forms, each made into a string only when asked for.</summary>
        public string Form(int i) => _forms[i] ??= _doc.Text.Substring(Start(i), _doc.TokenAt(_first + i).Length);

        private ReadOnlySpan<char> Span(int i) => _doc.Text.AsSpan(Start(i), _doc.TokenAt(_first + i).Length);

        private static bool HasLower(ReadOnlySpan<char> s)
        {
            foreach (var c in s)
                if (char.IsLower(c)) return true;
            return false;
        }

        /// <summary>The word's <see cref="NameKey"/>, computed once.</summary>
        public string Key(int i) => _keys[i] ??= NameKey.Word(Display(i));
        public bool Headline { get; }

        public Token Token(int i) => _doc.Token(_first + i);
        public int Start(int i) => _doc.TokenAt(_first + i).Start;
        public int End(int i) => _doc.TokenAt(_first + i).End;
        /// <summary>The index of the token ending at a character offset, or -1.</summary>
        public int TokenEndingAt(int end)
        {
            for (var t = 0; t < Count; t++)
                if (End(t) == end) return t;
            return -1;
        }

        public bool Has(int i, TokenFlags flag) => (_doc.TokenAt(_first + i).Flags & flag) != 0;
        public TokenKind Kind(int i) => _doc.TokenAt(_first + i).Kind;
        public string? this[int i] => i >= 0 && i < Count ? Form(i) : null;
        private readonly string?[] _lower;

        public string Lower(int i) => _lower[i] ??= Form(i).ToLowerInvariant();
        public string? Lemma(int i) => i >= 0 && i < Count ? Token(i).Lemma : null;

        /// <summary>The form as a name is written: title case for words of a capitals headline.</summary>
        public string Display(int i)
        {
            var f = Form(i);
            if (!Headline || f.Length < 2 || f.Any(char.IsLower)) return f;
            return char.ToUpperInvariant(f[0]) + f[1..].ToLowerInvariant();
        }

        public bool IsCapitalised(int i) => i >= 0 && i < Count && char.IsUpper(_doc.Text[Start(i)]);

        public bool IsAcronym(int i) => !Headline && Kind(i) == TokenKind.Word && Span(i).Length >= 2 && !HasLower(Span(i));

        public bool IsWord(int i) => i >= 0 && i < Count && Kind(i) is TokenKind.Word;

        /// <summary>`V` `.`: an initial and its period.</summary>
        public bool IsInitial(int i) => i + 1 < Count && Has(i, TokenFlags.Initial) && _doc.Text[Start(i + 1)] == '.';

        public Morph Morph(int i) => _doc.TokenAt(_first + i).Morph;
    }
}
