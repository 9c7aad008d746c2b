using System.Text;
using Kronika.Core.Model;
using Kronika.Ingest;

namespace Kronika.Ingest.Tests;

public sealed class ArticleReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kronika-read-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(text));
        return path;
    }

    [Fact]
    public void Parse_ReadsDateAndParagraphs()
    {
        var doc = ArticleReader.Parse(" date 2025-08-13 Pirma pastraipa.\nAntra pastraipa.\n\n  Trečia.  \n", new ArticleSource("a.txt"));
        Assert.Equal(new DateOnly(2025, 8, 13), doc.Date);
        Assert.Equal("Pirma pastraipa.\nAntra pastraipa.\nTrečia.", doc.Text);
        Assert.Equal([new TextRange(0, 16), new TextRange(17, 33), new TextRange(34, 41)], doc.Paragraphs);
        Assert.Equal("a.txt", doc.Source.Name);
    }

    [Fact]
    public void Parse_AcceptsWindowsLineEndingsAndByteOrderMark()
    {
        var doc = ArticleReader.Parse("\uFEFF date 2024-01-02 Vienas.\r\nDu.\r\n", new ArticleSource("a"));
        Assert.Equal("Vienas.\nDu.", doc.Text);
        Assert.Equal(new DateOnly(2024, 1, 2), doc.Date);
    }

    [Fact]
    public void Parse_DateOptionOverridesTheDateLine()
    {
        var doc = ArticleReader.Parse(" date 2025-08-13 Tekstas.", new ArticleSource("a"), new DateOnly(2020, 1, 1));
        Assert.Equal(new DateOnly(2020, 1, 1), doc.Date);
        Assert.Equal("Tekstas.", doc.Text);
    }

    [Fact]
    public void Parse_DateOptionSuppliesAMissingDate()
    {
        var doc = ArticleReader.Parse("Tekstas be datos.\nAntra.", new ArticleSource("a"), new DateOnly(2020, 1, 1));
        Assert.Equal("Tekstas be datos.\nAntra.", doc.Text);
    }

    [Theory]
    [InlineData(" date 2025-02-30 Tekstas.", "impossible date 2025-02-30")]
    [InlineData(" date 2025-13-01 Tekstas.", "impossible date 2025-13-01")]
    [InlineData(" date 13/08/2025 Tekstas.", "malformed date '13/08/2025'")]
    [InlineData("Tekstas be datos.", "missing date")]
    [InlineData(" date 2025-08-13 \n \n", "no text after the date line")]
    [InlineData("", "empty file")]
    public void Parse_RejectsBadArticlesWithAClearProblem(string text, string problem)
    {
        var error = Assert.Throws<ArticleException>(() => ArticleReader.Parse(text, new ArticleSource("a")));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Read_ReportsEachBadFileAndGoesOnWithTheRest()
    {
        var good1 = Write("a.txt", " date 2025-08-13 Pirmas.");
        var bad = Write("b.txt", " date 2025-02-30 Blogas.");
        var empty = Write("c.txt", "");
        var binary = Path.Combine(_dir, "d.txt");
        File.WriteAllBytes(binary, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        var missing = Path.Combine(_dir, "nėra.txt");
        var good2 = Write("e.txt", " date 2025-08-14 Antras.");

        var results = ArticleReader.Read([good1, bad, empty, binary, missing, good2]).ToList();

        Assert.Equal(["Pirmas.", null, null, null, null, "Antras."], results.Select(r => r.Document?.Text));
        Assert.Equal($"error: {bad}: impossible date 2025-02-30", results[1].Error!.ToString());
        Assert.Equal($"error: {empty}: empty file", results[2].Error!.ToString());
        Assert.Equal($"error: {binary}: binary file, not text", results[3].Error!.ToString());
        Assert.Equal($"error: {missing}: no such file or directory", results[4].Error!.ToString());
    }

    [Fact]
    public void Read_WalksFoldersRecursivelyInSortedOrderTakingOnlyArticleFiles()
    {
        Write("b/2.txt", " date 2025-01-02 B2.");
        Write("a.txt", " date 2025-01-01 A.");
        Write("b/1.txt", " date 2025-01-03 B1.");
        Write("b/ignored.md", "# not an article");
        var texts = ArticleReader.Read([_dir]).Select(r => r.Document!.Text).ToList();
        Assert.Equal(["A.", "B1.", "B2."], texts);
    }

    [Fact]
    public void Read_TakesStandardInputForDash()
    {
        var stdin = new MemoryStream(Encoding.UTF8.GetBytes(" date 2025-08-13 Iš standartinės įvesties."));
        var doc = ArticleReader.Read(["-"], stdin: () => stdin).Single().Document!;
        Assert.Equal("Iš standartinės įvesties.", doc.Text);
        Assert.Equal("-", doc.Source.Name);
    }

    [Fact]
    public void Read_DecodesBalticLegacyEncodings()
    {
        const string text = " date 2025-08-13 „Šiaurės Korėja“ - ąčęėįšųūž ĄČĘĖĮŠŲŪŽ.";
        var w1257 = Write("w.txt", text, TextDecoder.Windows1257);
        var iso = Write("i.txt", text, TextDecoder.Iso885913);
        var results = ArticleReader.Read([w1257, iso]).Select(r => r.Document!.Text).ToList();
        Assert.Equal(["„Šiaurės Korėja“ - ąčęėįšųūž ĄČĘĖĮŠŲŪŽ.", "„Šiaurės Korėja“ - ąčęėįšųūž ĄČĘĖĮŠŲŪŽ."], results);
    }

    [Fact]
    public void Read_WalksFoldersOfMixedFormatsInSortedOrder()
    {
        Write("sub/3-straipsniai.jsonl", File.ReadAllText(TestData.File("jsonl", "articles.jsonl")));
        Write("2-kanalas.atom", File.ReadAllText(TestData.File("feeds", "atom.xml")));
        Write("1-puslapis.HTML", File.ReadAllText(TestData.File("html", "date-line.html")));
        Write("0-pradzia.txt", " date 2025-01-01 Pradžia.");
        Write("sub/pastabos.md", "# ne straipsnis");
        Write("sub/paveikslas.png", "ne tekstas");

        // Shown relative to the folder's parent: the folder's own name, then the path inside it.
        var names = ArticleReader.Read([_dir]).Select(r => r.Document!.Source.Name[(Path.GetFileName(_dir).Length + 1)..]).ToList();

        Assert.Equal(
            ["0-pradzia.txt", "1-puslapis.HTML", "2-kanalas.atom#1", "2-kanalas.atom#2",
             "sub/3-straipsniai.jsonl:1", "sub/3-straipsniai.jsonl:2", "sub/3-straipsniai.jsonl:4"],
            names);
    }

    [Fact]
    public void Read_KeepsTheSeedFormatForStandardInputAndUnknownExtensions()
    {
        var noExtension = Write("straipsnis", " date 2025-08-13 Be plėtinio.");
        var stdin = new MemoryStream(Encoding.UTF8.GetBytes(" date 2025-08-13 Iš įvesties."));
        var texts = ArticleReader.Read([noExtension, "-"], stdin: () => stdin).Select(r => r.Document!.Text).ToList();
        Assert.Equal(["Be plėtinio.", "Iš įvesties."], texts);
    }

    [Theory]
    [InlineData("a.txt", ArticleReader.InputFormat.Text)]
    [InlineData("a.jsonl", ArticleReader.InputFormat.JsonLines)]
    [InlineData("a.NDJSON", ArticleReader.InputFormat.JsonLines)]
    [InlineData("a.html", ArticleReader.InputFormat.Html)]
    [InlineData("a.htm", ArticleReader.InputFormat.Html)]
    [InlineData("a.xml", ArticleReader.InputFormat.Feed)]
    [InlineData("a.rss", ArticleReader.InputFormat.Feed)]
    [InlineData("a.atom", ArticleReader.InputFormat.Feed)]
    [InlineData("a.md", ArticleReader.InputFormat.Text)]
    public void FormatOf_ChoosesTheReaderByExtension(string path, ArticleReader.InputFormat format)
    {
        Assert.Equal(format, ArticleReader.FormatOf(path));
    }
}
