using System.ServiceModel.Syndication;
using System.Xml;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Web.Endpoints;

/// <summary>GET /feeds/{watch}.atom: the newest articles a watch matches, as an Atom feed for any feed reader.</summary>
public static class Feeds
{
    public const int Entries = 50;

    public static void MapFeeds(this IEndpointRouteBuilder app) =>
        app.MapGet("/feeds/{name}.atom", async (string name, HttpRequest http, IStore store, SearchLemmas lemmas, CancellationToken ct) =>
            {
                var watcher = new Watcher(store, lemmas);
                if (await watcher.FindAsync(name, ct) is not { } watch) return Results.Problem(statusCode: 404, title: "No such watch", detail: $"no watch named '{name}'");
                var site = $"{http.Scheme}://{http.Host}";
                var items = new List<SyndicationItem>();
                foreach (var id in (await store.StoryIdsAsync(await watcher.RequestAsync(watch, ct), ct)).TakeLast(Entries).Reverse())
                {
                    if (await store.GetAsync(id, ct) is not { } a) continue;
                    var summary = a.Text.Length > 400 ? a.Text[..400] + "…" : a.Text;
                    items.Add(new SyndicationItem(a.Title, summary, new Uri(a.Url ?? $"{site}/#/article/{id}"), $"{site}/#/article/{id}",
                        new DateTimeOffset(a.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
                }
                var feed = new SyndicationFeed($"Kronika: {watch.Name}", $"{watch.Query} {watch.Entity}".Trim(), new Uri(site + "/"), $"{site}/feeds/{watch.Name}.atom",
                    items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : DateTimeOffset.UnixEpoch, items);
                using var buffer = new MemoryStream();
                using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true }))
                    new Atom10FeedFormatter(feed).WriteTo(writer);
                return Results.Bytes(buffer.ToArray(), "application/atom+xml");
            })
            .WithSummary("The newest articles a watch matches, as an Atom feed");
}
