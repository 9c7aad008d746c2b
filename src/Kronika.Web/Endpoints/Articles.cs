using System.Text.Json.Nodes;
using Kronika.Core.IO;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Web.Endpoints;

/// <summary>GET /api/articles (newest first) and GET /api/articles/{id} (one article with every layer).</summary>
public static class Articles
{
    public static void MapArticles(this IEndpointRouteBuilder api)
    {
        api.MapGet("/articles", (string? limit, string? offset, IStore store, CancellationToken ct) => Check.Run(() =>
            {
                var request = new SearchRequest(null, Limit: Check.Limit(limit), Offset: Check.Offset(offset));
                var page = store.Search(request, ct);
                return Results.Ok(new { total = page.Total, offset = request.Offset, articles = page.Hits.Select(h => new { h.Id, h.Date, h.Title, h.Source, h.Url, h.Copies }) });
            }))
            .WithSummary("The stored stories, newest first");

        api.MapGet("/articles/{id:long}", (long id, IStore store, SearchLemmas lemmas, CancellationToken ct) =>
            {
                if (store.Get(id) is not { } article) return Results.Problem(statusCode: 404, title: "No such article", detail: $"no article {id} in the store");
                // The store keeps what search needs; every layer is the pipeline's, run again on the stored text.
                var doc = lemmas.Analyze(Document(article), ct);
                var json = JsonNode.Parse(JsonOutput.ToJson(doc))!.AsObject();
                json.Insert(0, "id", id);
                return Results.Text(json.ToJsonString(), "application/json");
            })
            .WithSummary("One article with every layer (tokens, entities, times, quantities, quotes, attributions, events), in the JSON of `kronika analyze`");
    }

    /// <summary>A stored article as a document again: its text, date, and paragraphs (its lines).</summary>
    public static Document Document(StoredArticle article) =>
        new(article.Text, article.Date, new ArticleSource(article.Shown, article.Url, article.Site, article.Title), Core.Model.Document.Lines(article.Text));
}
