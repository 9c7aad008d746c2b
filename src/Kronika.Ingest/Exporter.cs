using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using System.Text.Json;
using Kronika.Store;

namespace Kronika.Ingest;

/// <summary>
/// Writes the stories a search matches, one article at a time, from each article's stored analysis (never the pipeline
/// again): `jsonl` documents with all layers (the JSON of `kronika analyze`), `conllu` the language layers, `csv` one
/// row per event report, `entities` one row per entity mention, `gdelt` one row per event in the column order of the
/// GDELT 2.0 Event table. <see cref="WriteChronicle"/> writes chronicle events instead.
/// </summary>
public sealed class Exporter(IStore store)
{
    public static readonly string[] Formats = ["jsonl", "conllu", "csv", "entities", "gdelt"];

    /// <summary>The formats chronicle events export to.</summary>
    public static readonly string[] ChronicleFormats = ["jsonl", "csv", "gdelt"];

    private static readonly string[] EventColumns = ["article_id", "article_date", "source", "url", "event_type", "mode", "actors", "targets", "event_date", "location", "modality", "attributed_to", "quantities", "trigger", "sentence"];

    /// <summary>Writes the export; returns how many articles went into it.</summary>
    public async Task<int> WriteAsync(SearchRequest filter, string format, TextWriter output, CancellationToken ct = default)
    {
        if (!Formats.Contains(format)) throw new ArgumentException($"unknown export format '{format}' (one of {string.Join(", ", Formats)})");
        var ids = await store.StoryIdsAsync(filter, ct);
        using var csv = format is "csv" or "entities" ? new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true) : null;
        if (format == "csv") Header(csv!, EventColumns);
        if (format == "entities") Header(csv!, "article_id", "article_date", "source", "start", "end", "text", "type", "canonical", "wikidata");
        var gdelt = new Dictionary<string, GdeltRow>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (await store.AnalysisAsync(id, tokens: format is "jsonl" or "conllu", ct) is not { Json: not null } stored) continue;
            var json = AnalysisBlob.Json(stored);
            if (format == "jsonl")
            {
                await output.WriteLineAsync(WithId(id, json).AsMemory(), ct);
                await output.FlushAsync(ct);
                continue;
            }
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var date = root.GetProperty("date").GetString() ?? "";
            var source = root.GetProperty("source").GetString() ?? "";
            var url = Str(root, "url");
            switch (format)
            {
                case "conllu": Conllu(output, id, root); break;
                case "csv": Events(csv!, id, date, source, url, root); break;
                case "entities": Entities(csv!, id, date, source, root); break;
                case "gdelt": Collect(gdelt, date, url ?? source, Site(url) ?? source, source, root); break;
            }
            await output.FlushAsync(ct);
        }
        foreach (var row in gdelt.Values.OrderBy(r => r.Day).ThenBy(r => r.Id)) row.Write(output);
        return ids.Count;
    }

    /// <summary>
    /// Writes chronicle events (every page of <paramref name="request"/>): `jsonl` one chronicle event per line with its
    /// reports, figures and conflicts; `csv` one row per report; `gdelt` one row per chronicle event. Returns how many.
    /// </summary>
    public async Task<int> WriteChronicleAsync(ChronicleRequest request, string format, TextWriter output, CancellationToken ct = default)
    {
        if (!ChronicleFormats.Contains(format)) throw new ArgumentException($"unknown chronicle export format '{format}' (one of {string.Join(", ", ChronicleFormats)})");
        using var csv = format == "csv" ? new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true) : null;
        if (csv is not null) Header(csv, ["event_id", .. EventColumns, "conflict"]);
        var count = 0;
        for (var offset = 0; ; offset += 100)
        {
            var page = await store.ChronicleAsync(request with { Limit = 100, Offset = offset, Reports = ChronicleReads.MaxReports }, ct);
            foreach (var e in page.Events)
            {
                count++;
                switch (format)
                {
                    case "jsonl": output.WriteLine(JsonSerializer.Serialize(e, ChronicleJson)); break;
                    case "csv":
                        foreach (var r in e.Reports)
                        {
                            object?[] fields =
                            [
                                e.Id, r.ArticleId, r.ArticleDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Outlet, r.Url, e.Type, e.Mode,
                                string.Join("; ", e.Actors), string.Join("; ", e.Targets), r.Date ?? e.When, r.Location, r.Modality, r.AttributedTo,
                                r.Quantities, r.Trigger, r.Sentence, e.Conflicts.Count > 0 ? string.Join("; ", e.Conflicts.Select(c => c.Unit ?? c.Kind)) : null,
                            ];
                            foreach (var f in fields) csv!.WriteField(f);
                            csv!.NextRecord();
                        }
                        break;
                    case "gdelt":
                        var first = e.Reports.FirstOrDefault();
                        var row = new GdeltRow($"chronicle:{e.Id}", e.Type, e.From, e.Actors.FirstOrDefault(), null, e.Targets.FirstOrDefault(), null,
                            e.Places.FirstOrDefault(), false, first?.Url ?? first?.Outlet ?? "", DateTime.UtcNow)
                        {
                            Mentions = e.ReportCount,
                        };
                        foreach (var r in e.Reports) { row.Sources.Add(r.Outlet); row.Articles.Add(r.ArticleId.ToString(CultureInfo.InvariantCulture)); }
                        row.Write(output);
                        break;
                }
            }
            await output.FlushAsync(ct);
            if (page.Events.Count < 100) break;
        }
        return count;
    }

    public static readonly JsonSerializerOptions ChronicleJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The stored JSON with the article's id as its first field.</summary>
    public static string WithId(long id, string json) => json.Length > 1 && json[0] == '{' ? $"{{\"id\":{id},{json[1..]}" : json;

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static string? Site(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;

    private static void Header(CsvWriter csv, params string[] names)
    {
        foreach (var name in names) csv.WriteField(name);
        csv.NextRecord();
    }

    /// <summary>CoNLL-U from the stored tokens (as Kronika.Core's writer lays it out; HEAD and DEPREL where the analysis has them).</summary>
    private static void Conllu(TextWriter w, long id, JsonElement root)
    {
        var text = root.GetProperty("text").GetString() ?? "";
        w.WriteLine($"# newdoc id = {id}");
        if (Str(root, "date") is { } date) w.WriteLine($"# date = {date}");
        var tokens = Array(root, "tokens").ToList();
        var paragraphs = Array(root, "paragraphs").Select(p => p.GetProperty("start").GetInt32()).ToList();
        var paragraph = -1;
        var t = 0;
        var n = 0;
        foreach (var s in Array(root, "sentences"))
        {
            int start = s.GetProperty("start").GetInt32(), end = s.GetProperty("end").GetInt32();
            var p = paragraphs.FindLastIndex(x => x <= start);
            if (p != paragraph) { w.WriteLine("# newpar"); paragraph = p; }
            w.WriteLine($"# sent_id = {++n}");
            w.WriteLine("# text = " + text[start..end].ReplaceLineEndings(" "));
            while (t < tokens.Count && tokens[t].GetProperty("end").GetInt32() <= start) t++;
            var i = 0;
            for (; t < tokens.Count && tokens[t].GetProperty("start").GetInt32() < end; t++)
            {
                var token = tokens[t];
                string Column(string name) => Str(token, name) is { Length: > 0 } v ? v.Replace('\t', ' ').ReplaceLineEndings(" ") : "_";
                var head = token.TryGetProperty("head", out var h) && h.ValueKind == JsonValueKind.Number ? h.GetInt32().ToString(CultureInfo.InvariantCulture) : "_";
                var spaceAfter = !(token.TryGetProperty("spaceAfter", out var sa) && sa.ValueKind == JsonValueKind.False) || token.GetProperty("end").GetInt32() >= text.Length;
                w.WriteLine($"{++i}\t{Column("text")}\t{Column("lemma")}\t{Column("upos")}\t{Column("xpos")}\t{Column("feats")}\t{head}\t{Column("deprel")}\t_\t{(spaceAfter ? "_" : "SpaceAfter=No")}");
            }
            w.WriteLine();
        }
    }

    private static string Names(JsonElement e, string name) => string.Join("; ", Array(e, name).Select(x => Str(x, "canonical")));

    private static string Quantities(JsonElement e) =>
        string.Join("; ", Array(e, "quantities").Select(q => $"{q.GetProperty("value").GetDouble().ToString(CultureInfo.InvariantCulture)} {Str(q, "unit")} {Str(q, "approx")}".Trim()));

    private static void Events(CsvWriter csv, long id, string date, string source, string? url, JsonElement root)
    {
        var text = root.GetProperty("text").GetString() ?? "";
        var sentences = Array(root, "sentences").ToList();
        foreach (var e in Array(root, "events"))
        {
            var s = sentences[e.GetProperty("sentence").GetInt32()];
            var location = e.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? Str(l, "canonical") : null;
            var attributed = e.TryGetProperty("source", out var a) && a.ValueKind == JsonValueKind.Object ? Str(a, "name") : null;
            object?[] fields =
            [
                id, date, source, url, Str(e, "type"), Str(e, "mode"), Names(e, "actors"), Names(e, "targets"), Str(e, "date"), location,
                Str(e, "modality"), attributed, Quantities(e), Str(e.GetProperty("trigger"), "text"),
                text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()],
            ];
            foreach (var f in fields) csv.WriteField(f);
            csv.NextRecord();
        }
    }

    private static void Entities(CsvWriter csv, long id, string date, string source, JsonElement root)
    {
        foreach (var e in Array(root, "entities"))
        {
            object?[] fields = [id, date, source, e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(), Str(e, "text"), Str(e, "type"), Str(e, "canonical"), Str(e, "kb")];
            foreach (var f in fields) csv.WriteField(f);
            csv.NextRecord();
        }
    }

    private static void Collect(Dictionary<string, GdeltRow> rows, string date, string url, string site, string article, JsonElement root)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lead = Array(root, "paragraphs").Select(p => p.GetProperty("end").GetInt32()).FirstOrDefault();
        var sentences = Array(root, "sentences").ToList();
        foreach (var e in Array(root, "events"))
        {
            string Key(JsonElement x) => Str(x, "kb") ?? $"{Str(x, "type")}:{Str(x, "canonical")}";
            var type = Str(e, "type")!;
            var symmetric = StoredEvent.Symmetric.Contains(type);
            var actors = Array(e, "actors").Concat(symmetric ? Array(e, "targets") : []).ToList();
            var targets = symmetric ? [] : Array(e, "targets").ToList();
            var eventDate = Str(e, "date");
            var range = eventDate is null ? null : TimeRange.Of(eventDate);
            var key = $"{type}|{(range is null ? $"{eventDate ?? "-"}@{date}" : eventDate)}|{string.Join(',', actors.Select(Key).Distinct().Order(StringComparer.Ordinal))}|{string.Join(',', targets.Select(Key).Distinct().Order(StringComparer.Ordinal))}";
            if (!rows.TryGetValue(key, out var row))
            {
                var actor = actors.Cast<JsonElement?>().FirstOrDefault();
                var target = targets.Cast<JsonElement?>().FirstOrDefault();
                var location = e.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? Str(l, "canonical") : null;
                var sentenceStart = sentences[e.GetProperty("sentence").GetInt32()].GetProperty("start").GetInt32();
                rows[key] = row = new GdeltRow(key, type, range?.From ?? day, actor is { } a1 ? Str(a1, "canonical") : null, actor is { } a2 ? Str(a2, "kb") : null,
                    target is { } t1 ? Str(t1, "canonical") : null, target is { } t2 ? Str(t2, "kb") : null, location, sentenceStart < lead, url, DateTime.UtcNow);
            }
            row.Mentions++;
            row.Sources.Add(site);
            row.Articles.Add(article);
        }
    }

    /// <summary>
    /// One event as a row of the GDELT 2.0 Event table (61 tab-separated columns, in GDELT's order). What maps is
    /// filled: the id (from the event's key), the day, the actors' names (a Wikidata id stands in the actor code, where
    /// GDELT has a CAMEO actor code), whether the first report tells it in its lead, the CAMEO root code and quad class
    /// of the PLOVER type, the mention, source and article counts, the place's name, the date added and the first
    /// report's URL; the rest is empty.
    /// </summary>
    private sealed class GdeltRow(string key, string type, DateOnly day, string? actor1, string? actor1Kb, string? actor2, string? actor2Kb, string? place, bool lead, string url, DateTime added)
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
            columns[5] = actor1Kb;
            columns[6] = actor1?.ToUpperInvariant();
            columns[15] = actor2Kb;
            columns[16] = actor2?.ToUpperInvariant();
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
