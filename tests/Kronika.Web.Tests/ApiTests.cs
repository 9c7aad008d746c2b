using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kronika.Core.Pipeline;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;
using Kronika.Tests;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Kronika.Web.Tests;

/// <summary>The samples ingested once into a temporary store that every API test reads.</summary>
public sealed class SampleStore : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("kronika-web-").FullName;

    public string Db => "sqlite:" + Path.Combine(Folder, "kronika.db");

    public SampleStore()
    {
        using var store = new SqliteStore(Path.Combine(Folder, "kronika.db"));
        new Ingestor(LithuanianPipeline.Create(), new Pipeline([]), store).Run(ArticleReader.Read([TestPaths.Samples]), _ => { });
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>Every endpoint of /api through WebApplicationFactory, with good and bad input.</summary>
public sealed class ApiTests(SampleStore samples) : IClassFixture<SampleStore>
{
    private HttpClient Client(string? apiKey = null, string? db = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Kronika:Db", db ?? samples.Db);
            if (apiKey is not null) b.UseSetting("Kronika:ApiKey", apiKey);
        }).CreateClient();

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A 400 problem (RFC 7807) naming the parameter that is wrong.</summary>
    private static async Task BadRequest(HttpResponseMessage response, string parameter)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Search_finds_a_name_in_any_case_form_and_marks_it_in_the_snippet()
    {
        var page = await Json(await Client().GetAsync("/api/search?q=Putinui&limit=3"));
        Assert.True(page.GetProperty("total").GetInt32() >= 3);
        var hit = page.GetProperty("hits")[0];
        var snippet = hit.GetProperty("snippet").GetString()!;
        var first = hit.GetProperty("highlights")[0];
        Assert.StartsWith("Putin", snippet[first[0].GetInt32()..first[1].GetInt32()]);
    }

    [Fact]
    public async Task Search_sorted_by_date_gives_the_newest_or_oldest_first_and_the_export_follows()
    {
        async Task<List<string>> Dates(string url) =>
            (await Json(await Client().GetAsync(url))).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("date").GetString()!).ToList();
        var newest = await Dates("/api/search?q=Lietuva&sort=newest&limit=50");
        var oldest = await Dates("/api/search?q=Lietuva&sort=oldest&limit=50");
        Assert.True(newest.Count >= 5);
        Assert.Equal(newest.OrderDescending(StringComparer.Ordinal), newest);
        Assert.Equal(newest.AsEnumerable().Reverse(), oldest);
        var second = await Dates("/api/search?q=Lietuva&sort=oldest&limit=2&offset=2");
        Assert.Equal(oldest.Skip(2).Take(2), second);
        var exported = (await (await Client().GetAsync("/api/export?format=jsonl&q=Lietuva&sort=newest")).Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("date").GetString()!).ToList();
        Assert.Equal(newest, exported);
        var chronicle = (await Json(await Client().GetAsync("/api/chronicle?order=event-desc&limit=50"))).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("from").GetString()!).ToList();
        Assert.True(chronicle.Count >= 5);
        Assert.Equal(chronicle.OrderDescending(StringComparer.Ordinal), chronicle);
    }

    [Theory]
    [InlineData("/api/search?q=Putinas&from=2025-13-01", "from")]
    [InlineData("/api/search?q=Putinas&limit=1000", "limit")]
    [InlineData("/api/search?q=Putinas&offset=-1", "offset")]
    [InlineData("/api/search?q=Putinas&type=PERSON", "type")]
    [InlineData("/api/search?q=(Putinas", "q")]
    [InlineData("/api/search?q=Putinas&sort=date", "sort")]
    [InlineData("/api/chronicle?order=newest", "order")]
    [InlineData("/api/export?format=csv&sort=latest", "sort")]
    [InlineData("/api/events?type=WAR", "type")]
    [InlineData("/api/events?from=yesterday", "from")]
    [InlineData("/api/entities/Putinas?period=year", "period")]
    [InlineData("/api/articles?limit=0", "limit")]
    public async Task Bad_query_parameters_are_problem_details_naming_the_parameter(string url, string parameter) =>
        await BadRequest(await Client().GetAsync(url), parameter);

    [Fact]
    public async Task An_article_comes_with_every_layer()
    {
        var list = await Json(await Client().GetAsync("/api/articles?limit=20"));
        Assert.Equal(14, list.GetProperty("total").GetInt32());
        var id = list.GetProperty("articles").EnumerateArray().First(a => a.GetProperty("source").GetString()!.EndsWith("putinas-kim.txt")).GetProperty("id").GetInt64();
        var article = await Json(await Client().GetAsync($"/api/articles/{id}?layers=all"));
        Assert.Equal("2025-08-13", article.GetProperty("date").GetString());
        foreach (var layer in new[] { "tokens", "entities", "times", "quantities", "quotes", "attributions", "events" })
            Assert.True(article.GetProperty(layer).GetArrayLength() > 0, layer);
        Assert.Contains(article.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "CONSULT");
    }

    [Fact]
    public async Task An_article_view_returns_the_layers_asked_for_and_tokens_only_on_request()
    {
        var list = await Json(await Client().GetAsync("/api/articles?limit=20"));
        var id = list.GetProperty("articles").EnumerateArray().First(a => a.GetProperty("source").GetString()!.EndsWith("putinas-kim.txt")).GetProperty("id").GetInt64();
        var plain = await Json(await Client().GetAsync($"/api/articles/{id}"));
        Assert.Equal(id, plain.GetProperty("id").GetInt64());
        Assert.False(plain.TryGetProperty("tokens", out _));
        Assert.True(plain.GetProperty("events").GetArrayLength() > 0);
        Assert.Contains("Rusijos prezidentas", plain.GetProperty("text").GetString());
        var asked = await Json(await Client().GetAsync($"/api/articles/{id}?layers=tokens,entities"));
        Assert.True(asked.GetProperty("tokens").GetArrayLength() > 0);
        Assert.True(asked.GetProperty("entities").GetArrayLength() > 0);
        Assert.False(asked.TryGetProperty("events", out _));
        Assert.Equal("2025-08-13", asked.GetProperty("date").GetString());
        await BadRequest(await Client().GetAsync($"/api/articles/{id}?layers=tokens,lemmas"), "layers");
    }

    [Fact]
    public async Task A_missing_article_or_entity_is_a_404_problem()
    {
        var article = await Client().GetAsync("/api/articles/999999");
        Assert.Equal(HttpStatusCode.NotFound, article.StatusCode);
        Assert.Equal("application/problem+json", article.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync("/api/entities/Niekas%20Nebuvęs")).StatusCode);
    }

    [Fact]
    public async Task An_entity_page_has_its_timeline_co_mentions_and_events()
    {
        var people = await Json(await Client().GetAsync("/api/entities?type=PER&top=50"));
        Assert.Contains(people.EnumerateArray(), e => e.GetProperty("canonical").GetString() == "Vladimiras Putinas" && e.GetProperty("kb").GetString() == "Q7747");
        var putin = await Json(await Client().GetAsync("/api/entities/Putino?period=month"));
        Assert.Equal("Vladimiras Putinas", putin.GetProperty("entity").GetProperty("canonical").GetString());
        Assert.Contains(putin.GetProperty("by_publication").EnumerateArray(), p => p.GetProperty("period").GetString() == "2025-08");
        Assert.True(putin.GetProperty("co_mentioned").GetArrayLength() > 0);
        Assert.True(putin.GetProperty("events").GetArrayLength() > 0);
        Assert.Contains(putin.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("text").GetString()!.StartsWith("Rusija niekada nepamirš draugų", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_entity_page_gives_the_parts_asked_for_each_as_in_the_whole_page()
    {
        var whole = await Json(await Client().GetAsync("/api/entities/Putino?period=month"));
        var bare = await Json(await Client().GetAsync("/api/entities/Putino?period=month&parts="));
        Assert.Equal(whole.GetProperty("entity").ToString(), bare.GetProperty("entity").ToString());
        Assert.Equal(whole.GetProperty("by_publication").ToString(), bare.GetProperty("by_publication").ToString());
        string[] parts = ["by_reference", "co_mentioned", "events", "quotes"];
        foreach (var part in parts)
        {
            Assert.False(bare.TryGetProperty(part, out _), part);
            var one = await Json(await Client().GetAsync($"/api/entities/{whole.GetProperty("entity").GetProperty("key").GetString()}?period=month&parts={part}"));
            Assert.Equal(whole.GetProperty(part).ToString(), one.GetProperty(part).ToString());
            Assert.All(parts.Where(p => p != part), other => Assert.False(one.TryGetProperty(other, out _), other));
        }
        var two = await Json(await Client().GetAsync("/api/entities/Putino?parts=quotes,%20events"));
        Assert.True(two.TryGetProperty("quotes", out _) && two.TryGetProperty("events", out _) && !two.TryGetProperty("co_mentioned", out _));
        await BadRequest(await Client().GetAsync("/api/entities/Putino?parts=events,everything"), "parts");
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync("/api/entities/Niekas%20Nebuvęs?parts=")).StatusCode);
    }

    [Fact]
    public async Task The_entity_volume_by_publication_counts_the_stories_its_search_finds()
    {
        var volume = await Json(await Client().GetAsync("/api/volume?entity=Putino&by=published&bucket=day"));
        var search = await Json(await Client().GetAsync("/api/search?entity=Putino&limit=100"));
        Assert.Equal(search.GetProperty("total").GetInt32(), volume.GetProperty("total").GetInt32());
        var days = search.GetProperty("hits").EnumerateArray().GroupBy(h => h.GetProperty("date").GetString()!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}:{g.Count()}");
        Assert.Equal(days, volume.GetProperty("series").EnumerateArray().Select(p => $"{p.GetProperty("date").GetString()}:{p.GetProperty("count").GetInt32()}"));
    }

    [Fact]
    public async Task Events_are_filtered_by_actor_and_type()
    {
        var page = await Json(await Client().GetAsync("/api/events?actor=Putinu&type=CONSULT&mentions=1"));
        Assert.True(page.GetProperty("total").GetInt32() > 0);
        Assert.All(page.GetProperty("events").EnumerateArray(), e =>
        {
            Assert.Equal("CONSULT", e.GetProperty("type").GetString());
            Assert.Contains("Vladimiras Putinas", e.GetProperty("actors").EnumerateArray().Select(a => a.GetString()));
        });
    }

    [Fact]
    public async Task Analyze_returns_the_layers_of_a_text_against_its_date()
    {
        var doc = await Json(await Client().PostAsJsonAsync("/api/analyze", new { text = "V. Putinas antradienį kalbėjosi telefonu su Kim Jong Unu.", date = "2025-08-13" }));
        var e = doc.GetProperty("events")[0];
        Assert.Equal("CONSULT", e.GetProperty("type").GetString());
        Assert.Equal("phone", e.GetProperty("mode").GetString());
        Assert.Equal("2025-08-12", e.GetProperty("date").GetString());
        await BadRequest(await Client().PostAsJsonAsync("/api/analyze", new { text = "" }), "text");
        await BadRequest(await Client().PostAsJsonAsync("/api/analyze", new { text = "Tekstas.", date = "13/08/2025" }), "date");
        await BadRequest(await Client().PostAsJsonAsync("/api/analyze", new { text = new string('a', ArticleReader.MaxArticleChars + 1) }), "text");
    }

    [Fact]
    public async Task Ingest_is_off_without_an_api_key_and_requires_it_when_one_is_set()
    {
        var article = new[] { new { date = "2025-08-14", text = "Lenkija trečiadienį pagrasino Baltarusijai naujomis sankcijomis.", url = "https://example.lt/a1" } };
        Assert.Equal(HttpStatusCode.NotFound, (await Client().PostAsJsonAsync("/api/ingest", article)).StatusCode);
        var folder = Directory.CreateTempSubdirectory("kronika-web-ingest-").FullName;
        try
        {
            var db = "sqlite:" + Path.Combine(folder, "kronika.db");
            var client = Client(apiKey: "s3cret", db: db);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/ingest", article)).StatusCode);
            client.DefaultRequestHeaders.Add("X-Api-Key", "s3cret");
            var stored = await Json(await client.PostAsJsonAsync("/api/ingest", article));
            Assert.Equal("inserted", stored.GetProperty("results")[0].GetProperty("outcome").GetString());
            var again = await Json(await client.PostAsJsonAsync("/api/ingest", article));
            Assert.Equal("unchanged", again.GetProperty("results")[0].GetProperty("outcome").GetString());
            var bad = await Json(await client.PostAsJsonAsync("/api/ingest", new[] { new { date = "2025-02-30", text = "Tekstas.", url = "https://example.lt/a2" } }));
            Assert.Contains("2025-02-30", bad.GetProperty("results")[0].GetProperty("error").GetString());
            var events = await Json(await client.GetAsync("/api/events?actor=Lenkija"));
            Assert.Equal("THREATEN", events.GetProperty("events")[0].GetProperty("type").GetString());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        var doc = await Json(await Client().GetAsync("/openapi/v1.json"));
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/search", "/api/articles", "/api/articles/{id}", "/api/entities", "/api/entities/{name}", "/api/events", "/api/chronicle", "/api/stories/{id}", "/api/analyze", "/api/ingest" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        // The chronicle's response is typed: its schema names the fields.
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("ChronicleEvent", out var chronicleEvent));
        Assert.True(chronicleEvent.GetProperty("properties").TryGetProperty("conflicts", out _));
        // So is the entity page's, with its parts.
        Assert.True(schemas.TryGetProperty("EntityPage", out var entityPage));
        foreach (var part in new[] { "entity", "by_publication", "by_reference", "co_mentioned", "events", "quotes" })
            Assert.True(entityPage.GetProperty("properties").TryGetProperty(part, out _), part);
        Assert.Contains(paths.GetProperty("/api/entities/{name}").GetProperty("get").GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "parts");
        // Its total is exact up to a cap, and says when more match.
        Assert.True(schemas.GetProperty("ChronicleResponse").GetProperty("properties").TryGetProperty("capped", out _));
    }

    [Fact]
    public async Task Chronicle_gives_events_between_two_states_in_date_order_with_figures()
    {
        var page = await Json(await Client().GetAsync("/api/chronicle?actor=Rusija&target=%C5%A0iaur%C4%97s%20Kor%C4%97ja&from=2024-01-01&limit=50"));
        var events = page.GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "CONSULT" && e.GetProperty("when").GetString() == "2025-08-12");
        Assert.Contains(events, e => e.GetProperty("figures").EnumerateArray().Any(f => f.GetProperty("unit").GetString() == "karys" && f.GetProperty("source").GetString() == "Seulas"));
        var dates = events.Select(e => e.GetProperty("from").GetString()!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.False(page.GetProperty("capped").GetBoolean());
        Assert.True(page.GetProperty("total").GetInt32() >= events.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client().GetAsync("/api/chronicle?type=VISIT")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client().GetAsync("/api/chronicle?order=random")).StatusCode);
        var story = await Json(await Client().GetAsync($"/api/stories/{events[0].GetProperty("reports")[0].GetProperty("article_id").GetInt64()}"));
        Assert.True(story.GetProperty("articles").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task Export_streams_the_matching_stories_in_the_chosen_format()
    {
        var response = await Client().GetAsync("/api/export?format=jsonl&q=Putinas");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.True(JsonDocument.Parse(l).RootElement.GetProperty("entities").GetArrayLength() > 0));
        var entities = await Client().GetStringAsync("/api/export?format=entities&entity=Q7747");
        Assert.StartsWith("article_id,article_date,source,start,end,text,type,canonical,wikidata", entities);
        await BadRequest(await Client().GetAsync("/api/export?format=xml"), "format");
        await BadRequest(await Client().GetAsync("/api/export?format=csv&from=2025-02-30"), "from");
    }

    [Fact]
    public async Task A_watch_has_an_atom_feed_of_its_newest_articles()
    {
        using (var store = new SqliteStore(samples.Db["sqlite:".Length..]))
            await new Watcher(store, new SearchLemmas()).SaveAsync("putinas", "Putinas", null, TestContext.Current.CancellationToken);
        var response = await Client().GetAsync("/feeds/putinas.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(4, entries.Count);
        Assert.Equal("2025-08-13T00:00:00Z", entries[0].Element(atom + "updated")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync("/feeds/nothing.atom")).StatusCode);
    }
}
