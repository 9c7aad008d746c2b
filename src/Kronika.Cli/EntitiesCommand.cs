using System.CommandLine;
using System.Text.Json;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Cli;

/// <summary>`kronika entities` (the most mentioned entities) and `kronika timeline ENTITY` (when an entity is in the news).</summary>
public static class EntitiesCommand
{
    public static Command Create(CliIO io)
    {
        var type = StoreOptions.EntityType("Only entities of this type");
        var top = StoreOptions.Count("--top", "-n", "How many entities", 20, 1, 10_000);
        var format = StoreOptions.Format();
        var db = StoreOptions.Db();
        var command = new Command("entities", "The entities in the store, most mentioned first: canonical name, type, Wikidata id, mentions, articles.")
        {
            type, top, format, db,
        };
        command.SetAction(async (result, ct) =>
        {
            using var store = StoreOptions.Open(result.GetValue(db), create: false);
            var entities = await store.EntitiesAsync(result.GetValue(type), result.GetValue(top), ct);
            if (result.GetValue(format) == "json")
            {
                io.Out.WriteLine(JsonSerializer.Serialize(entities.Select(Json), StoreOptions.Json));
                return KronikaCli.Ok;
            }
            var width = entities.Count == 0 ? 0 : entities.Max(e => e.Canonical.Length);
            io.Out.WriteLine($"{"entity".PadRight(width)}  type  {"wikidata",-10} {"mentions",8} {"articles",8}");
            foreach (var e in entities)
                io.Out.WriteLine($"{e.Canonical.PadRight(width)}  {e.Type,-4}  {e.Kb ?? "-",-10} {e.Mentions,8} {e.Articles,8}");
            return KronikaCli.Ok;
        });
        return command;
    }

    public static Command Timeline(CliIO io)
    {
        var entity = new Argument<string>("entity") { Description = "A name in any case form, a surname, or a Wikidata id" };
        var period = new Option<string>("--period", "-p") { Description = "Count articles per day, week or month", DefaultValueFactory = _ => "month" };
        period.AcceptOnlyFromAmong("day", "week", "month");
        var top = StoreOptions.Count("--top", "-n", "How many co-mentioned entities", 10, 0, 1000);
        var format = StoreOptions.Format();
        var db = StoreOptions.Db();
        var command = new Command("timeline", "When an entity is in the news: articles per period, by publication date and by the dates they talk about, and who is mentioned with it.")
        {
            entity, period, top, format, db,
        };
        command.SetAction(async (result, ct) =>
        {
            using var store = StoreOptions.Open(result.GetValue(db), create: false);
            var name = result.GetValue(entity)!;
            var timelines = new List<Timeline>();
            foreach (var key in await EntityResolver.KeysAsync(store, new SearchLemmas(), name, ct))
                if (await store.TimelineAsync(key, result.GetValue(period)!, result.GetValue(top), ct: ct) is { } found) timelines.Add(found);
            timelines = [.. timelines.OrderByDescending(t => t.Entity.Articles)];
            if (timelines.Count == 0)
            {
                io.Error.WriteLine($"error: no entity named '{name}' in the store (see 'kronika entities')");
                return KronikaCli.SomeInputsFailed;
            }
            var t = timelines[0];
            if (result.GetValue(format) == "json")
            {
                io.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    entity = Json(t.Entity),
                    period = result.GetValue(period),
                    by_publication = t.ByPublication.Select(p => new { period = p.Period, articles = p.Articles }),
                    by_reference = t.ByReference.Select(p => new { period = p.Period, articles = p.Articles }),
                    co_mentioned = t.CoMentioned.Select(c => new { entity = Json(c.Entity), articles = c.Articles }),
                }, StoreOptions.Json));
                return KronikaCli.Ok;
            }
            io.Out.WriteLine($"{t.Entity.Canonical} ({t.Entity.Type}{(t.Entity.Kb is { } kb ? ", " + kb : "")}): {t.Entity.Mentions} mentions in {t.Entity.Articles} articles");
            WriteBars(io, "by publication date", t.ByPublication);
            WriteBars(io, "by the dates the articles talk about", t.ByReference);
            if (t.CoMentioned.Count > 0)
            {
                io.Out.WriteLine();
                io.Out.WriteLine("mentioned with it:");
                foreach (var (e, articles) in t.CoMentioned)
                    io.Out.WriteLine($"  {e.Canonical} ({e.Type}{(e.Kb is { } k ? ", " + k : "")}): {articles} articles");
            }
            return KronikaCli.Ok;
        });
        return command;
    }

    private static void WriteBars(CliIO io, string title, IReadOnlyList<(string Period, int Articles)> counts)
    {
        io.Out.WriteLine();
        io.Out.WriteLine($"{title}:");
        if (counts.Count == 0) io.Out.WriteLine("  (none)");
        var max = counts.Count == 0 ? 1 : counts.Max(c => c.Articles);
        foreach (var (period, articles) in counts)
            io.Out.WriteLine($"  {period,-10} {articles,6}  {new string('#', Math.Max(1, articles * 40 / max))}");
    }

    private static object Json(EntitySummary e) => new { key = e.Key, canonical = e.Canonical, type = e.Type, kb = e.Kb, mentions = e.Mentions, articles = e.Articles };
}
