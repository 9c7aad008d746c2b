using System.Globalization;
using System.Text;
using Kronika.Core.Model;

namespace Kronika.Ingest;

/// <summary>An input that could not be read: printed as `error: &lt;file&gt;: &lt;problem&gt;`.</summary>
public sealed record ArticleError(string Source, string Problem)
{
    public override string ToString() => $"error: {Source}: {Problem}";
}

/// <summary>One input read: either a document or the reason there is none.</summary>
public readonly record struct ReadResult(Document? Document, ArticleError? Error);

/// <summary>
/// Reads articles in the seed format: the first line starts with ` date YYYY-MM-DD ` followed by the first
/// paragraph; each further line is a paragraph. Inputs are files, folders (recursively, `*.txt`, sorted) or `-` for stdin.
/// </summary>
public static class ArticleReader
{
    /// <summary>Larger inputs are refused rather than read into memory.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Parses the text of one article. <paramref name="date"/>, when given, supplies or overrides the date line.</summary>
    public static Document Parse(string text, ArticleSource source, DateOnly? date = null)
    {
        if (text.Length == 0) throw new ArticleException("empty file");
        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var (fileDate, firstParagraph) = ReadDateLine(lines[0]);
        var dct = date ?? fileDate ?? throw new ArticleException(
            "missing date: the first line must start with ' date YYYY-MM-DD' (or pass --date)");

        var sb = new StringBuilder(text.Length);
        var paragraphs = new List<TextRange>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = (i == 0 ? firstParagraph : lines[i]).AsSpan().Trim();
            if (line.IsEmpty) continue;
            if (sb.Length > 0) sb.Append('\n');
            paragraphs.Add(new TextRange(sb.Length, sb.Length + line.Length));
            sb.Append(line);
        }
        if (paragraphs.Count == 0) throw new ArticleException("no text after the date line");
        return new Document(sb.ToString(), dct, source, paragraphs);
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

    /// <summary>Reads every input in order; a bad input yields an error and the rest go on.</summary>
    public static IEnumerable<ReadResult> Read(IEnumerable<string> inputs, DateOnly? date = null, Func<Stream>? stdin = null)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                yield return ReadOne("-", () => ReadAll(stdin?.Invoke() ?? Console.OpenStandardInput()), date);
                continue;
            }
            if (Directory.Exists(input))
            {
                foreach (var (file, error) in FilesUnder(input))
                    yield return error is null ? ReadOne(file, () => ReadFile(file), date) : new ReadResult(null, error);
                continue;
            }
            yield return ReadOne(input, () => ReadFile(input), date);
        }
    }

    private static ReadResult ReadOne(string name, Func<byte[]> read, DateOnly? date)
    {
        try
        {
            var bytes = read();
            if (bytes.Length == 0) throw new ArticleException("empty file");
            var (text, _) = TextDecoder.Decode(bytes);
            return new ReadResult(Parse(text, new ArticleSource(name), date), null);
        }
        catch (ArticleException e)
        {
            return new ReadResult(null, new ArticleError(name, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ReadResult(null, new ArticleError(name, Describe(e)));
        }
    }

    private static byte[] ReadFile(string path)
    {
        if (!File.Exists(path)) throw new ArticleException("no such file or directory");
        var info = new FileInfo(path);
        if (info.Length > MaxBytes) throw new ArticleException($"file too large ({info.Length / (1024 * 1024)} MB; the limit is {MaxBytes / (1024 * 1024)} MB)");
        return File.ReadAllBytes(path);
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

    /// <summary>The `*.txt` files under a folder, recursively, in ordinal path order; unreadable folders become errors.</summary>
    private static IEnumerable<(string File, ArticleError? Error)> FilesUnder(string folder)
    {
        string[] files;
        ArticleError? error = null;
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden };
            files = Directory.GetFiles(folder, "*.txt", options);
            Array.Sort(files, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            files = [];
            error = new ArticleError(folder, Describe(e));
        }
        if (error is not null) yield return (folder, error);
        foreach (var f in files) yield return (f, null);
    }

    private static string Describe(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        _ => e.Message,
    };
}
