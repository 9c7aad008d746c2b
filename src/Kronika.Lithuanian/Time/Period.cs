using System.Globalization;

namespace Kronika.Lithuanian.Time;

/// <summary>How fine a calendar period is.</summary>
public enum Grain
{
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Season,
    Year,
    Decade,
    Century,
}

/// <summary>
/// A calendar period of some grain, held by its first day (a week by its Monday, a season by its first month:
/// spring March, summer June, autumn September, winter December). <see cref="Value"/> is its TIMEX3 value.
/// Arithmetic never throws: a period that would fall outside years 1–9999 (`vakar` on 0001-01-01, `kitais metais`
/// in 9999) is <see cref="Unresolved"/>, and its value is the TIMEX3 pattern of its grain (`XXXX-XX-XX`, `XXXX`).
/// </summary>
public readonly record struct Period(Grain Grain, DateOnly Start, bool Unresolved = false)
{
    /// <summary>A period of the grain whose place in the calendar cannot be represented.</summary>
    public static Period Unknown(Grain grain) => new(grain, DateOnly.MinValue, Unresolved: true);

    public static Period Of(Grain grain, DateOnly date) => grain switch
    {
        Grain.Day => new(grain, date),
        Grain.Week => new(grain, date.AddDays(-(((int)date.DayOfWeek + 6) % 7))),
        Grain.Month => new(grain, new DateOnly(date.Year, date.Month, 1)),
        Grain.Quarter => new(grain, new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1)),
        Grain.Half => new(grain, new DateOnly(date.Year, date.Month <= 6 ? 1 : 7, 1)),
        // Winter runs from December to February: January 2026 is in the winter of 2025.
        Grain.Season when date is { Year: 1, Month: <= 2 } => Unknown(grain),
        Grain.Season => new(grain, date.Month switch
        {
            <= 2 => new DateOnly(date.Year - 1, 12, 1),
            12 => new DateOnly(date.Year, 12, 1),
            _ => new DateOnly(date.Year, (date.Month - 3) / 3 * 3 + 3, 1),
        }),
        Grain.Year => new(grain, new DateOnly(date.Year, 1, 1)),
        Grain.Decade => new(grain, new DateOnly(Math.Max(1, date.Year / 10 * 10), 1, 1)),
        Grain.Century => new(grain, new DateOnly(Math.Max(1, date.Year / 100 * 100), 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(grain)),
    };

    public static Period Year(int year) => InRange(year) ? new(Grain.Year, new DateOnly(year, 1, 1)) : Unknown(Grain.Year);

    public static Period Month(int year, int month) => InRange(year) ? new(Grain.Month, new DateOnly(year, month, 1)) : Unknown(Grain.Month);

    /// <summary>Whether a year can be held by <see cref="DateOnly"/>.</summary>
    public static bool InRange(int year) => year is >= 1 and <= 9999;

    /// <summary>The day <paramref name="days"/> after <paramref name="date"/> (before when negative), or null outside the calendar.</summary>
    public static DateOnly? AddDays(DateOnly date, long days)
    {
        var n = date.DayNumber + days;
        return n < DateOnly.MinValue.DayNumber || n > DateOnly.MaxValue.DayNumber ? null : DateOnly.FromDayNumber((int)n);
    }

    /// <summary>The first of the month <paramref name="months"/> after <paramref name="date"/>'s, or null outside the calendar.</summary>
    private static DateOnly? AddMonths(DateOnly date, long months)
    {
        var n = date.Year * 12L + date.Month - 1 + months;
        return n < 12 || n >= 10000 * 12L ? null : new DateOnly((int)(n / 12), (int)(n % 12) + 1, 1);
    }

    /// <summary>The season starting in the given year (`FA` of 2024 = September–November 2024).</summary>
    public static Period Season(int year, string season) => !InRange(year) ? Unknown(Grain.Season) : new(Grain.Season, new DateOnly(year, season switch
    {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }, 1));

    /// <summary>The period <paramref name="count"/> grains later (earlier when negative).</summary>
    public Period Shift(int count)
    {
        if (Unresolved) return this;
        var start = Grain switch
        {
            Grain.Day => AddDays(Start, count),
            Grain.Week => AddDays(Start, 7L * count),
            Grain.Month => AddMonths(Start, count),
            Grain.Quarter or Grain.Season => AddMonths(Start, 3L * count),
            Grain.Half => AddMonths(Start, 6L * count),
            Grain.Year => AddMonths(Start, 12L * count),
            Grain.Decade => AddMonths(Start, 120L * count),
            Grain.Century => AddMonths(Start, 1200L * count),
            _ => Start,
        };
        return start is { } s ? new(Grain, s) : Unknown(Grain);
    }

    /// <summary>The same stretch of time at another grain (the week of a day, the year of a month).</summary>
    public Period As(Grain grain) => Unresolved ? Unknown(grain) : Of(grain, Start);

    public string Value => Unresolved ? UnknownValue(Grain) : Grain switch
    {
        Grain.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Grain.Week => $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):D2}",
        Grain.Month => $"{Start.Year:D4}-{Start.Month:D2}",
        Grain.Quarter => $"{Start.Year:D4}-Q{(Start.Month - 1) / 3 + 1}",
        Grain.Half => $"{Start.Year:D4}-H{(Start.Month <= 6 ? 1 : 2)}",
        Grain.Season => $"{Start.Year:D4}-{Start.Month switch { 3 => "SP", 6 => "SU", 9 => "FA", _ => "WI" }}",
        Grain.Year => $"{Start.Year:D4}",
        Grain.Decade => $"{Start.Year / 10:D3}",
        Grain.Century => $"{Start.Year / 100:D2}",
        _ => throw new InvalidOperationException(),
    };

    private static string UnknownValue(Grain grain) => grain switch
    {
        Grain.Day => "XXXX-XX-XX",
        Grain.Week => "XXXX-WXX",
        Grain.Month => "XXXX-XX",
        Grain.Quarter => "XXXX-QX",
        Grain.Half => "XXXX-HX",
        Grain.Season => "XXXX-XX",
        Grain.Decade => "XXX",
        Grain.Century => "XX",
        _ => "XXXX",
    };

    public override string ToString() => Value;
}
