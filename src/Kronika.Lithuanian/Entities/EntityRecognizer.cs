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
    FrozenSet<string> NotNames,
    FrozenSet<string> OwnedHeads,
    FrozenSet<string> Makers,
    FrozenSet<string> PlaceNouns,
    FrozenSet<string> ProductTriggers,
    FrozenSet<string> SportsWords,
    FrozenSet<string> PlayWords)
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
        Resources.Set("Entities/Data/not-names.txt"),
        Resources.Set("Entities/Data/owned-heads.txt"),
        Resources.Set("Entities/Data/makers.txt"),
        Resources.Set("Entities/Data/place-nouns.txt"),
        Resources.Set("Entities/Data/product-triggers.txt"),
        Resources.Set("Entities/Data/sports-words.txt"),
        Resources.Set("Entities/Data/play-words.txt"));

    /// <summary>The nominative first name a form (any case) is, if it is one; the gender picks between `Gitanas` and `Gitana`.</summary>
    public string? FirstName(string form, Gender gender) => FirstNameOf(NameKey.Word(form), form, gender);

    public string? FirstNameByKey(string key, Gender gender) => FirstNameOf(key, null, gender);

    /// <summary>Whether the list has exactly this name for a person of this gender (`Justina` is not a man's).</summary>
    public bool IsFirstNameOf(string name, Gender gender) =>
        FirstNames.GetValueOrDefault(NameKey.Word(name)) is { } names
        && names.Any(n => n.Name == name && (gender switch { Gender.Fem => n.Gender == "f", Gender.Masc => n.Gender == "m", _ => true }));

    /// <summary>Of the names sharing a key, the one the form is (`Justin` itself), else of the wanted gender the one
    /// whose stem the form continues longest (`Dalios` → `Dalia`, not `Dalė`; `Romai` → `Roma`).</summary>
    private string? FirstNameOf(string key, string? form, Gender gender)
    {
        // Soft stems key two ways (`Dalia` → `dali`, `Dalios` → `dal`): a form also asks the key with `i`.
        var names = (FirstNames.GetValueOrDefault(key) ?? []).Concat(form is null ? [] : FirstNames.GetValueOrDefault(key + "i") ?? []).ToArray();
        if (names.Length == 0) return null;
        if (form is not null && names.FirstOrDefault(n => n.Name == form) is { Name: not null } exact) return exact.Name;
        var wanted = gender switch { Gender.Fem => "f", Gender.Masc => "m", _ => null };
        // A woman's name the list lacks (`Romai` when it has only `Romas`) is left to the lemmatizer.
        var pool = names.Where(n => n.Gender == wanted).ToArray() is { Length: > 0 } same ? same : wanted == "f" && form is not null ? [] : names;
        if (pool.Length == 0) return null;
        if (form is null) return pool[0].Name;
        // A form with an ending past the shared stem is a declined name: of equal stems, one that declines
        // (`Justiną` → `Justinas`, not `Justin`; `Mykolo` → `Mykolas`, not `Mykola`).
        return pool.OrderByDescending(n => Common(n.Name, form))
            .ThenBy(n => form.Length > Common(n.Name, form) && n.Name.Length == Common(n.Name, form) ? 1 : 0)
            // `Gabrielių`, `Gabrieliaus`, `Gabrieliumi` are forms of `-ius` names only (`Gabrielis` has `Gabrielį`, `Gabrielio`).
            .ThenByDescending(n => (form.EndsWith("ių") || form.EndsWith("iaus") || form.EndsWith("iumi")) && n.Name.EndsWith("ius") ? 1 : 0)
            .ThenByDescending(n => form.Length > Common(n.Name, form) && (n.Name.EndsWith("as") || n.Name.EndsWith("is") || n.Name.EndsWith("us") || n.Name.EndsWith("ys")) ? 1 : 0)
            .ThenBy(n => n.Name.Length - Common(n.Name, form)).First().Name;

        static int Common(string a, string b)
        {
            var k = 0;
            while (k < a.Length && k < b.Length && char.ToLowerInvariant(a[k]) == char.ToLowerInvariant(b[k])) k++;
            return k;
        }
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
    private int _commonWordCount;

    /// <summary>Whether the lexicon knows the lowercase form as a common word (`dalis`, `lietuviai`, `putinas` the shrub).</summary>
    private bool IsCommonWord(string lower)
    {
        if (_commonWords.TryGetValue(lower, out var common)) return common;
        common = lexicon.Analyze(lower).Any(a => !char.IsUpper(a.Headword.Text[0]))
                 // A definite adjective the dictionary lists by its plain form (`paskutinysis` of `paskutinis`, `naujoji` of `nauja`).
                 || IndefiniteOf(lower) is { } plain && lexicon.Analyze(plain).Any(a => !char.IsUpper(a.Headword.Text[0]));
        // (A count of its own: the dictionary's Count takes all its locks.)
        if (_commonWordCount < 200_000 && _commonWords.TryAdd(lower, common)) Interlocked.Increment(ref _commonWordCount);
        return common;
    }

    /// <summary>The plain adjective a definite nominative is made of (`paskutinysis` → `paskutinis`, `naujasis` → `naujas`,
    /// `naujoji` → `nauja`, `didžiosios` → `didžios`); null for any other word.</summary>
    private static string? IndefiniteOf(string lower) =>
        lower.Length < 6 ? null
        : lower.EndsWith("ysis", StringComparison.Ordinal) ? lower[..^4] + "is"
        : lower.EndsWith("asis", StringComparison.Ordinal) ? lower[..^4] + "as"
        : lower.EndsWith("usis", StringComparison.Ordinal) ? lower[..^4] + "us"
        : lower.EndsWith("oji", StringComparison.Ordinal) ? lower[..^3] + "a"
        : lower.EndsWith("osios", StringComparison.Ordinal) ? lower[..^5] + "os"
        : null;

    public static EntityRecognizer Load(MorphologyModel morphology, Lexicon lexicon) =>
        new(KnowledgeBase.Load(), EntityWords.Load(), morphology, lexicon);

    /// <summary>A mention before identities are assigned.</summary>
    internal sealed record Mention(int Start, int End, string Type, string Canonical, KbEntry? Kb, string[] NameWords)
    {
        /// <summary>For an acronym the text defined (`Lietuvos vyskupų konferencija (LVK)`), the mention it stands for.</summary>
        public Mention? StandsFor { get; init; }

        private string? _key, _surnameKey, _lastWordKey;

        /// <summary>The key of the name's last word as written (`Putino` → `putin`).</summary>
        public string LastWordKey => _lastWordKey ??= NameWords.Length == 0 ? "" : NameKey.Word(NameWords[^1]);

        /// <summary>The canonical name's <see cref="NameKey"/>, computed once.</summary>
        public string Key => _key ??= NameKey.Of(Canonical);

        public string SurnameKey => _surnameKey ??= NameKey.Of(KnowledgeBase.Surname(Canonical.Split(' ')));

        /// <summary>The given name or initial, when the name has one before the surname: for a person of the base, the
        /// one the text wrote (`M. Stankevičiaus` gives `M.`, whatever first names the base has).</summary>
        public string? Given
        {
            get
            {
                var words = Written ? NameWords : Canonical.Split(' ');
                return words.Length > KnowledgeBase.Surname(words).Length ? words[0] : null;
            }
        }

        /// <summary>A person of the base named by the words of the text rather than the base's full name.</summary>
        private bool Written => Kb is { Type: "PER" } && NameWords.Length > 0;

        /// <summary>The surname as the text wrote it is its nominative (`K. Beršta`, `E.Jankauskas`), not one the
        /// lemmatizer made from another case (`Berštą` → `Berštas`).</summary>
        public bool SurnameAsWritten => Type == "PER" && Kb is null && NameWords.Length > 0 && !NameWords[^1].EndsWith('.')
                                        && Canonical.Split(' ')[^1] == NameWords[^1];

        /// <summary>The same mention without its link to the base, named by the words of the text and the base's surname
        /// (`M. Stankevičius`), for a person the text names otherwise than the base does.</summary>
        public Mention Unlinked()
        {
            var surname = Canonical.Split(' ')[^1];
            return new Mention(Start, End, Type, Given is { } given ? given + " " + surname : surname, null, NameWords);
        }
    }

    public void Process(Document doc, CancellationToken ct = default)
    {
        var mentions = new List<Mention>();
        var memory = new TextMemory();
        foreach (var sentence in doc.SentenceTable)
        {
            ct.ThrowIfCancellationRequested();
            mentions.AddRange(Recognize(new Sentence(doc, sentence), memory));
        }
        AssignIdentities(doc, FirstNamesAlone(OneTypePerName(ProductsNotMakers(mentions))));
    }

    /// <summary>A first name alone (`su Dovydu`) is the one person the text named with it (`Dovydui Kaminskui`), when
    /// there is one; a full name is then its name.</summary>
    private List<Mention> FirstNamesAlone(List<Mention> mentions)
    {
        // The full names' given names, keyed once for the whole text.
        List<(string Given, string Canonical)>? full = null;
        for (var k = 0; k < mentions.Count; k++)
        {
            if (mentions[k] is not { Type: "PER", Kb: null, NameWords.Length: 1 } m || !lists.FirstNames.ContainsKey(m.LastWordKey)) continue;
            full ??= [.. mentions.Where(o => o.Type == "PER" && o.Canonical.Contains(' ') && o.Given is { } g && !g.EndsWith('.')).Select(o => (NameKey.Word(o.Given!), o.Canonical))];
            var named = full.Where(o => o.Given == m.LastWordKey).Select(o => o.Canonical).Distinct().ToList();
            if (named.Count == 1) mentions[k] = m with { Canonical = named[0] };
        }
        return mentions;
    }

    /// <summary>A name the text has shown to be an organization's (`komitetas „Alytaus piliečiai“`) is that
    /// organization where the text says less (`„Alytaus piliečiams“` alone): one entity, not a named thing beside it.</summary>
    private static List<Mention> OneTypePerName(List<Mention> mentions)
    {
        var organizations = mentions.Where(m => m.Type == "ORG").Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        if (organizations.Count == 0) return mentions;
        for (var k = 0; k < mentions.Count; k++)
            if (mentions[k] is { Type: "MISC", Kb: null } m && organizations.Contains(m.Key))
                mentions[k] = m with { Type = "ORG" };
        return mentions;
    }

    /// <summary>A maker's name that the text also uses for its product (`„Volvo“ apvirto` beside `automobilis „Volvo“`)
    /// names the product throughout: one entity per name in an article.</summary>
    private List<Mention> ProductsNotMakers(List<Mention> mentions)
    {
        var products = mentions.Where(m => m.Type == "MISC").Select(m => NameKey.Of(m.NameWords)).ToHashSet(StringComparer.Ordinal);
        if (products.Count == 0) return mentions;
        for (var k = 0; k < mentions.Count; k++)
            if (mentions[k] is { Type: "ORG" } m && lists.Makers.Contains(m.Canonical) && products.Contains(NameKey.Of(m.NameWords)))
                mentions[k] = m with { Type = "MISC", Kb = null, Canonical = string.Join(' ', m.NameWords) };
        return mentions;
    }

    /// <summary>What the text has said so far that later sentences read. Sets and maps, so each lookup costs the same
    /// however long the text.</summary>
    private sealed class TextMemory
    {
        /// <summary>The last-word keys of the people named so far (`Putino` → `putin`).</summary>
        public HashSet<string> People { get; } = new(StringComparer.Ordinal);

        /// <summary>Acronyms the text defined, with the mention of what they stand for (`LVK` → `Lietuvos vyskupų konferencija`).</summary>
        public Dictionary<string, Mention> Acronyms { get; } = new(StringComparer.Ordinal);

        /// <summary>The keys of quoted names the text has used for sports teams (`„Riteriai“`): the same name is the team
        /// in later sentences too.</summary>
        public HashSet<string> Teams { get; } = new(StringComparer.Ordinal);

        /// <summary>Words the document defined as its own short terms (`(toliau – Komitetas)`), by key: common nouns of
        /// the text, not names.</summary>
        public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);

        /// <summary>The entries of the base the text has named so far (`Europos Komisija` before a bare `Komisija`).</summary>
        public HashSet<KbEntry> Known { get; } = new(ReferenceEqualityComparer.Instance);
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

        public ReadOnlySpan<char> Span(int i) => _doc.Text.AsSpan(Start(i), _doc.TokenAt(_first + i).Length);

        /// <summary>Whether token i is exactly this text, compared in place (no string is made for the token).</summary>
        public bool Is(int i, string text) => i >= 0 && i < Count && Span(i).SequenceEqual(text);

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
            // Tokens are in text order: a binary search, so a sentence of any length costs log n per lookup.
            int lo = 0, hi = Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var e = End(mid);
                if (e == end) return mid;
                if (e < end) lo = mid + 1;
                else hi = mid - 1;
            }
            return -1;
        }

        public bool Has(int i, TokenFlags flag) => (_doc.TokenAt(_first + i).Flags & flag) != 0;
        public TokenKind Kind(int i) => _doc.TokenAt(_first + i).Kind;
        public string? this[int i] => i >= 0 && i < Count ? Form(i) : null;
        private readonly string?[] _lower;

        public string Lower(int i) => _lower[i] ??= Form(i).ToLowerInvariant();
        public string? Lemma(int i) => i >= 0 && i < Count ? Token(i).Lemma : null;

        private string?[]? _lowerLemmas;

        /// <summary>The lemma in lower case, made once per token (most lemmas are lower case already: no copy).</summary>
        public string? LowerLemma(int i)
        {
            if (i < 0 || i >= Count || Token(i).Lemma is not { } lemma) return null;
            _lowerLemmas ??= new string?[Count];
            return _lowerLemmas[i] ??= HasUpper(lemma) ? lemma.ToLowerInvariant() : lemma;
        }

        private static bool HasUpper(string s)
        {
            foreach (var c in s)
                if (char.IsUpper(c)) return true;
            return false;
        }

        /// <summary>The form as a name is written: title case for words of a capitals headline.</summary>
        public string Display(int i)
        {
            var f = Form(i);
            if (!Headline || f.Length < 2 || f.Any(char.IsLower)) return f;
            return char.ToUpperInvariant(f[0]) + f[1..].ToLowerInvariant();
        }

        public bool IsCapitalised(int i) => i >= 0 && i < Count && char.IsUpper(_doc.Text[Start(i)]);

        /// <summary>Every letter a capital and at least two of them, headline or not.</summary>
        public bool IsAllCaps(int i) => Kind(i) == TokenKind.Word && Span(i).Length >= 2 && !HasLower(Span(i));

        public bool IsAcronym(int i) => !Headline && Kind(i) == TokenKind.Word && Span(i).Length >= 2 && !HasLower(Span(i));

        public bool IsWord(int i) => i >= 0 && i < Count && Kind(i) is TokenKind.Word;

        /// <summary>`V` `.`: an initial and its period.</summary>
        public bool IsInitial(int i) => i + 1 < Count && Has(i, TokenFlags.Initial) && _doc.Text[Start(i + 1)] == '.';

        public Morph Morph(int i) => _doc.TokenAt(_first + i).Morph;
    }
}
