using Kronika.Store;

namespace Kronika.Store.Tests;

/// <summary>
/// Issue 21 item 1 in the store: an article dated 0001-01-01 or 9999-12-31 made the story window, a tense bound, the
/// chronicle's months or a date filter step past the calendar (POST /api/ingest answered 500, `kronika ingest` ended).
/// </summary>
public class CalendarEdgeTests
{
    [Theory]
    [InlineData("9999-01-01", "9999-12-31", "y9999")]
    [InlineData("9999-12-01", "9999-12-31", "m999912")]
    [InlineData("9999-12-30", "9999-12-31", "d99991230 d99991231")]
    [InlineData("0001-01-01", "0001-01-31", "m000101")]
    public void A_date_filter_up_to_the_calendars_end_is_its_words(string from, string to, string words)
    {
        Assert.Equal(words, string.Join(' ', Facets.DateRange(DateOnly.Parse(from), DateOnly.Parse(to))));
    }

    [Theory]
    [InlineData("FUTURE_REF", "9999-12-31", "9999-12-31", "9999-12-31")]
    [InlineData("PAST_REF", "0001-01-01", "0001-01-01", "0001-01-01")]
    [InlineData("PRESENT_REF", "0001-01-01", "0001-01-01", "0001-01-01")]
    [InlineData("PAST_REF", "0001-01-03", "0001-01-01", "0001-01-03")]
    public void A_tense_bound_stops_at_the_calendars_end(string tense, string article, string from, string to)
    {
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), StoredEvent.Bounds(tense, DateOnly.Parse(article)));
    }

    [Fact]
    public void Articles_dated_at_the_calendars_ends_are_stored_with_their_stories_and_events_and_found()
    {
        var dir = Directory.CreateTempSubdirectory("kronika-edge-store-").FullName;
        try
        {
            using var store = new SqliteStore(Path.Combine(dir, "k.db"));
            const string text = "Rusijos prezidentas Vladimiras Putinas vakar susitiko su Šiaurės Korėjos lyderiu Kim Jong Unu Pchenjane. " +
                                "Kitą savaitę Rusija ir Šiaurės Korėja pasirašys sutartį, pranešė Kremlius.";
            var first = Articles.Analyze(text, "pradzia.txt", DateOnly.MinValue);
            var last = Articles.Analyze(text + " Rytoj vyks posėdis.", "pabaiga.txt", DateOnly.MaxValue);
            Assert.NotEmpty(first.Events);
            Assert.Equal([WriteOutcome.Inserted, WriteOutcome.Inserted], store.Write([first, last]));
            var found = store.Search(new SearchRequest(Articles.Query("Putinas"), From: new DateOnly(9999, 1, 1), To: DateOnly.MaxValue));
            Assert.Equal("pabaiga.txt", Assert.Single(found.Hits).Source);
            Assert.NotEqual(0, store.Chronicle(new ChronicleRequest(From: DateOnly.MinValue, To: new DateOnly(1, 12, 31))).Total);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
