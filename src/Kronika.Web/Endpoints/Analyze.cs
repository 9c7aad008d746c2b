using Kronika.Core.IO;
using Kronika.Core.Model;
using Kronika.Ingest;

namespace Kronika.Web.Endpoints;

/// <summary>POST /api/analyze `{"text", "date"}`: the JSON of `kronika analyze --format json` for one text.</summary>
public static class Analyze
{
    /// <summary>The longest text: the article limit of every other path in.</summary>
    public const int MaxText = ArticleReader.MaxArticleChars;

    public sealed record Request(string? Text, string? Date);

    public static void MapAnalyze(this IEndpointRouteBuilder api) =>
        api.MapPost("/analyze", (Request request, SearchLemmas lemmas, CancellationToken ct) => Check.Run(() =>
            {
                if (string.IsNullOrWhiteSpace(request.Text)) throw new Check.Failed("text", "is required");
                var text = Check.Text(request.Text)!;
                if (text.Length > MaxText) throw new Check.Failed("text", $"is longer than {MaxText:N0} characters");
                var date = Check.Date(request.Date, "date");
                var doc = lemmas.Analyze(new Document(text, date, new ArticleSource("api"), Document.Lines(text)), ct);
                return Results.Text(JsonOutput.ToJson(doc), "application/json");
            }))
            .WithSummary("Analyze a Lithuanian text: tokens, sentences, lemmas, entities, times, quantities, quotes, attributions, events; relative dates resolve against `date`");
}
