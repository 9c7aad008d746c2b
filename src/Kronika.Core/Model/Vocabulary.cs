namespace Kronika.Core.Model;

/// <summary>Interns the strings of one document (lemmas, tags) so tokens hold small ids. Id 0 is "none".</summary>
public sealed class Vocabulary
{
    private readonly List<string> _strings = [""];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Vocabulary() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _strings.Count;

    public int Intern(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return 0;
        if (_lookup.TryGetValue(value, out var id)) return id;
        var s = value.ToString();
        id = _strings.Count;
        _strings.Add(s);
        _ids.Add(s, id);
        return id;
    }

    /// <summary>The string for an id, or null for id 0.</summary>
    public string? this[int id] => id == 0 ? null : _strings[id];
}
