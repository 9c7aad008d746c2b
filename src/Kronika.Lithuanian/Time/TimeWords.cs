using System.Collections.Frozen;

namespace Kronika.Lithuanian.Time;

/// <summary>
/// The Lithuanian time vocabulary of Data/time-words.txt: form → (category, value), e.g. `balandžio` → (month, 4); and
/// the nouns of people and groups of Data/person-nouns.txt (lemma → `person` or `group`), which tell an age from a length.
/// </summary>
public sealed class TimeWords
{
    private readonly FrozenDictionary<string, (string Category, string Value)[]> _forms;
    private readonly FrozenDictionary<string, string> _nouns;
    private readonly (string Ending, string Kind)[] _endings;

    public TimeWords(IEnumerable<string> lines, IEnumerable<string>? nouns = null)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var endings = new List<(string, string)>();
        foreach (var line in nouns ?? [])
        {
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Length < 2 || parts[1] is not ("person" or "group" or "none")) throw new FormatException($"person-nouns: bad line '{line}'");
            if (parts[0][0] == '-') endings.Add((parts[0][1..], parts[1]));
            else kinds[parts[0]] = parts[1];
        }
        _nouns = kinds.ToFrozenDictionary(StringComparer.Ordinal);
        _endings = endings.ToArray();
        var forms = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (parts.Length != 3) throw new FormatException($"time-words: bad line '{line}'");
            if (!forms.TryGetValue(parts[0], out var list)) forms[parts[0]] = list = [];
            if (!list.Contains((parts[1], parts[2]))) list.Add((parts[1], parts[2]));
        }
        _forms = forms.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    public static TimeWords Load() => new(Resources.Lines("Time/Data/time-words.txt"), Resources.Lines("Time/Data/person-nouns.txt"));

    /// <summary>
    /// Whether a lemma is a noun of a person (`vyras`, `vairuotoja`) or, with <paramref name="kind"/> `group`, of a group
    /// (`rinktinė`). A lemma listed is what its line says; one not listed is a person when it has a person's ending
    /// (`krepšininkas`, `gydytoja`).
    /// </summary>
    public bool IsNoun(string lemma, string kind)
    {
        if (_nouns.TryGetValue(lemma, out var k)) return k == kind;
        foreach (var (ending, endingKind) in _endings)
            if (endingKind == kind && lemma.Length > ending.Length + 1 && lemma.EndsWith(ending, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The value of a lowercase form in a category (`month`, `weekday`, `unit`, …), or null.</summary>
    public string? Get(string lower, string category)
    {
        if (!_forms.TryGetValue(lower, out var entries)) return null;
        foreach (var (c, v) in entries)
            if (c == category) return v;
        return null;
    }

    /// <summary>A lowercase form's (category, value) entries in the table; empty when it is not in it.</summary>
    public (string Category, string Value)[] Entries(string lower) => _forms.TryGetValue(lower, out var entries) ? entries : [];

    /// <summary>The categories a form has in the table (none when it is not in it).</summary>
    public IEnumerable<string> Categories(string lower) => _forms.TryGetValue(lower, out var entries) ? entries.Select(e => e.Category) : [];

    /// <summary>Every form of the table.</summary>
    public IEnumerable<string> Forms => _forms.Keys;

    /// <summary>Whether the lowercase form is in the table at all.</summary>
    public bool Has(string lower) => _forms.ContainsKey(lower);
}
