using System.Collections.Frozen;

namespace Kronika.Lithuanian.Tokenization;

/// <summary>How a capitalised word after an abbreviation's period is read (see Data/abbreviations.txt).</summary>
public enum AbbreviationClass : byte
{
    None,
    Title,
    Count,
    Unit,
}

/// <summary>The abbreviation list, looked up without allocating.</summary>
public sealed class Abbreviations
{
    private readonly FrozenDictionary<string, AbbreviationClass> _map;
    private readonly FrozenDictionary<string, AbbreviationClass>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Abbreviations(IEnumerable<string> lines)
    {
        var map = new Dictionary<string, AbbreviationClass>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Enum.TryParse<AbbreviationClass>(parts[1], ignoreCase: true, out var cls) || cls == AbbreviationClass.None)
                throw new FormatException($"abbreviations: bad line '{line}'");
            map[parts[0]] = cls;
            // Sentence-initial capitalisation: "Pvz." is "pvz.".
            var capitalised = char.ToUpperInvariant(parts[0][0]) + parts[0][1..];
            map.TryAdd(capitalised, cls);
        }
        _map = map.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Abbreviations Load() => new(Resources.Lines("Tokenization/Data/abbreviations.txt"));

    public AbbreviationClass Classify(ReadOnlySpan<char> word) =>
        _lookup.TryGetValue(word, out var cls) ? cls : AbbreviationClass.None;
}
