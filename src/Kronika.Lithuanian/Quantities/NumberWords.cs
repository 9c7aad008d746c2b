using System.Collections.Frozen;
using System.Globalization;

namespace Kronika.Lithuanian.Quantities;

/// <summary>What a number word says: its value (null for indefinite amounts like `keli`) and its kind.</summary>
public readonly record struct NumberWord(double? Value, string Kind)
{
    public bool Indefinite => Value is null;
}

/// <summary>
/// Lithuanian number words in every case and gender (Data/number-words.txt): cardinals (`trys`, `trims`), collective
/// numbers used with plural-only nouns (`trejus metus`), indefinite amounts (`kelias`, `kelerius`), halves, and
/// ordinals of one to ten in every form (`pirmąjį`, `trečiajame`, `devintojo`).
/// </summary>
public sealed class NumberWords
{
    // Endings of ordinal adjectives: definite and plain, masculine and feminine, singular and plural.
    private static readonly string[] OrdinalEndings =
    [
        "asis", "ojo", "ajam", "ąjį", "uoju", "ajame", "as", "o", "am", "ą", "u", "ame",
        "oji", "osios", "ajai", "ąją", "ąja", "ojoje", "a", "os", "ai", "oje",
        "ieji", "ųjų", "iesiems", "uosius", "aisiais", "uosiuose", "i", "ų", "iems", "us", "ais", "uose",
    ];

    private readonly FrozenDictionary<string, NumberWord> _words;
    private readonly FrozenDictionary<string, int> _ordinals;

    public NumberWords(IEnumerable<string> lines)
    {
        var words = new Dictionary<string, NumberWord>(StringComparer.Ordinal);
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (parts.Length != 3) throw new FormatException($"number-words: bad line '{line}'");
            if (parts[2] == "ordinal-stem")
            {
                var value = int.Parse(parts[1], CultureInfo.InvariantCulture);
                foreach (var ending in OrdinalEndings) ordinals.TryAdd(parts[0] + ending, value);
                continue;
            }
            double? number = parts[1] == "X" ? null : double.Parse(parts[1], CultureInfo.InvariantCulture);
            words.TryAdd(parts[0], new NumberWord(number, parts[2]));
        }
        _words = words.ToFrozenDictionary(StringComparer.Ordinal);
        _ordinals = ordinals.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static NumberWords Load() => new(Resources.Lines("Quantities/Data/number-words.txt"));

    /// <summary>Every number word (not the ordinals) with what it says, for steps that build their own tables from it.</summary>
    public IEnumerable<KeyValuePair<string, NumberWord>> Words => _words;

    /// <summary>Every ordinal word form (`trečiajame`).</summary>
    public IEnumerable<string> OrdinalForms => _ordinals.Keys;

    /// <summary>The number a lowercase word names, if it is a number word.</summary>
    public bool TryGet(string lower, out NumberWord word) => _words.TryGetValue(lower, out word);

    /// <summary>The ordinal a lowercase word names (`trečiajame` → 3), or a digit ordinal (`9-ajame`, `13-ąją`).</summary>
    public int? Ordinal(string lower)
    {
        if (_ordinals.TryGetValue(lower, out var value)) return value;
        var dash = lower.IndexOf('-');
        if (dash > 0 && int.TryParse(lower.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out value)) return value;
        return null;
    }
}
