using System.Collections.Frozen;
using System.Globalization;
using Kronika.Core.Model;

namespace Kronika.Lithuanian.References;

/// <summary>A role phrase of References/Data/roles.tsv: its words as lemmas, role key, gender and default country.</summary>
public sealed record RolePhrase(string[] Words, string Role, Gender Gender, string? Country)
{
    /// <summary>A role an office-holder table row can fill (not a generic role such as `atstovas`).</summary>
    public bool IsPerson => Role == "person";
}

/// <summary>One row of References/Data/office-holders.tsv.</summary>
public sealed record OfficeHolder(string Role, string Country, string Name, string? Wikidata, DateOnly Start, DateOnly? End)
{
    public bool HeldOn(DateOnly date) => Start <= date && (End is not { } end || date < end);
}

/// <summary>A pronoun of References/Data/pronouns.tsv.</summary>
public readonly record struct PronounInfo(Gender Gender, bool Plural);

/// <summary>
/// The word lists of References/Data, read through <see cref="Resources"/>: role phrases, ministries, pronouns, bare
/// names, channels, office holders and source words, and the given names of Entities/Data (for a person's gender).
/// </summary>
public sealed class ReferenceWords
{
    private readonly FrozenDictionary<string, RolePhrase[]> _rolesByFirst;
    private readonly FrozenDictionary<string, PronounInfo> _pronouns;
    private readonly FrozenDictionary<string, Gender> _firstNames;
    private readonly FrozenSet<string> _channels;
    private readonly FrozenSet<string> _sourceNouns;

    public ReferenceWords(IEnumerable<string> roles, IEnumerable<string> ministries, IEnumerable<string> pronouns,
        IEnumerable<string> names, IEnumerable<string> channels, IEnumerable<string> offices, IEnumerable<string> firstNames,
        IEnumerable<string> sourceWords)
    {
        _rolesByFirst = Rows(roles, "roles", 3, 4)
            .Select(p => new RolePhrase(p[0].Split(' '), p[1], GenderOf(p[2], "roles"), p.Length > 3 && p[3].Length > 0 ? p[3] : null))
            .GroupBy(r => r.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(r => r.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        Ministries = [.. Rows(ministries, "ministries", 2, 2).Select(p => (p[0].Split(' '), p[1])).OrderByDescending(m => m.Item1.Length)];
        _pronouns = Rows(pronouns, "pronouns", 3, 3)
            .ToFrozenDictionary(p => p[0], p => new PronounInfo(p[1] == "-" ? Gender.None : GenderOf(p[1], "pronouns"),
                p[2] switch { "pl" => true, "sg" => false, _ => throw new FormatException($"pronouns: bad number '{p[2]}'") }), StringComparer.OrdinalIgnoreCase);
        Names = [.. Rows(names, "names", 4, 4).Select(p => (p[0], p[1], p[2], p[3]))];
        _channels = channels.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Offices = [.. Rows(offices, "office-holders", 5, 7).Select(p => new OfficeHolder(p[0], p[1], p[2], p[3].Length > 0 ? p[3] : null,
            Date(p[4]), p.Length > 5 && p[5].Length > 0 ? Date(p[5]) : null))];
        _firstNames = Rows(firstNames, "first-names", 2, 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => GenderOf(g.First()[1], "first-names"), StringComparer.Ordinal);
        _sourceNouns = sourceWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public static ReferenceWords Load() => new(
        Resources.Lines("References/Data/roles.tsv"),
        Resources.Lines("References/Data/ministries.tsv"),
        Resources.Lines("References/Data/pronouns.tsv"),
        Resources.Lines("References/Data/names.tsv"),
        Resources.Lines("References/Data/channels.txt"),
        Resources.Lines("References/Data/office-holders.tsv"),
        Resources.Lines("Entities/Data/first-names.txt"),
        Resources.Lines("References/Data/source-words.txt"));

    /// <summary>Ministry words (as lemmas) and the role key they give, longest first.</summary>
    public IReadOnlyList<(string[] Words, string Role)> Ministries { get; }

    /// <summary>Bare words for one body: lemma, the body's canonical name, the name whose presence licenses it, its Wikidata id.</summary>
    public IReadOnlyList<(string Lemma, string Canonical, string Trigger, string Wikidata)> Names { get; }

    public IReadOnlyList<OfficeHolder> Offices { get; }

    /// <summary>The role phrases that start with this lemma, longest first (none: empty).</summary>
    public RolePhrase[] RolesStartingWith(string lemma) => _rolesByFirst.TryGetValue(lemma, out var r) ? r : [];

    public bool IsPronoun(ReadOnlySpan<char> form, out PronounInfo info) => _pronouns.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(form, out info);

    /// <summary>Whether a name is a news agency, broadcaster or portal (`BNS`, `Eltai`'s ELTA, `LRT`).</summary>
    public bool IsChannel(string name) => _channels.Contains(name);

    /// <summary>`teigimu`, `nuomone`, `pasak`…: beside these a genitive pronoun names a source.</summary>
    public bool IsSourceWord(ReadOnlySpan<char> form) => _sourceNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(form);

    /// <summary>
    /// A person's gender from their canonical name: the given name's (first-names.txt), else the surname's ending
    /// (`-ienė`, `-aitė`, `-ytė`, `-utė`, `-ė`, `-a` feminine; `-as`, `-is`, `-ys`, `-us` masculine), else none.
    /// </summary>
    public Gender GenderOfName(string canonical)
    {
        var space = canonical.IndexOf(' ');
        if (space > 0 && _firstNames.TryGetValue(canonical[..space], out var g)) return g;
        var last = canonical[(canonical.LastIndexOf(' ') + 1)..];
        if (last.EndsWith('ė') || last.EndsWith('a')) return Gender.Fem;
        if (last.EndsWith("as") || last.EndsWith("is") || last.EndsWith("ys") || last.EndsWith("us")) return Gender.Masc;
        return Gender.None;
    }

    private static Gender GenderOf(string s, string file) => s switch
    {
        "m" => Gender.Masc,
        "f" => Gender.Fem,
        _ => throw new FormatException($"{file}: bad gender '{s}'"),
    };

    private static DateOnly Date(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new FormatException($"office-holders: bad date '{s}'");

    private static IEnumerable<string[]> Rows(IEnumerable<string> lines, string file, int min, int max) =>
        lines.Select(l => l.Split('\t') is var p && p.Length >= min && p.Length <= max ? p : throw new FormatException($"{file}: bad line '{l}'"));
}
