using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kronika.Lithuanian.Time;
using SmartReader;
using Document = Kronika.Core.Model.Document;

namespace Kronika.Ingest;

public static partial class ArticleReader
{
    /// <summary>A date line is short: `Paskelbta: 2016 m. gruodžio 22 d. 11:10` and the like.</summary>
    private const int MaxDateLineLength = 60;

    /// <summary>
    /// Reads a saved news page: the main text as SmartReader extracts it, one paragraph per block, the title, the
    /// canonical URL (`link rel=canonical`, else `og:url`) and the publication date from the page's metadata
    /// (`article:published_time`, `og:published_time`, JSON-LD `datePublished`, `itemprop=datePublished`, `pubdate`,
    /// `date`), else from a printed Lithuanian date line, else from a `time` element in the article.
    /// <paramref name="date"/>, when given, supplies or overrides it.
    /// </summary>
    public static Document ParseHtml(string html, string name, DateOnly? date = null)
    {
        var page = new HtmlParser().ParseDocument(html);
        // Everything taken from the page itself is read first: SmartReader rewrites the document as it extracts.
        var url = CanonicalUrl(page);
        var pageDate = date ?? MetaDate(page) ?? DateLine(page) ?? TimeElementDate(page);

        Article article;
        try
        {
            using var reader = new Reader(url ?? FileUrl(name), page);
            article = reader.GetArticle();
        }
        catch (Exception e) when (e is not ArticleException and not OutOfMemoryException)
        {
            // SmartReader is a heuristic over arbitrary markup; whatever it throws is this page's problem only.
            throw new ArticleException($"cannot extract the article: {e.Message}");
        }
        // IsReadable false is SmartReader's doubt about short pages (its threshold is 500 characters); a short news
        // item is still an article, so whatever text it extracted is taken.
        var paragraphs = string.IsNullOrWhiteSpace(article.Content) ? [] : HtmlText.Paragraphs(article.Content);
        // The date line, when the extractor keeps it, is page furniture above the text, not a paragraph of it.
        for (var i = 0; i < Math.Min(3, paragraphs.Count); i++)
            if (DateLineDate(paragraphs[i]) is not null) paragraphs.RemoveAt(i--);
        if (paragraphs.Count == 0) throw new ArticleException("no article text found in the page");

        var dct = pageDate ?? throw new ArticleException(
            "missing date: no publication date in the page's meta tags or text (pass --date)");
        var source = SourceFor(name, url, string.IsNullOrWhiteSpace(article.Title) ? page.Title : article.Title);
        return Compose(paragraphs, dct, source) ?? throw new ArticleException("no article text found in the page");
    }

    /// <summary>SmartReader wants a base URI for relative links; a file stands for itself.</summary>
    private static string FileUrl(string name)
    {
        try
        {
            return new Uri(Path.GetFullPath(name)).AbsoluteUri;
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or NotSupportedException or PathTooLongException)
        {
            return "file:///article.html";
        }
    }

    private static string? CanonicalUrl(IHtmlDocument page)
    {
        foreach (var link in page.QuerySelectorAll("link[rel~=canonical][href]"))
            if (AbsoluteHttp(link.GetAttribute("href"))) return link.GetAttribute("href")!.Trim();
        var og = Meta(page, "og:url");
        return AbsoluteHttp(og) ? og!.Trim() : null;
    }

    private static bool AbsoluteHttp(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>The date in the page's metadata, most specific source first; unreadable values are passed over.</summary>
    private static DateOnly? MetaDate(IHtmlDocument page) =>
        ParseDate(Meta(page, "article:published_time"))
        ?? ParseDate(Meta(page, "og:published_time"))
        ?? ParseDate(JsonLdDatePublished(page))
        ?? ParseDate(Meta(page, "datePublished"))
        ?? ParseDate(Meta(page, "pubdate"))
        ?? ParseDate(page.QuerySelector("time[pubdate][datetime]")?.GetAttribute("datetime"))
        ?? ParseDate(Meta(page, "date"));

    /// <summary>The content of the first `meta` whose property, name or itemprop is <paramref name="key"/> (any case).</summary>
    private static string? Meta(IHtmlDocument page, string key)
    {
        foreach (var meta in page.QuerySelectorAll("meta[content]"))
        {
            var id = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(id?.Trim(), key, StringComparison.OrdinalIgnoreCase)) return meta.GetAttribute("content");
        }
        return null;
    }

    /// <summary>The first `datePublished` string anywhere in the page's JSON-LD blocks (they nest: @graph, arrays).</summary>
    private static string? JsonLdDatePublished(IHtmlDocument page)
    {
        var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, options);
                if (Find(json.RootElement) is { } found) return found;
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often broken; a broken block just has no date to give.
            }
        }
        return null;

        static string? Find(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in e.EnumerateObject())
                    if (property.NameEquals("datePublished") && property.Value.ValueKind == JsonValueKind.String) return property.Value.GetString();
                foreach (var property in e.EnumerateObject())
                    if (Find(property.Value) is { } found) return found;
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                    if (Find(item) is { } found) return found;
            }
            return null;
        }
    }

    /// <summary>
    /// The first printed date line, looked for in the article region first: site headers often print today's date,
    /// which is not the article's.
    /// </summary>
    private static DateOnly? DateLine(IHtmlDocument page)
    {
        foreach (var region in page.QuerySelectorAll("article, main, [itemprop=articleBody]"))
            if (DateLineIn(region) is { } date) return date;
        return page.Body is null ? null : DateLineIn(page.Body);
    }

    private static DateOnly? DateLineIn(IElement scope)
    {
        foreach (var element in scope.QuerySelectorAll("*"))
        {
            // Small elements only: a date line is a label, and a container's text is the whole of its children's.
            if (element.ChildElementCount > 4 || element.LocalName is "script" or "style" or "noscript" or "template") continue;
            var text = element.TextContent;
            // A wrapper with one child holds the whole article: too long to be a label even before collapsing spaces.
            if (text.Length > 8 * MaxDateLineLength) continue;
            if (DateLineDate(HtmlText.Collapse(text)) is { } date) return date;
        }
        return null;
    }

    /// <summary>
    /// The date of a date line: a short text with a digit and at most three longer words (`Paskelbta`, `gruodžio`,
    /// `Pirmadienis`, `Kovas`) that <see cref="PublicationDate"/> reads. A sentence that merely mentions a date has
    /// more words, and is not taken.
    /// </summary>
    private static DateOnly? DateLineDate(string text)
    {
        if (text.Length is < 8 or > MaxDateLineLength || !text.Any(char.IsAsciiDigit)) return null;
        int words = 0, run = 0;
        foreach (var c in text + " ")
        {
            if (char.IsLetter(c)) { run++; continue; }
            if (run >= 3) words++;
            run = 0;
        }
        return words <= 3 ? PublicationDates.Value.Parse(text)?.Date : null;
    }

    /// <summary>A `time` element's machine-readable date in the article region: templates that print only `prieš 2 val.`.</summary>
    private static DateOnly? TimeElementDate(IHtmlDocument page)
    {
        foreach (var time in page.QuerySelectorAll("article time[datetime], main time[datetime]"))
            if (ParseDate(time.GetAttribute("datetime")) is { } date) return date;
        return null;
    }
}
