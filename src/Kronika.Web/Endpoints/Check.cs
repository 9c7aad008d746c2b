using System.Globalization;
using Kronika.Store;

namespace Kronika.Web.Endpoints;

/// <summary>Input checks the endpoints share; each failure is a 400 problem naming the parameter and what is wrong.</summary>
internal static class Check
{
    public const int MaxLimit = 100;
    public const int MaxOffset = 10_000;
    public static readonly string[] EntityTypes = ["PER", "ORG", "LOC", "MISC"];

    public sealed class Failed(string parameter, string message) : Exception(message)
    {
        public string Parameter { get; } = parameter;
    }

    /// <summary>Runs an endpoint; a failed check becomes a validation problem (400) with the parameter's message.</summary>
    public static IResult Run(Func<IResult> endpoint)
    {
        try
        {
            return endpoint();
        }
        catch (Failed e)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [e.Parameter] = [e.Message] });
        }
        catch (QueryException e)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Message] });
        }
    }

    public static DateOnly? Date(string? value, string parameter) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new Failed(parameter, $"'{value}' is not a date of the form YYYY-MM-DD");

    public static int Limit(int? value, int fallback = 20) =>
        value is null ? fallback
        : value is >= 1 and <= MaxLimit ? value.Value
        : throw new Failed("limit", $"must be from 1 to {MaxLimit}");

    public static int Offset(int? value) =>
        value is null ? 0
        : value is >= 0 and <= MaxOffset ? value.Value
        : throw new Failed("offset", $"must be from 0 to {MaxOffset}");

    public static string? Type(string? value) =>
        value is null || EntityTypes.Contains(value) ? value : throw new Failed("type", $"must be one of {string.Join(", ", EntityTypes)}");
}
