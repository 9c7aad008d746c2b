using System.CommandLine;
using Kronika.Ingest;
using Kronika.Lithuanian;

namespace Kronika.Cli;

/// <summary>`kronika bench gen N`: writes a synthetic corpus for benchmarks (the measuring is in bench/).</summary>
public static class BenchCommand
{
    public static Command Create(CliIO io)
    {
        var count = new Argument<int>("count") { Description = "How many articles" };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write them to (in subfolders of 1,000)", DefaultValueFactory = _ => "bench-corpus" };
        var samples = new Option<string>("--samples") { Description = "The articles to build them from", DefaultValueFactory = _ => "samples" };
        var seed = new Option<int>("--seed") { Description = "Another seed gives another corpus", DefaultValueFactory = _ => 1 };
        var words = StoreOptions.Count("--words", "", "Words per article", 400, 1, 1_000_000);
        var gen = new Command("gen", "Write N synthetic articles built from sample articles: sentences mixed, half the people renamed in the right case (the samples' people kept in the rest), numbers varied, days of the month kept within their month.")
        {
            count, output, samples, seed, words,
        };
        gen.SetAction(result =>
        {
            var n = result.GetValue(count);
            if (n < 1) throw new UsageException("bench gen: the count must be at least 1");
            var folder = result.GetValue(output)!;
            var pipeline = LithuanianPipeline.Create();
            var docs = ArticleReader.Read([result.GetValue(samples)!]).Where(r => r.Document is not null).Select(r => pipeline.Process(r.Document!)).ToList();
            if (docs.Count == 0) throw new UsageException($"bench gen: no sample articles in '{result.GetValue(samples)}'");
            var corpus = new SyntheticCorpus(docs);
            Parallel.For(0, n, i =>
            {
                var dir = Path.Combine(folder, (i / 1000).ToString("D4"));
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, $"{i:D7}.txt"), corpus.Article(i, result.GetValue(seed), result.GetValue(words)));
            });
            io.Out.WriteLine($"{n} articles written to {folder}");
            return KronikaCli.Ok;
        });
        return new Command("bench", "Benchmark helpers.") { gen };
    }
}
