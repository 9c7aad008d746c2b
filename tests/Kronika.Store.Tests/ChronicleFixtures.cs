using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Tests;

namespace Kronika.Store.Tests;

/// <summary>The team-written multi-outlet fixtures (tests/Kronika.Store.Tests/Data), analysed once as the ingest path does.</summary>
public static class ChronicleFixtures
{
    private static string Data(string relative) => Path.Combine(TestPaths.RepositoryRoot, "tests", "Kronika.Store.Tests", "Data", relative);

    private static readonly Lazy<IReadOnlyList<StoredArticle>> ChronicleArticles = new(() =>
        ArticleReader.Read([Data("chronicle/chronicle.jsonl")]).Select(r => Analysis.Store(Articles.Search.Analyze(r.Document!))).ToList());

    /// <summary>The same events told by several outlets: a phone call (weekday, full date, a denial), casualty and troop figures that differ, a visit planned twice and then held.</summary>
    public static IReadOnlyList<StoredArticle> Chronicle => ChronicleArticles.Value;

    /// <summary>One article of the story set: its story label (`s…` a story told by several outlets, `u…` an unrelated article on the same entities).</summary>
    public sealed record Labelled(string Story, StoredArticle Article);

    private static readonly Lazy<IReadOnlyList<Labelled>> StoryArticles = new(ReadStories);

    public static IReadOnlyList<Labelled> Stories => StoryArticles.Value;

    private static List<Labelled> ReadStories()
    {
        var list = new List<Labelled>();
        var blocks = File.ReadAllText(Data("stories/stories.txt")).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var n = 0;
        foreach (var block in blocks)
        {
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
            if (lines.Count < 2) continue;
            var header = lines[0].Split('|');
            var text = string.Join('\n', lines.Skip(1));
            var url = $"https://{header[2]}/{header[0]}-{++n}";
            var doc = new Document(text, DateOnly.Parse(header[1], System.Globalization.CultureInfo.InvariantCulture), new ArticleSource(url, url, header[2]), Document.Lines(text));
            list.Add(new Labelled(header[0], Analysis.Store(Articles.Search.Analyze(doc))));
        }
        return list;
    }
}
