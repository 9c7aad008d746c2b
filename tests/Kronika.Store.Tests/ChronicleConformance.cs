using Kronika.Core.IO;
using Kronika.Ingest;

namespace Kronika.Store.Tests;

/// <summary>The chronicle, stories and the stored analysis, the same on both stores.</summary>
public abstract partial class StoreConformance
{
    private ChroniclePage WithChronicle(Func<ChronicleRequest> request)
    {
        Store.Write(ChronicleFixtures.Chronicle);
        return Store.Chronicle(request() with { Limit = 100, Reports = 100 });
    }

    [Fact]
    public void Chronicle_MergesACallToldByWeekdayAndByFullDateAcrossOutlets_AndMarksTheDenial()
    {
        var page = WithChronicle(() => new ChronicleRequest(Type: "CONSULT"));
        var call = Assert.Single(page.Events, e => e.Mode == "phone");
        Assert.Equal("2025-08-12", call.When);
        Assert.Contains("Vladimiras Putinas", call.Actors);
        Assert.Contains("Kim Jong Unas", call.Actors);
        Assert.Equal(3, call.OutletCount);
        Assert.Contains(call.Reports, r => r.Outlet == "ziniuportalas.lt" && r.Date == "2025-08-12");
        Assert.Contains(call.Reports, r => r.Outlet == "dienosaktualijos.lt" && r.Date == "2025-08-12");
        Assert.Contains(call.Reports, r => r.Outlet == "rytubanga.lt" && r.Modality == "NEGATED");
        Assert.Equal("disputed", call.Status);
        var conflict = Assert.Single(call.Conflicts, c => c.Kind == "modality");
        Assert.Contains(conflict.Claims, c => c.Claim == "denied" && c.Reported == new DateOnly(2025, 8, 14));
        Assert.Contains(conflict.Claims, c => c.Claim == "held" && c.Source == "Kremlius");
    }

    [Fact]
    public void Chronicle_ListsDifferentFiguresForOneUnitPerSource()
    {
        var troops = Assert.Single(WithChronicle(() => new ChronicleRequest(Type: "MOBILIZE", ActorKeys: Keys("Šiaurės Korėja"))).Events);
        Assert.Equal(2, troops.ReportCount);
        Assert.Contains(troops.Figures, f => f.Unit == "karys" && f.Value == 10000 && f.Source == "Pietų Korėja");
        Assert.Contains(troops.Figures, f => f.Unit == "karys" && f.Value == 12000 && f.Source == "JAV gynybos departamentas");
        Assert.Equal("karys", Assert.Single(troops.Conflicts).Unit);

        var killed = Store.Chronicle(new ChronicleRequest(Type: "ASSAULT", TargetKeys: Keys("Šiaurės Korėja"), Reports: 100)).Events
            .Single(e => e.Figures.Count > 0);
        Assert.Contains(killed.Figures, f => f.Value == 600 && f.Approx == "APPROX" && f.Source == "Pietų Korėja" && f.Reported == new DateOnly(2024, 12, 20));
        Assert.Contains(killed.Figures, f => f.Value == 4000 && f.Source == "Ukraina" && f.Reported == new DateOnly(2024, 12, 21));
        Assert.Contains(killed.Conflicts, c => c.Unit == "karys" && c.Claims.Count == 2);
    }

    [Fact]
    public void Chronicle_KeepsEveryReportOfAPlannedVisit_AndShowsItWasHeld()
    {
        var visit = Assert.Single(WithChronicle(() => new ChronicleRequest(Type: "CONSULT", ActorKeys: Keys("Andrzejus Duda"))).Events, e => e.Mode == "visit" && e.Places.Contains("Vilnius"));
        Assert.Equal("2025-06-10", visit.When);
        Assert.Equal("planned, then held", visit.Status);
        Assert.Contains(visit.Reports, r => r.Modality == "FUTURE" && r.ArticleDate == new DateOnly(2025, 6, 2));
        Assert.Contains(visit.Reports, r => r.Modality == "FUTURE" && r.ArticleDate == new DateOnly(2025, 6, 5));
        Assert.Contains(visit.Reports, r => r.Modality == "ASSERTED" && r.ArticleDate == new DateOnly(2025, 6, 10));
        Assert.Equal(3, visit.OutletCount);
    }

    [Fact]
    public void Chronicle_AStateStandsForItsCapitalAndLeader_AndPagesInDateOrder()
    {
        Store.Write(Articles.Samples);
        var page = Store.Chronicle(new ChronicleRequest(ActorKeys: Keys("Rusija"), TargetKeys: Keys("Šiaurės Korėja"), From: new DateOnly(2024, 1, 1), Limit: 100));
        Assert.Contains(page.Events, e => e.Type == "CONSULT" && e.Mode == "phone" && e.When == "2025-08-12" && e.Sources.Contains("Kremlius"));
        Assert.Contains(page.Events, e => e.Actors.Contains("Pchenjanas") && e.Targets.Contains("Maskva"));
        Assert.Contains(page.Events, e => e.Type == "MOBILIZE" && e.Figures.Any(f => f.Unit == "karys" && f.Value == 15000 && f.Source == "Seulas"));
        Assert.Equal(page.Events.OrderBy(e => e.From).ThenBy(e => e.To).Select(e => e.Id), page.Events.Select(e => e.Id));
        var first = Store.Chronicle(new ChronicleRequest(ActorKeys: Keys("Rusija"), TargetKeys: Keys("Šiaurės Korėja"), From: new DateOnly(2024, 1, 1), Limit: 2));
        var second = Store.Chronicle(new ChronicleRequest(ActorKeys: Keys("Rusija"), TargetKeys: Keys("Šiaurės Korėja"), From: new DateOnly(2024, 1, 1), Limit: 2, Offset: 2));
        Assert.Equal(page.Events.Take(4).Select(e => e.Id), first.Events.Concat(second.Events).Select(e => e.Id));
        Assert.Equal(page.Total, first.Total);
        // A leader stands for the state, not the other way round: Putinas alone is not Russia's capital.
        Assert.DoesNotContain(Store.Chronicle(new ChronicleRequest(ActorKeys: Keys("Vladimiras Putinas"), Limit: 100)).Events, e => e.Actors.SequenceEqual(["Maskva", "Pchenjanas"]));
    }

    [Fact]
    public void Chronicle_CountsEveryMatchingEvent_OnAPageOfEveryEvent_OnePastTheEnd_AndOneWithNoRoom()
    {
        Store.Write(Articles.Samples);
        var all = Store.Chronicle(new ChronicleRequest(ActorKeys: Keys("Rusija"), Limit: 1000));
        Assert.True(all.Total > 2);
        Assert.Equal(all.Events.Count, all.Total);
        Assert.Equal(all.Total, Store.Chronicle(new ChronicleRequest(ActorKeys: Keys("Rusija"), Limit: 1)).Total);
        var past = Store.Chronicle(new ChronicleRequest(ActorKeys: Keys("Rusija"), Offset: all.Total));
        Assert.Empty(past.Events);
        Assert.Equal(all.Total, past.Total);
        Assert.Equal(all.Total, Store.Chronicle(new ChronicleRequest(ActorKeys: Keys("Rusija"), Limit: 0)).Total);
        Assert.Equal(0, Store.Chronicle(new ChronicleRequest(ActorKeys: Keys("Nežinoma šalis"))).Total);
    }

    [Fact]
    public void Chronicle_CountsUpToItsLimit_ThenSaysMoreMatch_OnEveryPage()
    {
        Store.Write(Articles.Samples);
        var all = Store.Chronicle(new ChronicleRequest(ActorKeys: Keys("Rusija"), Limit: 1000));
        Assert.True(all.Total > 3);
        Assert.False(all.Capped);
        Assert.False(Store.Chronicle(new ChronicleRequest(ActorKeys: Keys("Rusija"), Limit: 1, MaxTotal: all.Total)).Capped);
        foreach (var (limit, offset) in new[] { (1, 0), (2, 1), (1000, 0), (0, 0), (5, all.Total), (1, all.Total - 1) })
        {
            var page = Store.Chronicle(new ChronicleRequest(ActorKeys: Keys("Rusija"), Limit: limit, Offset: offset, MaxTotal: 2));
            Assert.Equal(2, page.Total);
            Assert.True(page.Capped, $"limit {limit}, offset {offset}");
            Assert.Equal(Math.Max(0, Math.Min(limit, all.Total - offset)), page.Events.Count);
        }
    }

    [Theory]
    [InlineData("event")]
    [InlineData("report")]
    public void Chronicle_NewestFirst_IsTheOldestFirstOrderTurned_AndPages(string by)
    {
        Store.Write(Articles.Samples);
        var ascending = new ChronicleRequest(Limit: 1000).InOrder(by)!;
        var descending = ascending.InOrder(by + "-desc")!;
        var up = Store.Chronicle(ascending).Events.Select(e => e.Id).ToList();
        var down = Store.Chronicle(descending);
        Assert.True(up.Count >= 10, $"{up.Count} events");
        Assert.Equal(up.AsEnumerable().Reverse(), down.Events.Select(e => e.Id));
        if (by == "event") Assert.Equal(down.Events.Select(e => e.From).OrderDescending(), down.Events.Select(e => e.From));
        else Assert.Equal(down.Events.Select(e => e.FirstReported).OrderDescending(), down.Events.Select(e => e.FirstReported));
        var paged = new List<long>();
        for (var offset = 0; offset < down.Total; offset += 3)
            paged.AddRange(Store.Chronicle(descending with { Limit = 3, Offset = offset }).Events.Select(e => e.Id));
        Assert.Equal(down.Events.Select(e => e.Id), paged);
    }

    [Fact]
    public void Chronicle_AnOrderByAnotherName_IsNone()
    {
        Assert.Null(new ChronicleRequest().InOrder("newest"));
        Assert.Equal((true, true), new ChronicleRequest().InOrder("report-desc") is { } r ? (r.ByReport, r.Descending) : default);
    }

    [Fact]
    public void Chronicle_AQueryKeepsEventsReportedInTheStoriesItMatches()
    {
        Store.Write(Articles.Samples);
        var page = Store.Chronicle(new ChronicleRequest(Articles.Query("Kursko"), Limit: 100));
        Assert.NotEmpty(page.Events);
        Assert.All(page.Events, e => Assert.Contains(e.Reports, r => r.Outlet.Contains("kursko", StringComparison.Ordinal) || r.Outlet.Contains("putinas-kim", StringComparison.Ordinal)
            || r.Outlet.Contains("korejos", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("event")]
    [InlineData("report")]
    [InlineData("event-desc")]
    [InlineData("report-desc")]
    public void Chronicle_AQueryPastItsCountLimit_PagesTheSameEventsInTheSameOrder(string order)
    {
        // Past the count limit a query's page walks the events in order instead of finding them all: same events, same pages.
        Store.Write(Articles.Samples);
        var request = new ChronicleRequest(Articles.Query("Kursko"), Limit: 1000).InOrder(order)!;
        var all = Store.Chronicle(request);
        Assert.True(all.Total > 3, $"{all.Total} events");
        Assert.False(all.Capped);
        var paged = new List<long>();
        for (var offset = 0; offset <= all.Total; offset += 2)
        {
            var page = Store.Chronicle(request with { Limit = 2, Offset = offset, MaxTotal = 1 });
            Assert.Equal((1, true), (page.Total, page.Capped));
            paged.AddRange(page.Events.Select(e => e.Id));
        }
        Assert.Equal(all.Events.Select(e => e.Id), paged);
        Assert.Equal(all.Events.Take(1).Select(e => (e.Id, e.ReportCount)), Store.Chronicle(request with { Limit = 1, MaxTotal = 1 }).Events.Select(e => (e.Id, e.ReportCount)));
        var typed = Store.Chronicle(request with { Type = all.Events[0].Type });
        Assert.Equal(typed.Events.Select(e => e.Id), Store.Chronicle(request with { Type = all.Events[0].Type, MaxTotal = Math.Max(0, typed.Total - 1) }).Events.Select(e => e.Id));
    }

    [Fact]
    public void Analysis_IsStoredWholeAsTheJsonOfAnalyze_WithTheModelHash()
    {
        var doc = Articles.Search.Analyze(Kronika.Ingest.ArticleReader.Read([Path.Combine(Kronika.Tests.TestPaths.Samples, "2025-08-13-putinas-kim.txt")]).Single().Document!);
        Store.Write([Analysis.Store(doc)]);
        var id = Store.LastArticleId();
        var stored = Store.Analysis(id)!;
        Assert.Equal(Analysis.ModelHash, stored.Model);
        Assert.Equal(JsonOutput.ToJson(doc), AnalysisBlob.Json(stored));
        Assert.True((stored.Json!.Length + stored.Tokens!.Length) * 4 < JsonOutput.ToJson(doc).Length, "the analysis is kept compressed");
        Assert.Null(Store.Analysis(id + 1000));
    }

    [Fact]
    public void Analysis_ReadWithoutTokens_ReadsNoTokens_AndAViewGivesTheLayersAskedFor()
    {
        var doc = Articles.Search.Analyze(Kronika.Ingest.ArticleReader.Read([Path.Combine(Kronika.Tests.TestPaths.Samples, "2025-08-13-putinas-kim.txt")]).Single().Document!);
        Store.Write([Analysis.Store(doc)]);
        var id = Store.LastArticleId();
        var head = Store.Analysis(id, tokens: false)!;
        Assert.Null(head.Tokens);
        Assert.DoesNotContain("\"tokens\"", AnalysisBlob.Unpack(head.Json!));
        Assert.Equal(View(JsonOutput.ToJson(doc), id, AnalysisBlob.DefaultLayers), View(head, id, AnalysisBlob.DefaultLayers));
        Assert.Equal(View(JsonOutput.ToJson(doc), id, null), View(Store.Analysis(id)!, id, null));
        Assert.Equal(View(JsonOutput.ToJson(doc), id, new HashSet<string> { "tokens", "events" }), View(Store.Analysis(id)!, id, new HashSet<string> { "tokens", "events" }));
    }

    [Fact]
    public void A_store_of_schema_11_is_upgraded_and_every_article_in_it_reads_as_it_was_stored()
    {
        var docs = ArticleReader.Read([Kronika.Tests.TestPaths.Samples]).Take(3).Select(r => Articles.Search.Analyze(r.Document!)).ToList();
        Store.Write([.. docs.Take(2).Select(Analysis.Store)]);
        var ids = new[] { Store.LastArticleId() - 1, Store.LastArticleId() };
        // As schema 11 kept it: the whole JSON in one compressed blob, no tokens column.
        var whole = ids.ToDictionary(id => id, id => OldPack(AnalysisBlob.Json(Store.Analysis(id)!)));
        _store!.Dispose();
        _store = null;
        ToSchema11(whole);

        for (var i = 0; i < 2; i++)
        {
            var json = JsonOutput.ToJson(docs[i]);
            Assert.Equal(json, AnalysisBlob.Json(Store.Analysis(ids[i])!));
            Assert.Equal(View(json, ids[i], AnalysisBlob.DefaultLayers), View(Store.Analysis(ids[i], tokens: false)!, ids[i], AnalysisBlob.DefaultLayers));
            Assert.Equal(View(json, ids[i], new HashSet<string> { "tokens" }), View(Store.Analysis(ids[i])!, ids[i], new HashSet<string> { "tokens" }));
        }
        // The upgraded store takes new articles in the new layout, and reads old and new alike.
        Assert.Equal(WriteOutcome.Inserted, Store.Write([Analysis.Store(docs[2])]).Single());
        var added = Store.Analysis(Store.LastArticleId())!;
        Assert.NotNull(added.Tokens);
        Assert.Equal(JsonOutput.ToJson(docs[2]), AnalysisBlob.Json(added));
        Assert.Equal(3, Store.ArticleCount());
        _store!.Dispose();
        _store = null;
        Assert.Equal(JsonOutput.ToJson(docs[0]), AnalysisBlob.Json(Store.Analysis(ids[0])!));
    }

    [Fact]
    public void A_store_of_schema_13_is_upgraded_keeping_its_story_postings_and_every_analysis_as_stored()
    {
        var labelled = ChronicleFixtures.Stories;
        // The last article of each story told more than once is held back, to be grouped by the upgraded store.
        var held = labelled.GroupBy(l => l.Story).Where(g => g.Count() >= 2).Select(g => g.Last()).ToHashSet();
        Store.Write(labelled.Where(l => !held.Contains(l)).Select(l => l.Article).ToList());
        var ids = Rows("SELECT id FROM articles ORDER BY id").Select(long.Parse).ToList();
        var json = ids.ToDictionary(id => id, id => AnalysisBlob.Json(Store.Analysis(id)!));
        var stories = ids.ToDictionary(id => id, id => Store.Story(id)!.Id);
        const string Postings = "SELECT feature, day, article_id FROM story_postings ORDER BY feature, day, article_id";
        var postings = Rows(Postings);
        Assert.NotEmpty(postings);
        _store!.Dispose();
        _store = null;
        // As schema 13 kept them: the analyses with the article's and each token's text, the postings by text day with an index by article.
        ToSchema13(json.ToDictionary(p => p.Key, p => Pack13(p.Value)));

        Assert.Equal(ids.Count, Store.ArticleCount()); // opened, so upgraded
        Assert.Equal(postings, Rows(Postings));
        foreach (var id in ids)
        {
            Assert.Equal(json[id], AnalysisBlob.Json(Store.Analysis(id)!));
            Assert.Equal(stories[id], Store.Story(id)!.Id);
        }
        // The upgraded store groups new reports with the stories it holds.
        Store.Write(held.Select(l => l.Article).ToList());
        var joined = held.Count(h =>
        {
            var mates = labelled.Where(l => l.Story == h.Story && l != h).Select(l => ids[labelled.Where(x => !held.Contains(x)).ToList().IndexOf(l)]).ToList();
            var id = Rows("SELECT id FROM articles WHERE url = @u", ("@u", h.Article.Url!)).Select(long.Parse).Single();
            return mates.Any(m => stories[m] == Store.Story(id)!.Id);
        });
        Assert.True(joined * 10 >= held.Count * 8, $"{joined} of {held.Count} held-back reports joined their story");
    }

    /// <summary>Turns the open store back into schema 13: the <paramref name="analyses"/> (head and tokens, texts in them), the story postings as they were kept.</summary>
    protected abstract void ToSchema13(IReadOnlyDictionary<long, (byte[] Head, byte[] Tokens)> analyses);

    /// <summary>The analysis in two compressed parts as the stores of schemas 12 and 13 kept it: the head without the tokens, the tokens array, texts in both.</summary>
    private static (byte[] Head, byte[] Tokens) Pack13(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var head = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(head, JsonOutput.Options))
        {
            w.WriteStartObject();
            foreach (var p in doc.RootElement.EnumerateObject())
                if (p.Name != "tokens") p.WriteTo(w);
            w.WriteEndObject();
        }
        var tokens = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(tokens, JsonOutput.Options)) doc.RootElement.GetProperty("tokens").WriteTo(w);
        return (Brotli(head.ToArray()), Brotli(tokens.ToArray()));
    }

    private static byte[] Brotli(byte[] bytes)
    {
        var output = new byte[System.IO.Compression.BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        Assert.True(System.IO.Compression.BrotliEncoder.TryCompress(bytes, output, out var written, quality: 4, window: 22));
        return output[..written];
    }

    /// <summary>Turns the open store's file or schema back into schema 11: the <paramref name="whole"/> analyses in `analysis`, no `tokens`.</summary>
    protected abstract void ToSchema11(IReadOnlyDictionary<long, byte[]> whole);

    /// <summary>The analysis compressed whole, as the stores of schema 11 and before kept it.</summary>
    private static byte[] OldPack(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var output = new byte[System.IO.Compression.BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        Assert.True(System.IO.Compression.BrotliEncoder.TryCompress(bytes, output, out var written, quality: 4, window: 22));
        return output[..written];
    }

    private static string View(StoredAnalysis stored, long id, IReadOnlySet<string>? layers) =>
        System.Text.Encoding.UTF8.GetString(AnalysisBlob.WithId(id, stored, layers));

    /// <summary>What the view should be, written from the whole JSON with a JSON DOM (not the copying the store does).</summary>
    private static string View(string json, long id, IReadOnlySet<string>? layers)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var result = new System.Text.Json.Nodes.JsonObject { ["id"] = id };
        foreach (var (name, value) in node.ToList())
        {
            node.Remove(name);
            if (layers is null || !AnalysisBlob.Layers.Contains(name) || layers.Contains(name)) result[name] = value;
        }
        return result.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    [Fact]
    public void Reanalysis_FindsArticlesOfAnotherModel_AndRewritesThemOnce()
    {
        var old = Articles.Samples.Take(3).Select(a => a with { Model = "old-model" }).ToList();
        Store.Write(old);
        Assert.Equal(3, Store.StaleCount(Analysis.ModelHash));
        var first = Store.Stale(Analysis.ModelHash, 0, 2);
        Assert.Equal(2, first.Count);
        Assert.Single(Store.Stale(Analysis.ModelHash, first[^1], 2));
        Assert.All(Store.Write(old.Select(a => a with { Model = Analysis.ModelHash }).ToList()), o => Assert.Equal(WriteOutcome.Updated, o));
        Assert.Equal(0, Store.StaleCount(Analysis.ModelHash));
        Assert.All(Store.Write(old.Select(a => a with { Model = Analysis.ModelHash }).ToList()), o => Assert.Equal(WriteOutcome.Unchanged, o));
    }

    [Fact]
    public void Stories_GroupOneStoryToldByDifferentOutlets_WithMeasuredPrecisionAndRecall()
    {
        var labelled = ChronicleFixtures.Stories;
        Store.Write(labelled.Select(l => l.Article).ToList());
        var byUrl = new Dictionary<string, long>();
        for (var offset = 0; ; offset += 100)
        {
            var page = Store.Search(new SearchRequest(null, Limit: 100, Offset: offset));
            foreach (var h in page.Hits) byUrl[h.Url!] = h.Id;
            if (page.Hits.Count < 100) break;
        }
        var predicted = labelled.Select(l => Store.Story(byUrl[l.Article.Url!])!.Id).ToList();
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < labelled.Count; i++)
            for (var j = i + 1; j < labelled.Count; j++)
            {
                var same = labelled[i].Story == labelled[j].Story;
                var grouped = predicted[i] == predicted[j];
                if (same && grouped) tp++;
                else if (grouped) fp++;
                else if (same) fn++;
            }
        var precision = tp / (double)Math.Max(1, tp + fp);
        var recall = tp / (double)Math.Max(1, tp + fn);
        TestContext.Current.TestOutputHelper?.WriteLine($"stories: {labelled.Select(l => l.Story).Distinct().Count()} labels, {labelled.Count} articles; pairs P {precision:P1} R {recall:P1} (tp {tp}, fp {fp}, fn {fn})");
        Assert.True(precision >= 0.9, $"precision {precision:P1} (tp {tp}, fp {fp})");
        Assert.True(recall >= 0.8, $"recall {recall:P1} (tp {tp}, fn {fn})");
        // A story grouped whole reads back with every outlet and its first and last report.
        var whole = labelled.Select((l, i) => (l, i)).Where(x => x.l.Story.StartsWith('s')).GroupBy(x => x.l.Story)
            .First(g => g.Count() >= 3 && g.Select(x => predicted[x.i]).Distinct().Count() == 1);
        var story = Store.Story(byUrl[whole.First().l.Article.Url!])!;
        Assert.Equal(whole.Select(x => x.l.Article.Site).Distinct().Order(), story.Outlets.Order());
        Assert.Equal(whole.Min(x => x.l.Article.Date), story.First);
        Assert.Equal(whole.Max(x => x.l.Article.Date), story.Last);
        Assert.Equal(whole.Count(), story.Articles.Count);
    }
}
