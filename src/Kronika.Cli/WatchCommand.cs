using System.CommandLine;
using System.Text.Json;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Cli;

/// <summary>
/// `kronika watch NAME --query Q | --entity E` saves a watch; `kronika watch [NAME]` lists what is new for one watch or
/// all of them since the last look (articles, and for an entity the events), and marks it seen unless `--keep`.
/// </summary>
public static class WatchCommand
{
    public static Command Create(CliIO io)
    {
        var name = new Argument<string?>("name") { Description = "The watch (lowercase letters, digits, dashes); without one, every watch", Arity = ArgumentArity.ZeroOrOne };
        var query = new Option<string?>("--query", "-q") { Description = "Save the watch with this query (the language of `kronika search`)" };
        var entity = new Option<string?>("--entity", "-e") { Description = "Save the watch with this entity (any case form, surname or Wikidata id)" };
        var keep = new Option<bool>("--keep") { Description = "Show what is new without marking it seen" };
        var format = StoreOptions.Format();
        var db = StoreOptions.Db();
        var command = new Command("watch", "Watchlists: save a query or entity, then list the articles and events that are new for it since the last look.")
        {
            name, query, entity, keep, format, db,
        };
        command.SetAction(async (result, ct) =>
        {
            // Saving a watch writes (and may create the store); looking at watches only reads.
            using var store = StoreOptions.Open(result.GetValue(db), create: result.GetValue(query) is not null || result.GetValue(entity) is not null);
            var watcher = new Watcher(store, new SearchLemmas());
            var watchName = result.GetValue(name);
            List<Watch> watches;
            if (result.GetValue(query) is not null || result.GetValue(entity) is not null)
            {
                if (watchName is null) throw new UsageException("name the watch to save: kronika watch NAME --query Q");
                try
                {
                    watches = [await watcher.SaveAsync(watchName, result.GetValue(query), result.GetValue(entity), ct)];
                }
                catch (Exception e) when (e is ArgumentException or QueryException)
                {
                    throw new UsageException(e.Message);
                }
                io.Error.WriteLine($"watch '{watchName}' saved");
            }
            else if (watchName is not null)
                watches = await watcher.FindAsync(watchName, ct) is { } w ? [w] : throw new UsageException($"no watch named '{watchName}' (save one with --query or --entity)");
            else
                watches = [.. await store.WatchesAsync(ct)];
            var news = new List<Watcher.News>();
            foreach (var w in watches) news.Add(await watcher.LookAsync(w, markSeen: !result.GetValue(keep), ct: ct));
            if (result.GetValue(format) == "json")
            {
                io.Out.WriteLine(JsonSerializer.Serialize(news.Select(n => new { watch = n.Watch, articles = n.Articles.Hits, total = n.Articles.Total, events = n.Events.Events }), StoreOptions.Json));
                return KronikaCli.Ok;
            }
            if (news.Count == 0) io.Out.WriteLine("no watches (save one: kronika watch NAME --query Q or --entity E)");
            foreach (var n in news)
            {
                var what = string.Join(", ", new[] { n.Watch.Query is { } q ? $"query {q}" : null, n.Watch.Entity is { } e ? $"entity {e}" : null }.OfType<string>());
                io.Out.WriteLine($"{n.Watch.Name} ({what}): {n.Articles.Total} new {(n.Articles.Total == 1 ? "article" : "articles")}, {n.Events.Total} new events");
                foreach (var h in n.Articles.Hits) io.Out.WriteLine($"  {h.Date:yyyy-MM-dd}  {h.Title}\n              {h.Url ?? h.Source}");
                foreach (var ev in n.Events.Events)
                    io.Out.WriteLine($"  event {ev.Date ?? "undated"}  {ev.Type}  {string.Join(", ", ev.Actors)}{(ev.Targets.Count > 0 ? " → " + string.Join(", ", ev.Targets) : "")}");
            }
            return KronikaCli.Ok;
        });
        return command;
    }
}
