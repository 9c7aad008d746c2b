using System.Collections.Frozen;
using System.Globalization;

namespace Kronika.Lithuanian.Time;

/// <summary>
/// Holidays by name (Data/holidays.txt): `Kalėdos` is 25 December, `Velykos` Easter Sunday, `Motinos diena` the first
/// Sunday of May. Each form of a name, one or more words, maps to a rule that gives the day in any year.
/// </summary>
public sealed class Holidays
{
    private readonly FrozenDictionary<string, (string[] Words, string Rule)[]> _byFirstWord;

    public Holidays(IEnumerable<string> lines)
    {
        var byFirst = new Dictionary<string, List<(string[], string)>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (parts.Length != 2 || Day(parts[1], 2000) is null) throw new FormatException($"holidays: bad line '{line}'");
            var words = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!byFirst.TryGetValue(words[0], out var list)) byFirst[words[0]] = list = [];
            list.Add((words, parts[1]));
        }
        // Longest names first, so `Naujųjų metų išvakarės` wins over `Naujųjų metų`.
        _byFirstWord = byFirst.ToFrozenDictionary(p => p.Key, p => p.Value.OrderByDescending(e => e.Item1.Length).ToArray(), StringComparer.Ordinal);
    }

    public static Holidays Load() => new(Resources.Lines("Time/Data/holidays.txt"));

    /// <summary>Whether a lowercase word can begin a holiday's name.</summary>
    public bool Starts(string lower) => _byFirstWord.ContainsKey(lower);

    /// <summary>Every word a holiday's name can start with.</summary>
    public IEnumerable<string> FirstWords => _byFirstWord.Keys;

    /// <summary>The holiday whose name starts at <paramref name="first"/> in the lowercase words: its rule and length in words.</summary>
    public (string Rule, int Length)? Match(IReadOnlyList<string> lower, int first)
    {
        if (!_byFirstWord.TryGetValue(lower[first], out var candidates)) return null;
        foreach (var (words, rule) in candidates)
        {
            if (first + words.Length > lower.Count) continue;
            var all = true;
            for (var k = 1; k < words.Length && all; k++) all = lower[first + k] == words[k];
            if (all) return (rule, words.Length);
        }
        return null;
    }

    /// <summary>The day a rule gives in a year (`12-25`, `easter+49`, `05-SUN1`), or null outside the calendar.</summary>
    public static DateOnly? Day(string rule, int year)
    {
        if (!Period.InRange(year)) return null;
        if (rule.StartsWith("easter", StringComparison.Ordinal))
            return int.TryParse(rule.AsSpan(6), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset)
                ? Period.AddDays(Easter(year), offset)
                : null;
        if (rule.Length < 5 || !int.TryParse(rule.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12) return null;
        if (rule.AsSpan(3).StartsWith("SUN") && int.TryParse(rule.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var nth) && nth is >= 1 and <= 4)
        {
            var first = new DateOnly(year, month, 1);
            return first.AddDays((7 - (int)first.DayOfWeek) % 7 + 7 * (nth - 1));
        }
        return int.TryParse(rule.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>Western Easter Sunday of a Gregorian year (the anonymous Gregorian computus).</summary>
    public static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
