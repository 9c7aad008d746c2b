using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kronika.Web.Tests;

/// <summary>The endpoints the page needs beyond the others: the entity index, saving a watch, unknown names in the chronicle, the chronicle's export by its own filters.</summary>
public sealed class PageApiTests(SampleStore samples) : IClassFixture<SampleStore>
{
    private HttpClient Client() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Kronika:Db", samples.Db)).CreateClient();

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task BadRequest(HttpResponseMessage response, string parameter)
    {
        var problem = await Json(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    private static List<string> Names(JsonElement page) =>
        page.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("canonical").GetString()!).ToList();

    [Fact]
    public async Task The_entity_index_finds_names_by_part_filters_by_type_sorts_and_pages()
    {
        var korea = await Json(await Client().GetAsync("/api/entity-index?q=kor%C4%97j&limit=100"));
        Assert.Contains("Šiaurės Korėja", Names(korea));
        Assert.All(Names(korea), n => Assert.Contains("korėj", n, StringComparison.CurrentCultureIgnoreCase));
        Assert.Equal(korea.GetProperty("total").GetInt32(), Names(korea).Count);
        Assert.Contains("Vladimiras Putinas", Names(await Json(await Client().GetAsync("/api/entity-index?q=Q7747"))));

        var places = await Json(await Client().GetAsync("/api/entity-index?type=LOC&sort=name&limit=100"));
        var all = Names(places);
        Assert.All(places.GetProperty("entities").EnumerateArray(), e => Assert.Equal("LOC", e.GetProperty("type").GetString()));
        Assert.Equal(all.OrderBy(Endpoints.Entities.SortKey, StringComparer.Ordinal), all);
        Assert.True(all.IndexOf("Šiaurės Korėja") > all.IndexOf("Seulas"), "Š after S");
        var second = await Json(await Client().GetAsync("/api/entity-index?type=LOC&sort=name&limit=5&offset=5"));
        Assert.Equal(all.Skip(5).Take(5), Names(second));
        Assert.Equal(places.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());

        var byMentions = Names(await Json(await Client().GetAsync("/api/entity-index?sort=mentions&limit=100")));
        Assert.True(byMentions.Count > 20);
        await BadRequest(await Client().GetAsync("/api/entity-index?sort=random"), "sort");
        await BadRequest(await Client().GetAsync("/api/entity-index?type=PLACE"), "type");
        await BadRequest(await Client().GetAsync("/api/entity-index?offset=-2"), "offset");
    }

    [Fact]
    public async Task A_watch_saved_from_the_page_gives_its_feed_and_never_overwrites_another()
    {
        var client = Client();
        var created = await Json(await client.PostAsJsonAsync("/api/watches", new { name = "siaures-koreja", query = "karys", entity = "Šiaurės Korėja" }), HttpStatusCode.Created);
        Assert.Equal("/feeds/siaures-koreja.atom", created.GetProperty("feed").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/feeds/siaures-koreja.atom")).StatusCode);
        // The same watch again is fine; the same name for something else is a conflict.
        await Json(await client.PostAsJsonAsync("/api/watches", new { name = "siaures-koreja", query = "karys", entity = "Šiaurės Korėja" }));
        await Json(await client.PostAsJsonAsync("/api/watches", new { name = "siaures-koreja", query = "biudžetas" }), HttpStatusCode.Conflict);
        await BadRequest(await client.PostAsJsonAsync("/api/watches", new { name = "Šiaurės Korėja", query = "karys" }), "name");
        await BadRequest(await client.PostAsJsonAsync("/api/watches", new { name = "tuscias" }), "query");
        await BadRequest(await client.PostAsJsonAsync("/api/watches", new { name = "niekas", entity = "Niekas Nebuvęs" }), "entity");
        await BadRequest(await client.PostAsJsonAsync("/api/watches", new { name = "blogas", query = "(karys" }), "q");
    }

    [Fact]
    public async Task The_chronicle_names_the_filters_whose_name_is_no_entity()
    {
        var page = await Json(await Client().GetAsync("/api/chronicle?actor=Niekas%20Nebuv%C4%99s&target=Rusija"));
        Assert.Equal(0, page.GetProperty("total").GetInt32());
        Assert.Equal(["actor"], page.GetProperty("unknown").EnumerateArray().Select(x => x.GetString()));
        var known = await Json(await Client().GetAsync("/api/chronicle?actor=Rusija"));
        Assert.Equal(0, known.GetProperty("unknown").GetArrayLength());
    }

    [Fact]
    public async Task The_chronicle_export_keeps_the_views_actor_target_and_type()
    {
        const string filters = "actor=Rusija&target=%C5%A0iaur%C4%97s%20Kor%C4%97ja&type=MOBILIZE";
        var page = await Json(await Client().GetAsync($"/api/chronicle?{filters}&limit=100"));
        var ids = page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.NotEmpty(ids);
        var csv = await Client().GetStringAsync($"/api/export?source=chronicle&format=csv&{filters}");
        var exported = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.Equal(ids, exported);
        var everything = await Client().GetStringAsync("/api/export?source=chronicle&format=csv");
        Assert.True(everything.Split('\n').Length > csv.Split('\n').Length);
        var bad = await Client().GetAsync("/api/export?source=chronicle&format=csv&type=VISIT");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
