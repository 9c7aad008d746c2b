using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kronika.Core.Diagnostics;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Web.Endpoints;

/// <summary>
/// POST /api/ingest: articles as JSON (the fields of the JSON lines input: date, text, title, url, source), analyzed
/// and stored as `kronika ingest` stores them. Off unless an API key is configured (`Kronika:ApiKey` or
/// $KRONIKA_API_KEY); then every request must carry it in the `X-Api-Key` header.
/// </summary>
public static class Ingest
{
    public const int MaxArticles = 100;

    // The store's writes take one caller at a time: ingest requests take turns (reads go on beside them).
    private static readonly SemaphoreSlim Writing = new(1, 1);

    public sealed record Article(string? Date, string? Text, string? Title, string? Url, string? Source);

    public static void MapIngest(this IEndpointRouteBuilder api) =>
        api.MapPost("/ingest", async (HttpRequest http, List<Article> articles, IConfiguration configuration, IStore store, SearchLemmas lemmas, ILogger<Article> log, CancellationToken ct) =>
            {
                var key = configuration["Kronika:ApiKey"] ?? Environment.GetEnvironmentVariable("KRONIKA_API_KEY");
                if (string.IsNullOrEmpty(key))
                    return Results.Problem(statusCode: 404, title: "Ingest is off", detail: "this server has no API key configured, so it takes no articles");
                if (configuration.GetValue("Kronika:ReadOnly", false))
                    return Results.Problem(statusCode: 404, title: "Ingest is off", detail: "this server reads its store read-only (Kronika:ReadOnly); send articles to a server on the primary");
                var given = http.Headers["X-Api-Key"].ToString();
                if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
                    return Results.Problem(statusCode: 401, title: "API key required", detail: "send the server's API key in the X-Api-Key header");
                await Writing.WaitAsync(ct);
                try
                {
                    return Check.Run(() => Store(articles, store, lemmas, log, ct));
                }
                finally
                {
                    Writing.Release();
                }
            })
            .WithSummary("Store articles (JSON lines fields; `url` identifies each); needs the X-Api-Key header");

    private static IResult Store(List<Article> articles, IStore store, SearchLemmas lemmas, ILogger log, CancellationToken ct)
    {
        if (articles.Count is 0 or > MaxArticles) throw new Check.Failed("body", $"send from 1 to {MaxArticles} articles");
        var results = new object?[articles.Count];
        var batch = new List<(int Index, StoredArticle Article)>();
        for (var i = 0; i < articles.Count; i++)
        {
            var a = articles[i];
            // The article's URL is its identity: sending it again is a no-op, a changed text an update.
            if (string.IsNullOrWhiteSpace(a.Url)) { results[i] = Error(i, "(no url)", "url is required"); continue; }
            var line = JsonSerializer.Serialize(new { date = Check.Text(a.Date), text = Check.Text(a.Text), title = Check.Text(a.Title), url = Check.Text(a.Url), source = Check.Text(a.Source) });
            var read = ArticleReader.ParseJsonLines(line, "api").Single();
            if (read.Document is not { } doc) { results[i] = Error(i, a.Url, read.Error?.Problem ?? "unreadable"); continue; }
            doc.Language = LanguageDetector.Shared.Detect(doc.Text);
            // The same article sent again costs no analysis.
            if (store.Holds(StoredArticle.IdOf(doc), StoredArticle.ContentHash(doc)))
            {
                results[i] = new { index = i, outcome = "unchanged", source = StoredArticle.IdOf(doc) };
                KronikaMetrics.ArticlesIngested.Add(1, new KeyValuePair<string, object?>("outcome", "unchanged"));
                continue;
            }
            try
            {
                if (doc.Language == "lt") lemmas.Analyze(doc, ct);
                batch.Add((i, Kronika.Ingest.Analysis.Store(doc)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                results[i] = Error(i, a.Url, $"analysis failed: {e.Message.ReplaceLineEndings(" ")}");
            }
        }
        var outcomes = store.Write(batch.Select(b => b.Article).ToList());
        for (var k = 0; k < batch.Count; k++)
        {
            var outcome = Outcome(outcomes[k]);
            results[batch[k].Index] = new { index = batch[k].Index, outcome, source = batch[k].Article.Shown };
            KronikaMetrics.ArticlesIngested.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
        log.LogInformation("ingest: {Articles} articles sent, {Written} analysed and written ({Outcomes})", articles.Count, batch.Count,
            string.Join(", ", outcomes.GroupBy(Outcome).Select(g => $"{g.Count()} {g.Key}")));
        return Results.Ok(new { results });

        object Error(int index, string source, string problem)
        {
            log.LogWarning("ingest: {Source}: {Problem}", source, problem);
            KronikaMetrics.ArticlesIngested.Add(1, new KeyValuePair<string, object?>("outcome", "error"));
            return new { index, error = problem };
        }
    }

    private static string Outcome(WriteOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
