using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Kronika.Core.IO;
using Kronika.Core.Model;
using Kronika.Store;

namespace Kronika.Ingest;

/// <summary>
/// Writes the stories a search matches, one article at a time (the pipeline run again on each stored text, so every
/// layer is there): `jsonl` documents with all layers (the JSON of `kronika analyze`), `conllu` the language layers,
/// `csv` one row per event report, `entities` one row per entity mention, `gdelt` one row per event in the column
/// order of the GDELT 2.0 Event table.
/// </summary>
public sealed class Exporter(IStore store, SearchLemmas lemmas)
{
    public static readonly string[] Formats = ["jsonl", "conllu", "csv", "entities", "gdelt"];

    /// <summary>Writes the export; returns how many articles went into it.</summary>
    public int Write(SearchRequest filter, string format, TextWriter output, CancellationToken ct = default)
    {
        var ids = store.StoryIds(filter);
        using var csv = format is "csv" or "entities" ? new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true) : null;
        if (format == "csv") Header(csv!, "article_id", "article_date", "source", "url", "event_type", "mode", "actors", "targets", "event_date", "location", "modality", "attributed_to", "quantities", "trigger", "sentence");
        if (format == "entities") Header(csv!, "article_id", "article_date", "source", "start", "end", "text", "type", "canonical", "wikidata");
        var gdelt = new Dictionary<string, GdeltRow>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            ct.ThrowIfCancellationRequested();
            if (store.Get(id) is not { } article) continue;
            var doc = lemmas.Analyze(new Document(article.Text, article.Date, new ArticleSource(article.Shown, article.Url, article.Site, article.Title), Document.Lines(article.Text)));
            switch (format)
            {
                case "jsonl": output.WriteLine(JsonOutput.ToJson(doc)); break;
                case "conllu": Conllu.Write(output, doc, $"{id}"); break;
                case "csv": Events(csv!, id, article, doc); break;
                case "entities": Entities(csv!, id, article, doc); break;
                case "gdelt": Collect(gdelt, article, doc); break;
                default: throw new ArgumentException($"unknown export format '{format}' (one of {string.Join(", ", Formats)})");
            }
            output.Flush();
        }
        foreach (var row in gdelt.Values.OrderBy(r => r.Day).ThenBy(r => r.Id)) row.Write(output);
        return ids.Count;
    }

    private static void Header(CsvWriter csv, params string[] names)
    {
        foreach (var name in names) csv.WriteField(name);
        csv.NextRecord();
    }

    private static string Name(Document doc, int id) => doc.Entities.First(e => e.Id == id).Canonical;

    private static void Events(CsvWriter csv, long id, StoredArticle article, Document doc)
    {
        foreach (var e in doc.Events)
        {
            var source = e.Attribution is { } a ? doc.Attributions[a] is var at && at.Source is { } s ? Name(doc, s) : at.SourceText : null;
            var sentence = doc.Sentence(e.Sentence);
            object?[] fields =
            [
                id, article.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), article.Shown, article.Url, e.Type, e.Mode,
                string.Join("; ", e.Actors.Select(x => Name(doc, x))), string.Join("; ", e.Targets.Select(x => Name(doc, x))), e.Date,
                e.Location is { } l ? Name(doc, l) : null, e.Modality, source,
                string.Join("; ", e.Quantities.Select(q => doc.Quantities[q]).Select(q => $"{q.Value.ToString(CultureInfo.InvariantCulture)} {q.Unit} {q.Approx}".Trim())),
                doc.Text[e.TriggerStart..e.TriggerEnd], sentence.Text,
            ];
            foreach (var f in fields) csv.WriteField(f);
            csv.NextRecord();
        }
    }

    private static void Entities(CsvWriter csv, long id, StoredArticle article, Document doc)
    {
        foreach (var e in doc.Entities)
        {
            object?[] fields = [id, article.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), article.Shown, e.Start, e.End, doc.Text[e.Start..e.End], e.Type, e.Canonical, e.Kb];
            foreach (var f in fields) csv.WriteField(f);
            csv.NextRecord();
        }
    }

    private static void Collect(Dictionary<string, GdeltRow> rows, StoredArticle article, Document doc)
    {
        foreach (var e in doc.Events)
        {
            var key = StoredEvent.Of(doc, e).Key;
            if (!rows.TryGetValue(key, out var row))
                rows[key] = row = new GdeltRow(key, e.Type, e.Date is { } d && TimeRange.Of(d) is { } r ? r.From : article.Date,
                    e.Actors.Select(x => doc.Entities.First(m => m.Id == x)).FirstOrDefault(), e.Targets.Select(x => doc.Entities.First(m => m.Id == x)).FirstOrDefault(),
                    e.Location is { } l ? Name(doc, l) : null, Lead(doc, e), article.Url ?? article.Shown, DateTime.UtcNow);
            row.Mentions++;
            row.Sources.Add(article.Site ?? article.Shown);
            row.Articles.Add(article.SourceId);
        }
    }

    /// <summary>GDELT's IsRootEvent: the event is told in the article's first paragraph.</summary>
    private static bool Lead(Document doc, Event e) => doc.Paragraphs.Count > 0 && doc.Sentence(e.Sentence).Start < doc.Paragraphs[0].End;

    /// <summary>
    /// One event as a row of the GDELT 2.0 Event table (61 tab-separated columns, in GDELT's order). What maps is
    /// filled: the id (from the event's key), the day, the actors' names (a Wikidata id stands in the actor code, where
    /// GDELT has a CAMEO actor code), whether the first report tells it in its lead, the CAMEO root code and quad class
    /// of the PLOVER type, the mention, source and article counts, the place's name, the date added and the first
    /// report's URL; the rest is empty.
    /// </summary>
    private sealed class GdeltRow(string key, string type, DateOnly day, EntityMention? actor1, EntityMention? actor2, string? place, bool lead, string url, DateTime added)
    {
        public long Id { get; } = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) & long.MaxValue;
        public DateOnly Day { get; } = day;
        public int Mentions { get; set; }
        public HashSet<string> Sources { get; } = [];
        public HashSet<string> Articles { get; } = [];

        // PLOVER type → CAMEO root code (the nearest CAMEO family) and GDELT quad class.
        private static readonly Dictionary<string, (string Root, int Quad)> Cameo = new()
        {
            ["AGREE"] = ("03", 1), ["CONSULT"] = ("04", 1), ["SUPPORT"] = ("05", 1), ["COOPERATE"] = ("06", 2), ["AID"] = ("07", 2),
            ["CONCEDE"] = ("08", 2), ["RETREAT"] = ("08", 2), ["REQUEST"] = ("10", 3), ["ACCUSE"] = ("11", 3), ["REJECT"] = ("12", 3),
            ["THREATEN"] = ("13", 3), ["PROTEST"] = ("14", 4), ["MOBILIZE"] = ("15", 4), ["SANCTION"] = ("16", 4), ["COERCE"] = ("17", 4),
            ["ASSAULT"] = ("18", 4),
        };

        public void Write(TextWriter output)
        {
            var (root, quad) = Cameo[type];
            var columns = new string?[61];
            columns[0] = Id.ToString(CultureInfo.InvariantCulture);
            columns[1] = Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            columns[2] = Day.ToString("yyyyMM", CultureInfo.InvariantCulture);
            columns[3] = Day.Year.ToString(CultureInfo.InvariantCulture);
            columns[4] = (Day.Year + (Day.DayOfYear - 1) / 365.0).ToString("F4", CultureInfo.InvariantCulture);
            columns[5] = actor1?.Kb;
            columns[6] = actor1?.Canonical.ToUpperInvariant();
            columns[15] = actor2?.Kb;
            columns[16] = actor2?.Canonical.ToUpperInvariant();
            columns[25] = lead ? "1" : "0";
            columns[26] = root;
            columns[27] = root;
            columns[28] = root;
            columns[29] = quad.ToString(CultureInfo.InvariantCulture);
            columns[31] = Mentions.ToString(CultureInfo.InvariantCulture);
            columns[32] = Sources.Count.ToString(CultureInfo.InvariantCulture);
            columns[33] = Articles.Count.ToString(CultureInfo.InvariantCulture);
            columns[52] = place;
            columns[59] = added.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            columns[60] = url;
            output.WriteLine(string.Join('\t', columns.Select(c => c?.Replace('\t', ' ').Replace('\n', ' ') ?? "")));
        }
    }
}
