using System.Collections.Frozen;

namespace Kronika.Lithuanian.Time;

/// <summary>The Lithuanian time vocabulary of Data/time-words.txt: form → (category, value), e.g. `balandžio` → (month, 4).</summary>
public sealed class TimeWords
{
    private readonly FrozenDictionary<string, (string Category, string Value)[]> _forms;

    public TimeWords(IEnumerable<string> lines)
    {
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

    public static TimeWords Load() => new(Resources.Lines("Time/Data/time-words.txt"));

    /// <summary>The value of a lowercase form in a category (`month`, `weekday`, `unit`, …), or null.</summary>
    public string? Get(string lower, string category)
    {
        if (!_forms.TryGetValue(lower, out var entries)) return null;
        foreach (var (c, v) in entries)
            if (c == category) return v;
        return null;
    }

    /// <summary>The categories a form has in the table (none when it is not in it).</summary>
    public IEnumerable<string> Categories(string lower) => _forms.TryGetValue(lower, out var entries) ? entries.Select(e => e.Category) : [];

    /// <summary>Every form of the table.</summary>
    public IEnumerable<string> Forms => _forms.Keys;

    /// <summary>Whether the lowercase form is in the table at all.</summary>
    public bool Has(string lower) => _forms.ContainsKey(lower);
}
