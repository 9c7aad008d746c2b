using System.Net;
using System.Text.Json;
using Kronika.Ingest;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kronika.Web.Tests;

/// <summary>GET /api/volume and GET /api/places over the samples: values checked against the search and chronicle endpoints.</summary>
public sealed class ChartApiTests(SampleStore samples) : IClassFixture<SampleStore>
{
    private HttpClient Client() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Kronika:Db", samples.Db)).CreateClient();

    private async Task<JsonElement> Get(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<(string Date, int Count)> Series(JsonElement volume) =>
        volume.GetProperty("series").EnumerateArray().Select(p => (p.GetProperty("date").GetString()!, p.GetProperty("count").GetInt32())).ToList();

    [Fact]
    public async Task Volume_by_publication_counts_per_month_and_day_the_stories_search_finds()
    {
        var hits = (await Get("/api/search?q=Putinas&limit=100")).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("date").GetString()!).ToList();
        var monthly = await Get("/api/volume?q=Putinas");
        Assert.Equal("published", monthly.GetProperty("by").GetString());
        Assert.Equal("month", monthly.GetProperty("bucket").GetString());
        Assert.Equal(hits.GroupBy(d => d[..7]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())), Series(monthly));
        Assert.Equal(hits.Count, monthly.GetProperty("total").GetInt32());

        var daily = await Get("/api/volume?entity=Putino&bucket=day");
        var entityHits = (await Get("/api/search?entity=Putino&limit=100")).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("date").GetString()!).ToList();
        Assert.Equal(entityHits.GroupBy(d => d).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())), Series(daily));
        Assert.Contains(("2025-08-13", 1), Series(daily));

        var from2025 = Series(await Get("/api/volume?from=2025-01-01&to=2025-12-31"));
        Assert.NotEmpty(from2025);
        Assert.All(from2025, p => Assert.StartsWith("2025-", p.Date));
    }

    [Fact]
    public async Task Volume_by_event_date_counts_the_days_the_stories_talk_about()
    {
        // The call article, published on Wednesday 2025-08-13, says the call was on Tuesday.
        var published = Series(await Get("/api/volume?entity=Kim%20Jong%20Unas&bucket=day&from=2025-08-01&to=2025-08-31"));
        var byEvent = await Get("/api/volume?entity=Kim%20Jong%20Unas&by=event&bucket=day&from=2025-08-01&to=2025-08-31");
        Assert.Equal("event", byEvent.GetProperty("by").GetString());
        Assert.Contains(("2025-08-13", 1), published);
        Assert.DoesNotContain(published, p => p.Date == "2025-08-12");
        Assert.Contains(("2025-08-12", 1), Series(byEvent));
        Assert.All(Series(byEvent), p => Assert.StartsWith("2025-08-", p.Date));
        // Months: every count is of distinct stories, so none exceeds the stories the search finds.
        var months = await Get("/api/volume?by=event");
        var stories = (await Get("/api/search?limit=1")).GetProperty("total").GetInt32();
        Assert.All(Series(months), p => Assert.InRange(p.Count, 1, stories));
        Assert.InRange(months.GetProperty("total").GetInt32(), 1, stories);
    }

    [Fact]
    public async Task Places_have_coordinates_from_the_knowledge_base_and_the_chronicles_event_counts()
    {
        var body = await Get("/api/places");
        var places = body.GetProperty("places").EnumerateArray().ToList();
        var vilnius = Assert.Single(places, p => p.GetProperty("name").GetString() == "Vilnius");
        Assert.Equal("Q216", vilnius.GetProperty("id").GetString());
        Assert.Equal(54.69, vilnius.GetProperty("lat").GetDouble(), 0.01);
        Assert.Equal(25.28, vilnius.GetProperty("lon").GetDouble(), 0.01);
        var atVilnius = (await Get("/api/chronicle?place=Vilnius&limit=1")).GetProperty("total").GetInt32();
        Assert.Equal(atVilnius, vilnius.GetProperty("count").GetInt32());
        // Every place is on the map or listed as unlocated, never both.
        var unlocated = body.GetProperty("unlocated").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Empty(places.Select(p => p.GetProperty("id").GetString()).Intersect(unlocated));

        var filtered = (await Get("/api/places?type=ASSAULT&from=2030-01-01")).GetProperty("places");
        Assert.Equal(0, filtered.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/volume?entity=Niekas%20Nebuv%C4%99s")]
    [InlineData("/api/volume?entity=Niekas%20Nebuv%C4%99s&by=event&bucket=day")]
    public async Task Volume_of_an_unknown_entity_is_empty_not_an_error(string url)
    {
        var volume = await Get(url);
        Assert.Equal(0, volume.GetProperty("total").GetInt32());
        Assert.Equal(0, volume.GetProperty("series").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/places?entity=Niekas%20Nebuv%C4%99s")]
    [InlineData("/api/places?side=Niekas%20Nebuv%C4%99s")]
    public async Task Places_of_an_unknown_entity_are_empty_not_an_error(string url)
    {
        var places = await Get(url);
        Assert.Equal(0, places.GetProperty("places").GetArrayLength());
        Assert.Equal(0, places.GetProperty("unlocated").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/volume?by=week", "by")]
    [InlineData("/api/volume?bucket=year", "bucket")]
    [InlineData("/api/volume?type=PERSON", "type")]
    [InlineData("/api/volume?from=2025-02-30", "from")]
    [InlineData("/api/volume?q=(Putinas", "q")]
    [InlineData("/api/places?type=WAR", "type")]
    [InlineData("/api/places?to=rytoj", "to")]
    public async Task Bad_chart_parameters_are_problems_naming_the_parameter(string url, string parameter)
    {
        var problem = await Get(url, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public void A_country_without_coordinates_of_its_own_is_shown_at_its_capital()
    {
        var vilnius = PlaceLocator.Locate("Q216", "Vilnius");
        Assert.NotNull(vilnius);
        Assert.False(vilnius.Value.AtCapital);
        var lithuania = PlaceLocator.Locate("Q37", "Lietuva");
        Assert.NotNull(lithuania);
        Assert.True(lithuania.Value.AtCapital);
        Assert.Equal((vilnius.Value.Lat, vilnius.Value.Lon), (lithuania.Value.Lat, lithuania.Value.Lon));
        Assert.Null(PlaceLocator.Locate(null, "Niekur Nebuvęs Kraštas"));
    }
}
