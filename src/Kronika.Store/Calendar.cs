namespace Kronika.Store;

/// <summary>
/// Day arithmetic that stops at the calendar's ends (0001-01-01 and 9999-12-31) instead of throwing: a window or a
/// tense bound reaching past them is cut there, so an article dated at either end is stored like any other (issue 21
/// item 1: `AddDays` of a story window made POST /api/ingest answer 500 and ended `kronika ingest`).
/// </summary>
public static class Calendar
{
    public static DateOnly AddDaysWithin(this DateOnly day, int days) =>
        DateOnly.FromDayNumber((int)Math.Clamp((long)day.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
}
