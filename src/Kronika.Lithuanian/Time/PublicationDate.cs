using System.Globalization;

namespace Kronika.Lithuanian.Time;

/// <summary>
/// Reads publication dates as Lithuanian news sites print them: `2016 m. gruodžio 22 d. 11:10`,
/// `2018-03-22 / 18:30`, `Pirmadienis, 12 Kovas 2018 14:04`, `SAU 03 10:08 2018`, ISO 8601 from meta tags.
/// Month names in any case or abbreviated come from the same table as the time normalizer's.
/// </summary>
public sealed class PublicationDate(TimeWords words)
{
    public static PublicationDate Load() => new(TimeWords.Load());

    /// <summary>The date and, when given, the time of day; null when the text holds no complete date.</summary>
    public (DateOnly Date, TimeOnly? Time)? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200) return null;
        var trimmed = text.Trim();
        if (trimmed.Length >= 10 && trimmed[4] == '-' && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso)
            && trimmed.Contains('T'))
            return (DateOnly.FromDateTime(iso.DateTime), TimeOnly.FromDateTime(iso.DateTime));

        int? year = null, month = null, day = null;
        TimeOnly? time = null;
        foreach (var part in Parts(trimmed))
        {
            if (part.Contains(':'))
            {
                if (TimeOnly.TryParseExact(part.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) time = t;
                continue;
            }
            if (part.Length == 10 && part[4] is '-' or '.' && DateOnly.TryParseExact(part.Replace('.', '-'), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var whole))
            {
                (year, month, day) = (whole.Year, whole.Month, whole.Day);
                continue;
            }
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                if (part.Length == 4 && n is >= 1900 and <= 2200) year = n;
                else if (n is >= 1 and <= 31 && day is null) day = n;
                continue;
            }
            var lower = part.ToLowerInvariant();
            if ((words.Get(lower, "month") ?? words.Get(lower, "month-abbr")) is { } m) month = int.Parse(m, CultureInfo.InvariantCulture);
        }
        if (year is not { } y || month is not { } mo || day is not { } d || d > DateTime.DaysInMonth(y, mo)) return null;
        return (new DateOnly(y, mo, d), time);
    }

    /// <summary>Splits on spaces, commas, slashes and the periods of `m.`/`d.` abbreviations, keeping `2018-03-22` and `11:10` whole.</summary>
    private static IEnumerable<string> Parts(string text)
    {
        foreach (var raw in text.Split([' ', ',', '/', '|', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw.TrimEnd('.');
            if (part.Length > 0) yield return part;
        }
    }
}
