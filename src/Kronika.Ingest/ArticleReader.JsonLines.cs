using System.Text.Json;
using Kronika.Core.Model;

namespace Kronika.Ingest;

public static partial class ArticleReader
{
    private static readonly JsonDocumentOptions JsonLineOptions = new() { AllowTrailingCommas = true, MaxDepth = 16 };

    /// <summary>
    /// Reads JSON Lines, one article per line: `{"date", "text", "title", "url", "source"}`. `text` is required and each
    /// of its lines is a paragraph; `date` is `YYYY-MM-DD`, ISO 8601 or any form <see cref="ParseDate"/> reads
    /// (<paramref name="date"/> supplies it when absent); `source` names the site (else the URL's host). A bad line
    /// yields one error naming `file:line` and the others go on; blank lines are skipped.
    /// </summary>
    public static IEnumerable<ReadResult> ParseJsonLines(string text, string name, DateOnly? date = null)
    {
        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var any = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            any = true;
            var where = $"{name}:{i + 1}";
            ReadResult result;
            try
            {
                result = new ReadResult(ParseJsonLine(lines[i], where, date), null);
            }
            catch (ArticleException e)
            {
                result = new ReadResult(null, new ArticleError(where, e.Message));
            }
            yield return result;
        }
        if (!any) yield return new ReadResult(null, new ArticleError(name, "no articles: every line is blank"));
    }

    private static Document ParseJsonLine(string line, string where, DateOnly? date)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(TextDecoder.WellFormed(line.TrimStart('\uFEFF')), JsonLineOptions);
        }
        catch (JsonException e)
        {
            // The parser's message ends with positions within the line; the first sentence says what is wrong.
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new ArticleException($"invalid JSON: {(cut > 0 ? message[..cut] : message)}");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ArticleException("not a JSON object");
            var text = StringField(root, "text") ?? throw new ArticleException("missing \"text\"");
            var dateText = StringField(root, "date") is { } d && !string.IsNullOrWhiteSpace(d) ? d : null;
            var dct = dateText is null
                ? date ?? throw new ArticleException("missing \"date\" (or pass --date)")
                : ParseDate(dateText) ?? throw new ArticleException(IsDateShape(dateText.Trim())
                    ? $"impossible date {dateText.Trim()}"
                    : $"unreadable date '{Clip(dateText)}'");
            var source = SourceFor(where, StringField(root, "url"), StringField(root, "title"), StringField(root, "source"));
            return Compose(text.Split(['\r', '\n']), dct, source, text.Length) ?? throw new ArticleException("\"text\" is empty");
        }
    }

    /// <summary>A string field, or null when absent or null; any other kind of value is the line's problem.</summary>
    private static string? StringField(JsonElement obj, string field)
    {
        if (!obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new ArticleException($"\"{field}\" must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}");
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            throw new ArticleException($"\"{field}\" has an escape of half a surrogate pair (\\ud800–\\udfff alone), which is no character");
        }
    }
}
