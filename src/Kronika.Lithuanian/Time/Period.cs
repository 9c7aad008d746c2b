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
/// </summary>
public readonly record struct Period(Grain Grain, DateOnly Start)
{
    public static Period Of(Grain grain, DateOnly date) => grain switch
    {
        Grain.Day => new(grain, date),
        Grain.Week => new(grain, date.AddDays(-(((int)date.DayOfWeek + 6) % 7))),
        Grain.Month => new(grain, new DateOnly(date.Year, date.Month, 1)),
        Grain.Quarter => new(grain, new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1)),
        Grain.Half => new(grain, new DateOnly(date.Year, date.Month <= 6 ? 1 : 7, 1)),
        // Winter runs from December to February: January 2026 is in the winter of 2025.
        Grain.Season => new(grain, date.Month switch
        {
            <= 2 => new DateOnly(date.Year - 1, 12, 1),
            12 => new DateOnly(date.Year, 12, 1),
            _ => new DateOnly(date.Year, (date.Month - 3) / 3 * 3 + 3, 1),
        }),
        Grain.Year => new(grain, new DateOnly(date.Year, 1, 1)),
        Grain.Decade => new(grain, new DateOnly(date.Year / 10 * 10, 1, 1)),
        Grain.Century => new(grain, new DateOnly(Math.Max(1, date.Year / 100 * 100), 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(grain)),
    };

    public static Period Year(int year) => new(Grain.Year, new DateOnly(year, 1, 1));

    public static Period Month(int year, int month) => new(Grain.Month, new DateOnly(year, month, 1));

    /// <summary>The season starting in the given year (`FA` of 2024 = September–November 2024).</summary>
    public static Period Season(int year, string season) => new(Grain.Season, new DateOnly(year, season switch
    {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }, 1));

    /// <summary>The period <paramref name="count"/> grains later (earlier when negative).</summary>
    public Period Shift(int count) => Grain switch
    {
        Grain.Day => new(Grain, Start.AddDays(count)),
        Grain.Week => new(Grain, Start.AddDays(7 * count)),
        Grain.Month => new(Grain, Start.AddMonths(count)),
        Grain.Quarter => new(Grain, Start.AddMonths(3 * count)),
        Grain.Half => new(Grain, Start.AddMonths(6 * count)),
        Grain.Season => new(Grain, Start.AddMonths(3 * count)),
        Grain.Year => new(Grain, Start.AddYears(count)),
        Grain.Decade => new(Grain, Start.AddYears(10 * count)),
        Grain.Century => new(Grain, Start.AddYears(100 * count)),
        _ => this,
    };

    /// <summary>The same stretch of time at another grain (the week of a day, the year of a month).</summary>
    public Period As(Grain grain) => Of(grain, Start);

    public string Value => Grain switch
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

    public override string ToString() => Value;
}
