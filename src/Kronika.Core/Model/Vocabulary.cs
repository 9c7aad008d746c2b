using System.Runtime.CompilerServices;

namespace Kronika.Core.Model;

/// <summary>Interns the strings of one document (lemmas, tags) so tokens hold small ids. Id 0 is "none".</summary>
public sealed class Vocabulary
{
    private readonly List<string> _strings = [""];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    // The last string instance interned in each of 256 slots (by the instance's identity): the tagger gives every
    // token of a form the same lemma, tag and feature strings, so most are found here without hashing their text.
    private readonly (string? Value, int Id)[] _recent = new (string?, int)[256];

    public Vocabulary() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _strings.Count;

    public int Intern(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return 0;
        if (_lookup.TryGetValue(value, out var id)) return id;
        return Add(value.ToString());
    }

    public int Intern(string value)
    {
        if (value.Length == 0) return 0;
        ref var recent = ref _recent[RuntimeHelpers.GetHashCode(value) & 255];
        if (ReferenceEquals(recent.Value, value)) return recent.Id;
        if (!_ids.TryGetValue(value, out var id)) id = Add(value);
        recent = (value, id);
        return id;
    }

    private int Add(string value)
    {
        var id = _strings.Count;
        _strings.Add(value);
        _ids.Add(value, id);
        return id;
    }

    /// <summary>The string for an id, or null for id 0.</summary>
    public string? this[int id] => id == 0 ? null : _strings[id];
}
