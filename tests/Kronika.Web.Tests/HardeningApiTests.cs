using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kronika.Ingest;
using Kronika.Store;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kronika.Web.Tests;

/// <summary>Issue 21 through the API: bad parameters, costly queries and slow requests are problems (4xx/503), never a 500 or a busy server.</summary>
public sealed class HardeningApiTests(SampleStore samples) : IClassFixture<SampleStore>
{
    private HttpClient Client(string? requestSeconds = null, string? apiKey = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Kronika:Db", samples.Db);
            if (requestSeconds is not null) b.UseSetting("Kronika:RequestSeconds", requestSeconds);
            if (apiKey is not null) b.UseSetting("Kronika:ApiKey", apiKey);
        }).CreateClient();

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string Message(JsonElement problem, string parameter) => problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!;

    // Item 10: `limit=abc` was a bare 400 and `top=-3` named `limit`.
    [Theory]
    [InlineData("/api/search?q=Putinas&limit=abc", "limit")]
    [InlineData("/api/search?q=Putinas&offset=99999999", "offset")]
    [InlineData("/api/search?q=Putinas&event_dates=maybe", "event_dates")]
    [InlineData("/api/articles?limit=1e9", "limit")]
    [InlineData("/api/entities?top=-3", "top")]
    [InlineData("/api/entities/Putinas?top=x", "top")]
    [InlineData("/api/events?mentions=many", "mentions")]
    [InlineData("/api/events?offset=abc", "offset")]
    public async Task A_parameter_that_is_not_a_number_in_range_is_a_problem_naming_it(string url, string parameter)
    {
        var problem = await Problem(await Client().GetAsync(url), HttpStatusCode.BadRequest);
        Assert.StartsWith("must be", Message(problem, parameter));
    }

    // Item 2: `Lietuva` ×850 kept the server busy for 62.7 s.
    [Fact]
    public async Task A_query_of_hundreds_of_words_is_refused_at_once_naming_the_limit()
    {
        var client = Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=Lietuva")).StatusCode); // models loaded
        var clock = Stopwatch.StartNew();
        var problem = await Problem(await client.GetAsync("/api/search?q=" + string.Join("+", Enumerable.Repeat("Lietuva", 850))), HttpStatusCode.BadRequest);
        Assert.Contains("1,000 characters", Message(problem, "q"));
        var terms = await Problem(await client.GetAsync("/api/search?q=" + string.Join("+", Enumerable.Repeat("Lietuva", 33))), HttpStatusCode.BadRequest);
        Assert.Contains($"limit is {QueryParser.MaxTerms}", Message(terms, "q"));
        var deep = await Problem(await client.GetAsync("/api/search?q=" + new string('(', 9) + "Lietuva" + new string(')', 9)), HttpStatusCode.BadRequest);
        Assert.Contains($"deeper than {QueryParser.MaxDepth}", Message(deep, "q"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
    }

    // Item 3: 100 NOTs were a 500 (fts5: parser stack overflow).
    [Fact]
    public async Task A_chain_of_nots_is_a_400_and_a_chain_within_the_limit_is_answered()
    {
        var chain = "Putinas" + string.Concat(Enumerable.Range(0, 100).Select(i => "+NOT+x" + i));
        var problem = await Problem(await Client().GetAsync("/api/search?q=" + chain), HttpStatusCode.BadRequest);
        Assert.Contains($"limit is {QueryParser.MaxNots}", Message(problem, "q"));
        var allowed = "Putinas" + string.Concat(Enumerable.Range(0, QueryParser.MaxNots).Select(i => "+NOT+x" + i));
        var response = await Client().GetAsync("/api/search?q=" + allowed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // The per-request time budget: a request that runs out of it is stopped and answered 503, not 500. (An article is
    // read from its stored analysis in well under a millisecond: no budget of 0 s reliably stops it.)
    [Theory]
    [InlineData("/api/search?q=Putinas")]
    [InlineData("/api/events")]
    [InlineData("/api/chronicle?either=Rusija")]
    public async Task A_request_over_its_time_budget_is_stopped_with_a_503_problem(string url)
    {
        var problem = await Problem(await Client(requestSeconds: "0").GetAsync(url), HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Request took too long", problem.GetProperty("title").GetString());
    }

    // Item 1: `vakar` and `praėjusį pirmadienį` against 0001-01-01 (and future words against 9999-12-31) made
    // POST /api/analyze and /api/ingest answer 500; they are unresolved values (XXXX…) and the article is stored.
    [Theory]
    [InlineData("0001-01-01", "Vakar lijo, o praėjusį pirmadienį snigo. Pernai buvo sausra.")]
    [InlineData("9999-12-31", "Rytoj ir kitais metais vyks rinkimai, o kitą pirmadienį – posėdis.")]
    public async Task Articles_dated_at_the_calendars_edges_are_analysed_and_ingested(string date, string text)
    {
        var analyze = await Client().PostAsJsonAsync("/api/analyze", new { text, date });
        var analysis = await analyze.Content.ReadAsStringAsync();
        Assert.True(analyze.StatusCode == HttpStatusCode.OK, $"{(int)analyze.StatusCode} {analysis}");
        Assert.Contains("\"XXXX", analysis);

        // A store of its own: the class's sample store stays as the other tests expect it.
        var folder = Directory.CreateTempSubdirectory("kronika-edge-").FullName;
        try
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseSetting("Kronika:Db", "sqlite:" + Path.Combine(folder, "k.db"));
                b.UseSetting("Kronika:ApiKey", "k");
            });
            var ingest = await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/ingest")
            {
                Headers = { { "X-Api-Key", "k" } },
                Content = JsonContent.Create(new[] { new { date, text, url = $"https://example.lt/{date}" } }),
            });
            var body = await ingest.Content.ReadAsStringAsync();
            Assert.True(ingest.StatusCode == HttpStatusCode.OK, $"{(int)ingest.StatusCode} {body}");
            Assert.Contains("\"outcome\":\"inserted\"", body);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    // Item 4 (the part on every path in): POST /api/ingest had no size cap.
    [Fact]
    public async Task Ingest_and_analyze_refuse_an_article_over_the_article_limit()
    {
        var big = string.Join(' ', Enumerable.Repeat("Vilniuje lijo.", ArticleReader.MaxArticleChars / 14 + 10));
        var analyze = await Problem(await Client().PostAsJsonAsync("/api/analyze", new { text = big, date = "2025-01-01" }), HttpStatusCode.BadRequest);
        Assert.Contains("longer than", Message(analyze, "text"));
        var ingest = await Client(apiKey: "k").SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/ingest")
        {
            Headers = { { "X-Api-Key", "k" } },
            Content = JsonContent.Create(new[] { new { date = "2025-01-01", text = big, url = "https://example.lt/big" } }),
        });
        var body = await ingest.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Contains("article too long", body);
    }

    // Item 11: `source` was the server's absolute file path.
    [Fact]
    public async Task Sources_in_search_and_articles_are_relative_to_the_folder_ingested()
    {
        var page = JsonDocument.Parse(await Client().GetStringAsync("/api/search?q=Putinas&limit=5")).RootElement;
        foreach (var hit in page.GetProperty("hits").EnumerateArray())
            Assert.StartsWith("samples/", hit.GetProperty("source").GetString());
        var id = page.GetProperty("hits")[0].GetProperty("id").GetInt64();
        var article = JsonDocument.Parse(await Client().GetStringAsync($"/api/articles/{id}")).RootElement;
        Assert.StartsWith("samples/", article.GetProperty("source").GetString());
        var list = await Client().GetStringAsync("/api/articles?limit=100");
        Assert.DoesNotContain(Path.GetDirectoryName(Kronika.Tests.TestPaths.Samples)!, list);
        var events = await Client().GetStringAsync("/api/events?limit=20");
        Assert.DoesNotContain(Path.GetDirectoryName(Kronika.Tests.TestPaths.Samples)!, events);
        var export = await Client().GetStringAsync("/api/export?format=csv&q=Putinas");
        Assert.Contains(",samples/", export);
        Assert.DoesNotContain(Path.GetDirectoryName(Kronika.Tests.TestPaths.Samples)!, export);
    }
}
