using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Web.Endpoints;

/// <summary>GET /api/articles (newest first) and GET /api/articles/{id} (one article with every layer).</summary>
public static class Articles
{
    public static void MapArticles(this IEndpointRouteBuilder api)
    {
        api.MapGet("/articles", (string? limit, string? offset, IStore store, CancellationToken ct) => Check.Run(async () =>
            {
                var request = new SearchRequest(null, Limit: Check.Limit(limit), Offset: Check.Offset(offset));
                var page = await store.SearchAsync(request, ct);
                return Results.Ok(new { total = page.Total, offset = request.Offset, articles = page.Hits.Select(h => new { h.Id, h.Date, h.Title, h.Source, h.Url, h.Copies }) });
            }))
            .WithSummary("The stored stories, newest first");

        api.MapGet("/articles/{id:long}", (long id, string? layers, IStore store, CancellationToken ct) => Check.Run(async () =>
            {
                var wanted = Check.Layers(layers);
                // The store keeps the whole analysis: the article is served as it was analysed, never analysed again.
                // The tokens, nine tenths of it, are read only when asked for.
                if (await store.AnalysisAsync(id, tokens: wanted is null || wanted.Contains("tokens"), ct) is not { } stored)
                    return Results.Problem(statusCode: 404, title: "No such article", detail: $"no article {id} in the store");
                if (stored.Json is null) return Results.Problem(statusCode: 409, title: "No analysis stored", detail: $"article {id} has no stored analysis; run `kronika reanalyze`");
                return Results.Bytes(AnalysisBlob.WithId(id, stored, wanted), "application/json");
            }))
            .WithSummary("One article in the JSON of `kronika analyze`, as stored at ingest: every layer but the tokens, or the layers `?layers=tokens,entities,…` names (`all` for every one)");
    }

    /// <summary>A stored article as a document again: its text, date, and paragraphs (its lines).</summary>
    public static Document Document(StoredArticle article) =>
        new(article.Text, article.Date, new ArticleSource(article.Shown, article.Url, article.Site, article.Title), Core.Model.Document.Lines(article.Text));
}
