using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kronika.Store;

/// <summary>
/// Search filters as words of the full-text index, so that the index intersects them with the query instead of the
/// store joining tables row by row: an article's publication year, month and day (`y2025`, `m202503`, `d20250304`),
/// the entities it mentions (`e` + a hash of the entity key) and their types (`tper`).
/// </summary>
public static class Facets
{
    public static string Of(StoredArticle a) =>
        string.Join(' ', Date(a.Date).Concat(a.Mentions.Select(m => m.EntityKey).Distinct().Select(Entity)).Concat(a.Mentions.Select(m => Type(m.Type)).Distinct()));

    public static IEnumerable<string> Date(DateOnly d) =>
        [$"y{d.Year:D4}", $"m{d.Year:D4}{d.Month:D2}", $"d{d.Year:D4}{d.Month:D2}{d.Day:D2}"];

    public static string Entity(string key) => "e" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];

    public static string Type(string type) => "t" + type.ToLowerInvariant();

    /// <summary>The fewest year, month and day words that cover the days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static List<string> DateRange(DateOnly from, DateOnly to)
    {
        var words = new List<string>();
        var d = from;
        while (d <= to && words.Count < 2000)
        {
            // The last day of the year or month, and the day after it, without stepping past 9999-12-31.
            var yearEnd = new DateOnly(d.Year, 12, 31);
            var monthEnd = new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));
            if (d.Day == 1 && d.Month == 1 && yearEnd <= to)
            {
                words.Add(string.Create(CultureInfo.InvariantCulture, $"y{d.Year:D4}"));
                if (yearEnd == DateOnly.MaxValue) break;
                d = yearEnd.AddDays(1);
            }
            else if (d.Day == 1 && monthEnd <= to)
            {
                words.Add(string.Create(CultureInfo.InvariantCulture, $"m{d.Year:D4}{d.Month:D2}"));
                if (monthEnd == DateOnly.MaxValue) break;
                d = monthEnd.AddDays(1);
            }
            else
            {
                words.Add(string.Create(CultureInfo.InvariantCulture, $"d{d.Year:D4}{d.Month:D2}{d.Day:D2}"));
                if (d == DateOnly.MaxValue) break;
                d = d.AddDays(1);
            }
        }
        return words;
    }
}
