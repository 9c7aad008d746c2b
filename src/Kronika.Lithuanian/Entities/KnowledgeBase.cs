using System.Collections.Frozen;

namespace Kronika.Lithuanian.Entities;

/// <summary>One entity of the knowledge base: type, canonical nominative name, other names, a related name (a country's
/// capital, a city's country, a person's role), Wikidata id and where the facts came from.</summary>
public sealed record KbEntry(string Type, string Canonical, string[] Aliases, string? Related, string? Wikidata, string Source)
{
    private HashSet<string>? _keys;

    /// <summary>A copy (`with`) computes its own keys: its names may differ.</summary>
    private KbEntry(KbEntry original)
    {
        (Type, Canonical, Aliases, Related, Wikidata, Source, Coordinates, AtCapital, FormerNames) =
            (original.Type, original.Canonical, original.Aliases, original.Related, original.Wikidata, original.Source, original.Coordinates, original.AtCapital, original.FormerNames);
    }

    /// <summary>Where the place is (latitude, longitude), when the compiled base knows it.</summary>
    public (double Lat, double Lon)? Coordinates { get; init; }

    /// <summary>The <see cref="Coordinates"/> are those of the country's capital (GeoNames `PPLC`), not of the place itself.</summary>
    public bool AtCapital { get; init; }

    /// <summary>Names the organization had before (Data/former-names.tsv), each with its last day, month or year
    /// (`Ūkio ministerija` until `2018-12-31`); they are also aliases, so the old name finds today's entity.</summary>
    public (string Name, string Until)[] FormerNames { get; init; } = [];

    /// <summary>The <see cref="NameKey"/> of every name of the entry, computed once.</summary>
    public HashSet<string> Keys => _keys ??= [.. Aliases.Append(Canonical).Select(NameKey.Of)];

    private (string Name, string Key)[]? _keyedNames;

    /// <summary>Every name of the entry with its <see cref="NameKey"/>, computed once.</summary>
    public (string Name, string Key)[] KeyedNames => _keyedNames ??= [.. Aliases.Append(Canonical).Select(n => (n, NameKey.Of(n)))];
}

/// <summary>
/// The gazetteer written by this team as data (Entities/Data/kb-*.tsv): places, organizations and people with their
/// Lithuanian names and Wikidata ids. Names are looked up by <see cref="NameKey"/>, so any case of any name or alias
/// finds its entry; a person is also found by initial and surname (`V. Putinas`) and, when no other person in the
/// base shares it (of the same gender), by surname alone.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly FrozenDictionary<string, KbEntry[]> _byKey;
    private readonly FrozenDictionary<string, KbEntry[]> _surnames;
    private readonly FrozenSet<string> _firstWords;
    private readonly FrozenSet<string> _prefixes;
    // The same, looked up by a span of characters, so a caller's key needs no string of its own.
    private readonly FrozenDictionary<string, KbEntry[]>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWordsSpan;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixesSpan;

    /// <summary>The word-level prefixes of a key: `jungtin amerik valstij` → `jungtin`, `jungtin amerik`, and itself.</summary>
    private static IEnumerable<string> Prefixes(string key)
    {
        for (var at = key.IndexOf(' '); at >= 0; at = key.IndexOf(' ', at + 1)) yield return key[..at];
        yield return key;
    }

    /// <summary>Whether some name of the base starts with these words (by key), so a longer name may still match.</summary>
    public bool IsPrefix(string key) => _prefixes.Contains(key);

    /// <summary><see cref="IsPrefix(string)"/> of a key held in a span.</summary>
    public bool IsPrefix(ReadOnlySpan<char> key) => _prefixesSpan.Contains(key);

    /// <summary>Whether some name of the base starts with this word (by key): a cheap test before building longer keys.</summary>
    public bool StartsName(ReadOnlySpan<char> wordKey) => _firstWordsSpan.Contains(wordKey.IndexOf(' ') is var at and > 0 ? wordKey[..at] : wordKey);

    public KnowledgeBase(IEnumerable<KbEntry> entries)
    {
        Entries = entries.ToList();
        var byKey = new Dictionary<string, List<KbEntry>>(StringComparer.Ordinal);
        var surnames = new Dictionary<string, List<KbEntry>>(StringComparer.Ordinal);
        void Add(Dictionary<string, List<KbEntry>> index, string key, KbEntry entry)
        {
            if (key.Length == 0) return;
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            if (!list.Contains(entry)) list.Add(entry);
        }
        foreach (var e in Entries)
        {
            foreach (var name in e.Aliases.Prepend(e.Canonical))
            {
                Add(byKey, NameKey.Of(name), e);
                if (e.Type != "PER") continue;
                var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 2) continue;
                var surname = Surname(words);
                var given = words[..^surname.Length];
                // `V. Putinas` and `M. K. Čiurlionis`: the first initial, and every given name's initial.
                Add(byKey, NameKey.Of([char.ToLowerInvariant(given[0][0]) + ".", .. surname]), e);
                Add(byKey, NameKey.Of([.. given.Select(g => char.ToLowerInvariant(g[0]) + "."), .. surname]), e);
                // A regnal number is no surname (`Haraldas V` is not found as `V.`).
                if (!surname[^1].All(c => "IVXLCDM".Contains(c))) Add(surnames, NameKey.Of(surname), e);
            }
        }
        _byKey = byKey.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _surnames = surnames.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _firstWords = byKey.Keys.Concat(surnames.Keys).Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);
        _prefixes = byKey.Keys.SelectMany(Prefixes).ToFrozenSet(StringComparer.Ordinal);
        _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWordsSpan = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixesSpan = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<KbEntry> Entries { get; }

    /// <summary>The surname of a full name: the last word, with `von der`/`de`-style particles before it (`von der Leyen`).</summary>
    public static string[] Surname(string[] words)
    {
        var start = words.Length - 1;
        while (start > 1 && words[start - 1] is "von" or "der" or "van" or "de" or "da" or "di" or "la" or "le" or "bin" or "al") start--;
        return words[start..];
    }

    /// <summary>The compiled base (`kronika train kb`), embedded beside the other models.</summary>
    public const string CompiledResource = "Models/knowledge-base.tsv.gz";

    /// <summary>The team's entries only (Entities/Data/kb-*.tsv), what `kronika train kb` compiles against.</summary>
    public static KnowledgeBase LoadTeam() => new(TeamEntries());

    private static IEnumerable<KbEntry> TeamEntries() => WithFormerNames(Resources.Names
        .Where(n => n.StartsWith("Entities/Data/kb-", StringComparison.Ordinal))
        .SelectMany(Read), Resources.Lines(FormerNamesResource), FormerNamesResource);

    public const string FormerNamesResource = "Entities/Data/former-names.tsv";

    /// <summary>
    /// Each former name (type, current canonical, former name, until, source) joined to its entry: an alias, and a
    /// former name with its date. A line naming no entry of the base, or a malformed date, is an error naming the line.
    /// </summary>
    public static List<KbEntry> WithFormerNames(IEnumerable<KbEntry> entries, IEnumerable<string> lines, string file)
    {
        var list = entries.ToList();
        foreach (var line in lines)
        {
            var c = line.Split('\t');
            if (c.Length != 5) throw new FormatException($"{file}: expected 5 columns in '{line}'");
            if (!System.Text.RegularExpressions.Regex.IsMatch(c[3], @"^\d{4}(-\d{2}(-\d{2})?)?$"))
                throw new FormatException($"{file}: '{c[3]}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD) in '{line}'");
            var at = list.FindIndex(e => e.Type == c[0] && e.Canonical == c[1]);
            if (at < 0) throw new FormatException($"{file}: no {c[0]} entry named '{c[1]}' in the knowledge base, in '{line}'");
            var e = list[at];
            list[at] = e with
            {
                Aliases = e.Aliases.Contains(c[2]) ? e.Aliases : [.. e.Aliases, c[2]],
                FormerNames = [.. e.FormerNames, (c[2], c[3])],
            };
        }
        return list;
    }

    /// <summary>The team's entries merged with the compiled base: a compiled line of the same type and name as a team
    /// entry adds its names and coordinates to it; any other is an entry of its own.</summary>
    public static KnowledgeBase Load()
    {
        var entries = TeamEntries().ToList();
        if (!Resources.Names.Contains(CompiledResource)) return new(entries);
        var byKey = new Dictionary<(string, string), int>();
        for (var k = 0; k < entries.Count; k++)
            foreach (var key in entries[k].Keys) byKey.TryAdd((entries[k].Type, key), k);
        using var gzip = new System.IO.Compression.GZipStream(Resources.Open(CompiledResource), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            var c = line.Split('\t');
            if (c.Length != 9) throw new FormatException($"{CompiledResource}: expected 9 columns in '{line}'");
            var aliases = c[2].Split('|', StringSplitOptions.RemoveEmptyEntries);
            (double, double)? at = c[6].Length > 0 ? (double.Parse(c[6], System.Globalization.CultureInfo.InvariantCulture), double.Parse(c[7], System.Globalization.CultureInfo.InvariantCulture)) : null;
            var atCapital = c[8] == "capital";
            if (byKey.TryGetValue((c[0], NameKey.Of(c[1])), out var k))
            {
                var e = entries[k];
                var more = aliases.Append(c[1]).Where(a => !e.Keys.Contains(NameKey.Of(a))).ToArray();
                entries[k] = e with { Aliases = [.. e.Aliases, .. more], Coordinates = e.Coordinates ?? at, AtCapital = e.Coordinates is null ? atCapital : e.AtCapital };
                continue;
            }
            var entry = new KbEntry(c[0], c[1], aliases, c[3].Length == 0 ? null : c[3], c[4].Length == 0 ? null : c[4], c[5]) { Coordinates = at, AtCapital = atCapital };
            foreach (var key in entry.Keys) byKey.TryAdd((entry.Type, key), entries.Count);
            entries.Add(entry);
        }
        return new(entries);
    }

    private static IEnumerable<KbEntry> Read(string resource)
    {
        foreach (var line in Resources.Lines(resource))
        {
            var c = line.Split('\t');
            if (c.Length != 6) throw new FormatException($"{resource}: expected 6 columns in '{line}'");
            yield return new KbEntry(c[0], c[1], c[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                c[3].Length == 0 ? null : c[3], c[4].Length == 0 ? null : c[4], c[5]);
        }
    }

    /// <summary>The entries a name (in any case) may refer to; empty when none.</summary>
    public KbEntry[] Find(string key) => _byKey.TryGetValue(key, out var found) ? found : [];

    /// <summary><see cref="Find(string)"/> of a key held in a span.</summary>
    public KbEntry[] Find(ReadOnlySpan<char> key) => _byKeySpan.TryGetValue(key, out var found) ? found : [];

    public bool Contains(string key) => _byKey.ContainsKey(key);

    /// <summary>A surname (by key) of people in the base, shared or not, as written in their names (`Landsbergis`).</summary>
    public string? Surname(string key) =>
        _surnames.TryGetValue(key, out var people) ? Surname(people[0].Canonical.Split(' ')).Last() : null;

    /// <summary>The people with this surname (by key): a surname alone names one of them only if the caller can tell which.</summary>
    public KbEntry[] FindBySurname(string key) => _surnames.TryGetValue(key, out var people) ? people : [];
}
