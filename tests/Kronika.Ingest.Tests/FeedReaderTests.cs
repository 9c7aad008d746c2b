using Kronika.Core.Model;

namespace Kronika.Ingest.Tests;

public class FeedReaderTests
{
    [Fact]
    public void Read_TakesEveryItemOfAnRssFeedAsAnArticle()
    {
        var path = TestData.File("feeds", "rss.xml");
        var results = ArticleReader.Read([path]).ToList();

        Assert.Equal(3, results.Count);
        var first = results[0].Document!;
        // content:encoded is the article; the description is only its teaser.
        Assert.Equal(
            "Utenoje po ilgos rekonstrukcijos atidarytas miesto baseinas su keturiais takeliais.\nSavivaldybė žada, kad moksleiviai plaukti mokysis nemokamai.",
            first.Text);
        Assert.Equal(2, first.Paragraphs.Count);
        // 00:30 +02:00 is the previous day in UTC; the article belongs to the day its source printed.
        Assert.Equal(new DateOnly(2025, 3, 12), first.Date);
        Assert.Equal(new ArticleSource($"{Path.GetFileName(path)}#1", "https://regionas.example/utena/baseinas", "regionas.example", "Utenoje atidarytas naujas baseinas", $"{path}#1"), first.Source);

        var second = results[1].Document!;
        Assert.Equal("Savaitgalį Alytaus kultūros centre vyks vaikų knygų mugė.\nĮėjimas nemokamas.", second.Text);
        Assert.Equal(new DateOnly(2025, 3, 13), second.Date);
        Assert.Equal("Alytuje – vaikų knygų mugė", second.Source.Title);

        Assert.Equal($"error: {path}#3: missing date: the item has no publishing date (or pass --date)", results[2].Error!.ToString());
    }

    [Fact]
    public void Read_DateOptionSuppliesOnlyMissingItemDates()
    {
        var path = TestData.File("feeds", "rss.xml");
        var dates = ArticleReader.Read([path], new DateOnly(2025, 3, 20)).Select(r => r.Document!.Date).ToList();
        Assert.Equal([new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 13), new DateOnly(2025, 3, 20)], dates);
    }

    [Fact]
    public void Read_TakesEveryEntryOfAnAtomFeedAsAnArticle()
    {
        var path = TestData.File("feeds", "atom.xml");
        var docs = ArticleReader.Read([path]).Select(r => r.Document!).ToList();

        Assert.Equal(2, docs.Count);
        Assert.Equal("Kauno „Žalgiris“ penktadienį išvykoje nugalėjo varžovus 84:79.\nRezultatyviausiai žaidė komandos kapitonas.", docs[0].Text);
        Assert.Equal(new DateOnly(2024, 11, 1), docs[0].Date);
        Assert.Equal(new ArticleSource($"{Path.GetFileName(path)}#1", "https://sportas.example/krepsinis/zalgiris-laimejo", "sportas.example", "Žalgiris laimėjo išvykoje", $"{path}#1"), docs[0].Source);
        // An entry with only a summary is read from the summary.
        Assert.Equal("Lietuvos rankinio rinktinė Vilniuje pradėjo stovyklą prieš Europos čempionato atranką.", docs[1].Text);
        Assert.Equal(new DateOnly(2024, 11, 2), docs[1].Date);
    }

    [Theory]
    [InlineData("<html><body><p>Ne kanalas.</p></body></html>")]
    [InlineData("<rss version=\"2.0\"><channel><item>")]
    public void ParseFeed_RejectsWhatIsNotAFeed(string xml)
    {
        var error = Assert.Throws<ArticleException>(() => ArticleReader.ParseFeed(xml, "a.xml").ToList());
        Assert.StartsWith("not an RSS or Atom feed: ", error.Message);
    }

    [Fact]
    public void ParseFeed_ReportsAFeedWithoutItems()
    {
        const string xml = """<rss version="2.0"><channel><title>Tuščias</title></channel></rss>""";
        var error = Assert.Throws<ArticleException>(() => ArticleReader.ParseFeed(xml, "a.xml").ToList());
        Assert.Equal("the feed has no items", error.Message);
    }

    [Fact]
    public void Read_ReportsAFeedUrlThatCannotBeFetchedInOneLineAndGoesOn()
    {
        const string url = "http://127.0.0.1:9/feed.xml";
        var results = ArticleReader.Read([url, TestData.File("feeds", "atom.xml")]).ToList();

        Assert.Equal(3, results.Count);
        var error = results[0].Error!.ToString();
        Assert.StartsWith($"error: {url}: cannot fetch: ", error);
        Assert.DoesNotContain('\n', error);
        Assert.NotNull(results[1].Document);
        Assert.NotNull(results[2].Document);
    }
}
