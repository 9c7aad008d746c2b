using System.Globalization;
using Kronika.Core.Model;
using Kronika.Lithuanian.Sentences;
using Kronika.Lithuanian.Tokenization;

namespace Kronika.Lithuanian.Time;

/// <summary>
/// Reads publication date lines as Lithuanian news sites print them (`2016 m. gruodžio 22 d. 11:10`,
/// `2018-03-22 / 18:30`, `2013/12/02 8:14`, `2018 03 20 9:40`, `Pirmadienis, 12 Kovas 2018 14:04`,
/// `SAU 03 10:08 2018`, ISO 8601 from meta tags, `prieš 1 d.`, `1 sav. prieš`) with the time normalizer itself, so
/// a date line and a date in an article's text are read by the same patterns. The line is tokenized and split like any
/// text (no tagging: the date-line patterns read forms) and its first expression that names a whole day is taken.
/// </summary>
public sealed class PublicationDate(Tokenizer tokenizer, SentenceSplitter splitter, TimeNormalizer normalizer)
{
    public static PublicationDate Load()
    {
        var abbreviations = Abbreviations.Load();
        return new(new Tokenizer(abbreviations), new SentenceSplitter(abbreviations, SentenceSplitter.LoadSentenceStarters()), TimeNormalizer.Load());
    }

    /// <summary>
    /// The date and, when given, the time of day; null when the line holds no whole date. Without
    /// <paramref name="relativeTo"/> only a line that states its year counts (`prieš 1 d.` and `vakar` need to know
    /// when the page was read); with it, relative lines resolve against that day.
    /// </summary>
    public (DateOnly Date, TimeOnly? Time)? Parse(string text, DateOnly? relativeTo = null)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200) return null;
        var line = text.Trim();
        var doc = new Document(line, relativeTo ?? DateOnly.FromDateTime(DateTime.UtcNow));
        tokenizer.Process(doc);
        splitter.Process(doc);
        normalizer.Process(doc);
        foreach (var t in doc.Times)
        {
            if (t.Type == "DATE" && t.Mod is null && relativeTo is { } day && WeekDay(t.Value, day) is { } sameWeekday) return (sameWeekday, null);
            if (t.Type is not ("DATE" or "TIME") || t.Mod is not null || t.Value.Length < 10) continue;
            if (!DateOnly.TryParseExact(t.Value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) continue;
            if (relativeTo is null && !line.AsSpan(t.Start, t.End - t.Start).Contains(date.Year.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal)) continue;
            TimeOnly? time = t.Value.Length == 16 && t.Value[10] == 'T'
                && TimeOnly.TryParseExact(t.Value.AsSpan(11), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock) ? clock : null;
            return (date, time);
        }
        return null;
    }

    /// <summary>`1 sav. prieš` is a week (`2025-W36`): the line's day is the same weekday in that week.</summary>
    private static DateOnly? WeekDay(string value, DateOnly relativeTo)
    {
        if (value.Length != 8 || value[4] != '-' || value[5] != 'W'
            || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(value.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || week < 1 || week > ISOWeek.GetWeeksInYear(year)) return null;
        return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, relativeTo.DayOfWeek));
    }
}
