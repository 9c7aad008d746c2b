using CodeHollow.FeedReader;
using Kronika.Core.Model;

namespace Kronika.Ingest;

public static partial class ArticleReader
{
    /// <summary>
    /// Reads an RSS or Atom feed, one article per item: the text from the item's content, else its description
    /// (HTML reduced to plain paragraphs), its title, its link as the URL and its publishing date
    /// (<paramref name="date"/> supplies it when the item has none). Items are named `feed#n`, n counting from 1;
    /// a bad item yields one error and the others go on.
    /// </summary>
    public static IEnumerable<ReadResult> ParseFeed(string xml, string name, DateOnly? date = null)
    {
        Feed feed;
        try
        {
            feed = FeedReader.ReadFromString(xml);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The feed library throws XmlException, plain Exception ("unknown feed format") and, on missing
            // attributes, NullReferenceException: any of them means this input is not a feed we can read.
            throw new ArticleException($"not an RSS or Atom feed: {e.Message}");
        }
        if (feed.Items.Count == 0) throw new ArticleException("the feed has no items");

        var results = new List<ReadResult>(feed.Items.Count);
        var n = 0;
        foreach (var item in feed.Items)
        {
            var where = $"{name}#{++n}";
            try
            {
                results.Add(new ReadResult(ParseFeedItem(item, where, date), null));
            }
            catch (ArticleException e)
            {
                results.Add(new ReadResult(null, new ArticleError(where, e.Message)));
            }
        }
        return results;
    }

    private static Document ParseFeedItem(FeedItem item, string where, DateOnly? date)
    {
        var html = !string.IsNullOrWhiteSpace(item.Content) ? item.Content : item.Description;
        if (string.IsNullOrWhiteSpace(html)) throw new ArticleException("the item has no content or description");
        // The library's own PublishingDate is converted to UTC, which can move an article to the previous day;
        // the date string is read on the source's clock, and the converted value is only the last resort.
        var dct = ParseDate(item.PublishingDateString)
            ?? (item.PublishingDate is { } utc ? DateOnly.FromDateTime(utc) : (DateOnly?)null)
            ?? date
            ?? throw new ArticleException(string.IsNullOrWhiteSpace(item.PublishingDateString)
                ? "missing date: the item has no publishing date (or pass --date)"
                : $"unreadable date '{Clip(item.PublishingDateString)}'");
        var source = SourceFor(where, item.Link, item.Title);
        return Compose(HtmlText.Paragraphs(html), dct, source) ?? throw new ArticleException("the item's text is empty");
    }
}
