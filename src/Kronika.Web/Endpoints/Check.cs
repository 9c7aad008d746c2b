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
        catch (Exception e) when (e is Failed or QueryException)
        {
            return Problem(e);
        }
    }

    /// <summary>Runs an endpoint that reads the store; a failed check becomes a validation problem (400) with the parameter's message.</summary>
    public static async Task<IResult> Run(Func<Task<IResult>> endpoint)
    {
        try
        {
            return await endpoint();
        }
        catch (Exception e) when (e is Failed or QueryException)
        {
            return Problem(e);
        }
    }

    private static IResult Problem(Exception e) => Results.ValidationProblem(new Dictionary<string, string[]>
    {
        [e is Failed f ? f.Parameter : "q"] = [e.Message],
    });

    /// <summary>The layers an article view returns: absent is every layer but the tokens, `all` every layer (null), else
    /// the comma-separated layers named; an unknown one is a 400 listing those there are.</summary>
    public static IReadOnlySet<string>? Layers(string? value)
    {
        if (value is null) return AnalysisBlob.DefaultLayers;
        if (value.Trim() == "all") return null;
        var layers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            layers.Add(AnalysisBlob.Layers.Contains(part) ? part
                : throw new Failed("layers", $"'{(part.Length <= 20 ? part : part[..20] + "…")}' is not a layer; the layers are all, {string.Join(", ", AnalysisBlob.Layers)}"));
        return layers;
    }

    public static bool Flag(string? value, string parameter) =>
        value is null ? false
        : bool.TryParse(value, out var b) ? b
        : value is "1" or "0" ? value == "1"
        : throw new Failed(parameter, $"must be true or false");

    /// <summary>
    /// Text from a JSON body as the rest of Kronika reads text: a JSON `\ud800` escape can carry half of a surrogate
    /// pair, which no file can (its bytes are decoded); such halves become U+FFFD, as in decoding.
    /// </summary>
    public static string? Text(string? value) =>
        value is null ? null : Kronika.Ingest.TextDecoder.WellFormed(value);

    public static DateOnly? Date(string? value, string parameter) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new Failed(parameter, $"'{value}' is not a date of the form YYYY-MM-DD");

    /// <summary>
    /// A whole-number parameter: absent is <paramref name="fallback"/>; anything but a whole number from
    /// <paramref name="min"/> to <paramref name="max"/> (`abc`, `-3`, `1e9`) is a 400 naming the parameter.
    /// </summary>
    public static int Number(string? value, string parameter, int fallback, int min, int max) =>
        value is null ? fallback
        : int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : throw new Failed(parameter, $"must be a whole number from {min} to {max:N0}, not '{(value.Length <= 20 ? value : value[..20] + "…")}'");

    public static int Limit(string? value, int fallback = 20, string parameter = "limit") => Number(value, parameter, fallback, 1, MaxLimit);

    public static int Offset(string? value) => Number(value, "offset", 0, 0, MaxOffset);

    public static string? Type(string? value) =>
        value is null || EntityTypes.Contains(value) ? value : throw new Failed("type", $"must be one of {string.Join(", ", EntityTypes)}");
}
