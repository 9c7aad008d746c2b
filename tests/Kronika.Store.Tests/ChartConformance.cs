namespace Kronika.Store.Tests;

/// <summary>The charts' reads (volume per period, places of events), the same on both stores.</summary>
public abstract partial class StoreConformance
{
    private static string Month(DateOnly d) => d.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Volume_CountsStoriesPerMonthOfPublication()
    {
        WithSamples();
        var volume = Store.Volume(new SearchRequest(null), monthly: true);
        var expected = Articles.Samples.GroupBy(a => Month(a.Date)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
        Assert.Equal(expected, volume.Series);
        Assert.Equal(Articles.Samples.Count, volume.Total);

        var putin = Store.Volume(new SearchRequest(Articles.Query("Putinas")), monthly: false);
        Assert.Equal(Store.Search(new SearchRequest(Articles.Query("Putinas"))).Total, putin.Total);
        Assert.Contains(("2025-08-13", 1), putin.Series);
        Assert.All(putin.Series, p => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", p.Period));

        var from2025 = Store.Volume(new SearchRequest(null, From: new DateOnly(2025, 1, 1)), monthly: true);
        Assert.All(from2025.Series, p => Assert.True(string.CompareOrdinal(p.Period, "2025-01") >= 0, p.Period));
        Assert.Equal(Articles.Samples.Count(a => a.Date.Year >= 2025), from2025.Total);
    }

    [Fact]
    public void Volume_ByEventDate_CountsEachStoryOnceInEveryMonthItNamesADateOf_WithinThePublicationYears()
    {
        WithSamples();
        var volume = Store.Volume(new SearchRequest(null, EventDates: true), monthly: true);
        var (first, last) = (new DateOnly(Articles.Samples.Min(a => a.Date).Year, 1, 1), new DateOnly(Articles.Samples.Max(a => a.Date).Year, 12, 31));
        // The same count, made from the articles' time expressions here rather than in SQL.
        var months = Articles.Samples.Select(a => a.Times
                .Where(t => t.From is { } f && t.To is { } to && Month(f) == Month(to) && f >= first && to <= last)
                .Select(t => Month(t.From!.Value)).Distinct().ToList())
            .ToList();
        var expected = months.SelectMany(m => m).GroupBy(m => m).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, volume.Series);
        Assert.Equal(months.Count(m => m.Count > 0), volume.Total);

        // The call article (published 2025-08-13) talks about Tuesday, 2025-08-12.
        var call = Store.Volume(new SearchRequest(Articles.Query("Kim"), From: new DateOnly(2025, 8, 1), To: new DateOnly(2025, 8, 31), EventDates: true), monthly: false);
        Assert.Contains(("2025-08-12", 1), call.Series);
        Assert.All(call.Series, p => Assert.StartsWith("2025-08-", p.Period));
    }

    [Theory]
    [InlineData("Q7747")]
    [InlineData("Q37")]
    [InlineData("Q159")]
    public void Volume_OfOneEntityByPublication_ReadFromItsDailyCounts_EqualsItsStoriesPerPeriod(string key)
    {
        WithSamples();
        foreach (var (from, to) in new (DateOnly?, DateOnly?)[] { (null, null), (new DateOnly(2024, 7, 1), null), (new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)) })
            foreach (var monthly in new[] { true, false })
            {
                var request = new SearchRequest(null, from, to, EntityKeys: [key]);
                var volume = Store.Volume(request, monthly);
                var stories = Store.Search(request with { Limit = 100 }).Hits;
                var expected = stories.GroupBy(h => monthly ? Month(h.Date) : h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                    .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
                Assert.Equal(expected, volume.Series);
                Assert.Equal(stories.Count, volume.Total);
                // The same key twice goes the general way (every story matched): the same answer.
                Assert.Equal(volume.Series, Store.Volume(request with { EntityKeys = [key, key] }, monthly).Series);
            }
        Assert.NotEmpty(Store.Volume(new SearchRequest(null, EntityKeys: [key]), monthly: true).Series);
    }

    [Fact]
    public void Volume_OfAnUnknownEntityIsEmpty()
    {
        WithSamples();
        var none = Store.Volume(new SearchRequest(null, EntityKeys: []), monthly: true);
        Assert.Equal(0, none.Total);
        Assert.Empty(none.Series);
        Assert.Empty(Store.Volume(new SearchRequest(null, EntityKeys: [], EventDates: true), monthly: false).Series);
    }

    [Fact]
    public void Places_CountTheChronicleEventsAtEachPlace_WithTheChroniclesFilters()
    {
        Store.Write(ChronicleFixtures.Chronicle);
        var places = Store.Places(new PlaceRequest());
        Assert.NotEmpty(places);
        Assert.Equal(places.OrderByDescending(p => p.Events).Select(p => p.Events), places.Select(p => p.Events));
        foreach (var place in places)
            Assert.Equal(Store.Chronicle(new ChronicleRequest(PlaceKeys: [place.Key], Limit: 1)).Total, place.Events);
        var vilnius = Assert.Single(places, p => p.Name == "Vilnius");
        Assert.Equal("Q216", vilnius.Kb);

        // Filters: the visit to Vilnius is a CONSULT with Andrzejus Duda taking part; nothing is at Vilnius in 2020.
        Assert.Contains(Store.Places(new PlaceRequest(Type: "CONSULT", EntityKeys: Keys("Andrzejus Duda"))), p => p.Name == "Vilnius");
        Assert.DoesNotContain(Store.Places(new PlaceRequest(Type: "ASSAULT")), p => p.Name == "Vilnius");
        Assert.Empty(Store.Places(new PlaceRequest(From: new DateOnly(2020, 1, 1), To: new DateOnly(2020, 12, 31))));
        Assert.Empty(Store.Places(new PlaceRequest(EntityKeys: [])));
        Assert.Empty(Store.Places(new PlaceRequest(SideKeys: [])));
        var byQuery = Store.Places(new PlaceRequest(Query: Articles.Query("Duda")));
        Assert.Contains(byQuery, p => p.Name == "Vilnius");
        Assert.True(byQuery.Sum(p => p.Events) < places.Sum(p => p.Events));
    }
}
