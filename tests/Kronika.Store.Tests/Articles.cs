using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;
using Kronika.Tests;

namespace Kronika.Store.Tests;

/// <summary>The bundled samples, analyzed once for all store tests, and a way to analyze a text of a test's own.</summary>
public static class Articles
{
    private static readonly Lazy<SearchLemmas> Lemmas = new(() => new SearchLemmas());

    public static SearchLemmas Search => Lemmas.Value;

    private static readonly Lazy<IReadOnlyList<StoredArticle>> All = new(() =>
        ArticleReader.Read([TestPaths.Samples]).Select(r => Analysis.Store(Search.Analyze(r.Document!))).ToList());

    /// <summary>The 14 sample articles, each a different story.</summary>
    public static IReadOnlyList<StoredArticle> Samples => All.Value;

    public static StoredArticle Sample(string nameContains) => Samples.Single(a => a.SourceId.Contains(nameContains, StringComparison.Ordinal));

    public static StoredArticle Analyze(string text, string source, DateOnly date) =>
        Analysis.Store(Search.Analyze(ArticleReader.Parse(text, new ArticleSource(source), date)));

    public static QueryNode Query(string text) => Search.Parser().Parse(text);
}
