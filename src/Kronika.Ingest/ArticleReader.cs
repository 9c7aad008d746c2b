using System.Globalization;
using System.Text;
using Kronika.Core.Model;
using Kronika.Lithuanian.Time;

namespace Kronika.Ingest;

/// <summary>An input that could not be read: printed as `error: &lt;file&gt;: &lt;problem&gt;`.</summary>
public sealed record ArticleError(string Source, string Problem)
{
    public override string ToString() => $"error: {Source}: {Problem}";
}

/// <summary>One input read: either a document or the reason there is none.</summary>
public readonly record struct ReadResult(Document? Document, ArticleError? Error);

/// <summary>
/// Reads articles: the seed text format (here), JSON Lines, saved HTML news pages and RSS/Atom feeds (the partial
/// files of the same names). In the seed format the first line starts with ` date YYYY-MM-DD ` followed by the first
/// paragraph; each further line is a paragraph. Inputs are files, folders (recursively, sorted), feed URLs or `-` for stdin.
/// </summary>
public static partial class ArticleReader
{
    /// <summary>Larger inputs (a file, standard input, a feed's answer, a request's body) are refused rather than read into memory.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The longest article, in characters, on every path in (text files, JSON lines, HTML pages, feed items, the API):
    /// a longer one is that article's error. News articles are a few thousand characters; a book-length one costs
    /// seconds of analysis and hundreds of megabytes.
    /// </summary>
    public const int MaxArticleChars = 1_000_000;

    /// <summary>The error of an article over <see cref="MaxArticleChars"/>, or null.</summary>
    public static string? TooLong(int chars) =>
        chars > MaxArticleChars ? $"article too long ({chars:N0} characters; the limit is {MaxArticleChars:N0})" : null;

    /// <summary>Parses the text of one article. <paramref name="date"/>, when given, supplies or overrides the date line.</summary>
    public static Document Parse(string text, ArticleSource source, DateOnly? date = null)
    {
        if (text.Length == 0) throw new ArticleException("empty file");
        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var (fileDate, firstParagraph) = ReadDateLine(lines[0]);
        var dct = date ?? fileDate ?? throw new ArticleException(
            "missing date: the first line must start with ' date YYYY-MM-DD' (or pass --date)");

        lines[0] = firstParagraph;
        return Compose(lines, dct, source, text.Length) ?? throw new ArticleException("no text after the date line");
    }

    /// <summary>
    /// Builds a document from paragraphs: each is trimmed, empty ones are dropped, and they are joined by single line
    /// breaks with their ranges recorded. Null when no paragraph has text.
    /// </summary>
    internal static Document? Compose(IEnumerable<string> paragraphs, DateOnly date, ArticleSource source, int capacity = 0)
    {
        var sb = new StringBuilder(capacity);
        var ranges = new List<TextRange>();
        foreach (var paragraph in paragraphs)
        {
            var line = paragraph.AsSpan().Trim();
            if (line.IsEmpty) continue;
            if (sb.Length > 0) sb.Append('\n');
            ranges.Add(new TextRange(sb.Length, sb.Length + line.Length));
            sb.Append(line);
        }
        if (TooLong(sb.Length) is { } tooLong) throw new ArticleException(tooLong);
        return ranges.Count == 0 ? null : new Document(sb.ToString(), date, source, ranges);
    }

    /// <summary>Splits ` date YYYY-MM-DD rest` into the date and the rest; no date line gives (null, line).</summary>
    private static (DateOnly? Date, string FirstParagraph) ReadDateLine(string line)
    {
        var s = line.TrimStart('\uFEFF').TrimStart();
        if (!s.StartsWith("date", StringComparison.Ordinal) || (s.Length > 4 && !char.IsWhiteSpace(s[4])))
            return (null, line);
        s = s[4..].TrimStart();
        var end = 0;
        while (end < s.Length && !char.IsWhiteSpace(s[end])) end++;
        var value = s[..end];
        if (!IsDateShape(value)) throw new ArticleException($"malformed date '{Clip(value)}': expected YYYY-MM-DD");
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new ArticleException($"impossible date {value}");
        return (date, s[end..]);
    }

    private static bool IsDateShape(string s) =>
        s.Length == 10 && s[4] == '-' && s[7] == '-' && s.Where((c, i) => i is not (4 or 7)).All(char.IsAsciiDigit);

    private static string Clip(string s) => s.Length <= 20 ? s : s[..20] + "…";

    /// <summary>
    /// Reads every input in order; a bad input (or a bad line or item of one) yields an error and the rest go on.
    /// An input is chosen by its form: `http://` and `https://` are feeds, `-` is standard input in the seed format,
    /// a folder is every article file inside it, a file is read by its extension (see <see cref="FormatOf"/>).
    /// <paramref name="date"/> supplies or overrides the date of a single-article file (seed text, HTML page); in
    /// JSON Lines and feeds, which hold many articles with their own dates, it supplies only the missing ones.
    /// Every document read gets its <see cref="Document.Language"/> from <see cref="LanguageDetector"/>.
    /// </summary>
    public static IEnumerable<ReadResult> Read(IEnumerable<string> inputs, DateOnly? date = null, Func<Stream>? stdin = null)
    {
        // Each file is read once, however many links or inputs lead to it; each folder is walked once (so a link
        // back up the tree is not followed round).
        var seen = new Seen();
        foreach (var input in inputs)
        {
            IEnumerable<ReadResult> results;
            if (input == "-")
                results = ReadOne("-", "-", null, () => ReadAll(stdin?.Invoke() ?? Console.OpenStandardInput()), InputFormat.Text, date);
            else if (IsUrl(input))
                results = ReadOne(input, input, null, () => Fetch(input), InputFormat.Feed, date);
            else if (Directory.Exists(input))
                results = FilesUnder(input, seen).SelectMany(f => f.Error is null
                    ? ReadOne(f.Path, f.Shown, f.Real, () => ReadFile(f.Path), FormatOf(f.Path), date)
                    : [new ReadResult(null, f.Error)]);
            else
                results = ReadInput(input, seen, date);

            foreach (var result in results)
            {
                if (result.Document is { } doc) doc.Language = LanguageDetector.Shared.Detect(doc.Text);
                yield return result;
            }
        }
    }

    /// <summary>A file named as an input: shown as given when relative, by its name when absolute.</summary>
    private static IEnumerable<ReadResult> ReadInput(string input, Seen seen, DateOnly? date)
    {
        string? real = null;
        try
        {
            if (File.Exists(input)) real = RealPath(input);
        }
        catch (IOException e)
        {
            return [new ReadResult(null, new ArticleError(input, Describe(e)))];
        }
        if (real is not null && !seen.Files.Add(real)) return [];
        var shown = Path.IsPathRooted(input) ? Path.GetFileName(input) : input;
        return ReadOne(input, shown, real, () => ReadFile(input), FormatOf(input), date);
    }

    /// <summary>The files and folders already read in one <see cref="Read"/>, by their real paths (links resolved).</summary>
    private sealed class Seen
    {
        public readonly HashSet<string> Files = new(StringComparer.Ordinal);
        public readonly HashSet<string> Folders = new(StringComparer.Ordinal);
    }

    /// <summary>The formats an input can be in.</summary>
    public enum InputFormat { Text, JsonLines, Html, Feed }

    /// <summary>
    /// A file's format by its extension: `.jsonl`/`.ndjson` JSON Lines, `.html`/`.htm` a saved news page,
    /// `.xml`/`.rss`/`.atom` an RSS or Atom feed; anything else (`.txt`, no extension) the seed text format.
    /// </summary>
    public static InputFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => InputFormat.JsonLines,
        ".html" or ".htm" => InputFormat.Html,
        ".xml" or ".rss" or ".atom" => InputFormat.Feed,
        _ => InputFormat.Text,
    };

    /// <summary>The extensions taken from folders; other files there (notes, images) are not articles.</summary>
    private static readonly string[] ArticleExtensions = [".txt", ".jsonl", ".ndjson", ".html", ".htm", ".xml", ".rss", ".atom"];

    private static bool IsUrl(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads and decodes one input and parses it in its format. Problems with the whole input (missing, empty,
    /// binary, unreachable) give one error naming it; JSON Lines and feeds report bad lines and items themselves.
    /// </summary>
    /// <remarks>
    /// <paramref name="name"/> names the input in errors (as the user wrote it); <paramref name="shown"/> names it in
    /// the documents' sources (relative to the folder read); <paramref name="real"/> is its real path, the identity
    /// of its articles in the store. A JSON line or feed item adds its `:line` or `#n` to each.
    /// </remarks>
    private static List<ReadResult> ReadOne(string name, string shown, string? real, Func<byte[]> read, InputFormat format, DateOnly? date)
    {
        try
        {
            var bytes = read();
            if (bytes.Length == 0) throw new ArticleException("empty file");
            var (text, _) = TextDecoder.Decode(bytes);
            List<ReadResult> results = format switch
            {
                InputFormat.JsonLines => [.. ParseJsonLines(text, name, date)],
                InputFormat.Html => [new ReadResult(ParseHtml(text, name, date), null)],
                InputFormat.Feed => [.. ParseFeed(text, name, date)],
                _ => [new ReadResult(Parse(text, new ArticleSource(name), date), null)],
            };
            foreach (var r in results)
                if (r.Document is { } doc && doc.Source.Name.StartsWith(name, StringComparison.Ordinal))
                {
                    var rest = doc.Source.Name[name.Length..];
                    doc.Source = doc.Source with { Name = shown + rest, Location = real is null ? null : real + rest };
                }
            return results;
        }
        catch (ArticleException e)
        {
            return [new ReadResult(null, new ArticleError(name, e.Message))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new ReadResult(null, new ArticleError(name, Describe(e)))];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever else a parser throws is this input's problem, not the run's.
            return [new ReadResult(null, new ArticleError(name, $"cannot read: {e.Message.ReplaceLineEndings(" ")}"))];
        }
    }

    private static byte[] ReadFile(string path)
    {
        if (!File.Exists(path)) throw new ArticleException("no such file or directory");
        var info = new FileInfo(path);
        if (info.Length > MaxBytes) throw new ArticleException($"file too large ({info.Length / (1024 * 1024)} MB; the limit is {MaxBytes / (1024 * 1024)} MB)");
        return File.ReadAllBytes(path);
    }

    /// <summary>Feeds are small; a server that does not answer within this time is reported, not waited for.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

    // One client for the process, as HttpClient is meant to be used; it follows redirects. The body is buffered
    // (ResponseContentRead) so that the timeout covers it too, and the buffer limit refuses oversized answers.
    private static readonly Lazy<HttpClient> Http = new(() =>
    {
        var client = new HttpClient { Timeout = FetchTimeout, MaxResponseContentBufferSize = MaxBytes };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Kronika/1.0 (+news feed reader)");
        return client;
    });

    /// <summary>Downloads a URL's body; any failure becomes one problem line for that URL.</summary>
    private static byte[] Fetch(string url)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = Http.Value.Send(request, HttpCompletionOption.ResponseContentRead);
            if (!response.IsSuccessStatusCode)
                throw new ArticleException($"cannot fetch: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            using var body = response.Content.ReadAsStream();
            return ReadAll(body);
        }
        catch (TaskCanceledException)
        {
            throw new ArticleException($"cannot fetch: no answer within {FetchTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            throw new ArticleException($"cannot fetch: {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or UriFormatException or NotSupportedException)
        {
            throw new ArticleException($"cannot fetch: {e.Message}");
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            if (ms.Length + n > MaxBytes) throw new ArticleException($"input too large (the limit is {MaxBytes / (1024 * 1024)} MB)");
            ms.Write(buffer, 0, n);
        }
        return ms.ToArray();
    }

    /// <summary>A file found under a folder: its path (as reached from the folder given), how it is shown, its real path; or an entry that could not be read.</summary>
    private readonly record struct Found(string Path, string Shown, string Real, ArticleError? Error);

    /// <summary>
    /// The article files under a folder, recursively, in ordinal path order. An entry that cannot be read (a folder
    /// without permission, a broken or looping link) is one error and its siblings go on. Links are followed, but
    /// each folder and each file is taken once by its real path, so a link back up the tree (`self -> .`) ends there.
    /// Files are shown by their path from the folder's parent: `ingest /data/news` shows `news/2025/a.txt`.
    /// </summary>
    private static IEnumerable<Found> FilesUnder(string folder, Seen seen)
    {
        var found = new List<Found>();
        string root;
        try
        {
            root = RealPath(folder);
        }
        catch (IOException e)
        {
            return [new Found(folder, folder, folder, new ArticleError(folder, Describe(e)))];
        }
        var top = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden };

        void Walk(string path, string real, string shown)
        {
            if (!seen.Folders.Add(real)) return;
            List<string> entries;
            try
            {
                entries = [.. Directory.EnumerateFileSystemEntries(path, "*", options)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                found.Add(new Found(path, shown, real, new ArticleError(path, Describe(e))));
                return;
            }
            foreach (var entry in entries)
            {
                var entryName = Path.GetFileName(entry);
                var entryShown = shown.Length == 0 ? entryName : shown + "/" + entryName;
                try
                {
                    var link = new FileInfo(entry).LinkTarget;
                    var entryReal = link is null ? Path.Combine(real, entryName) : RealPath(Path.Combine(real, link));
                    if (Directory.Exists(entryReal)) Walk(entry, entryReal, entryShown);
                    else if (!ArticleExtensions.Contains(Path.GetExtension(entry), StringComparer.OrdinalIgnoreCase)) continue;
                    else if (!File.Exists(entryReal)) found.Add(new Found(entry, entryShown, entryReal, new ArticleError(entry, "a link to nothing")));
                    else if (seen.Files.Add(entryReal)) found.Add(new Found(entry, entryShown, entryReal, null));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    found.Add(new Found(entry, entryShown, entry, new ArticleError(entry, Describe(e))));
                }
            }
        }

        Walk(folder, root, top);
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }

    /// <summary>More links than this in one path is a loop (as the system's own limit, ELOOP, says).</summary>
    private const int MaxLinks = 40;

    /// <summary>The absolute path with every symbolic link in it resolved; a link loop is an <see cref="IOException"/>.</summary>
    internal static string RealPath(string path)
    {
        var links = 0;
        string Resolve(string full)
        {
            var root = Path.GetPathRoot(full)!;
            var result = root;
            foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            {
                var next = Path.Combine(result, part);
                var target = new FileInfo(next).LinkTarget;
                if (target is null) { result = next; continue; }
                if (++links > MaxLinks) throw new IOException("a loop of symbolic links");
                result = Resolve(Path.GetFullPath(target, result));
            }
            return result;
        }
        return Resolve(Path.GetFullPath(path));
    }

    /// <summary>
    /// A publication date as sources print it: `YYYY-MM-DD`, ISO 8601, the Lithuanian forms
    /// <see cref="PublicationDate"/> reads, or RFC 822 (`Thu, 22 Dec 2016 11:10:00 +0200`, RSS). The date is the one
    /// on the source's own clock, not converted to UTC: an article printed 00:30 local time belongs to that day.
    /// </summary>
    internal static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (PublicationDates.Value.Parse(text) is { } parsed) return parsed.Date;
        var s = text.Trim();
        // A leading weekday (`Thu, `) may disagree with the date or be in another language; the date alone decides.
        var comma = s.IndexOf(',');
        if (comma is > 0 and <= 12 && s[..comma].All(char.IsLetter)) s = s[(comma + 1)..].Trim();
        // Only with a month name: all-digit forms such as 08/12/2025 mean different days in different countries.
        if (!s.Any(char.IsAsciiLetter)) return null;
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto)
            ? DateOnly.FromDateTime(dto.DateTime)
            : null;
    }

    /// <summary>Built once: the month table behind it is loaded from the Lithuanian resources.</summary>
    private static readonly Lazy<PublicationDate> PublicationDates = new(PublicationDate.Load);

    /// <summary>
    /// The source of an article: where it was read (a path, `file:line`, `feed#n`), its URL, the site (as given, else
    /// the host of an absolute http(s) URL) and its title with whitespace collapsed.
    /// </summary>
    internal static ArticleSource SourceFor(string name, string? url, string? title, string? site = null)
    {
        url = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        var host = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.Host : null;
        title = string.IsNullOrWhiteSpace(title) ? null : HtmlText.Collapse(title);
        site = string.IsNullOrWhiteSpace(site) ? host : site.Trim();
        return new ArticleSource(name, url, site, title);
    }

    private static string Describe(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        _ => e.Message,
    };
}
