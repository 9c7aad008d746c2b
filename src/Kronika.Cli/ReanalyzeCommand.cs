using System.CommandLine;
using System.Diagnostics;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;

namespace Kronika.Cli;

/// <summary>`kronika reanalyze [--db URI] [--batch N]`: runs the pipeline again on the articles another model analysed, in batches, with progress.</summary>
public static class ReanalyzeCommand
{
    public static Command Create(CliIO io)
    {
        var batch = StoreOptions.Count("--batch", "", "Articles analysed and written per transaction", 200, 1, 100_000);
        var db = StoreOptions.Db();
        var command = new Command("reanalyze", "Analyse again the stored articles whose analysis another model made (each batch is one transaction: Ctrl+C keeps what is done, a rerun does the rest).") { batch, db };
        command.SetAction((result, ct) => RunAsync(io, result.GetValue(db), result.GetValue(batch), ct));
        return command;
    }

    public static async Task<int> RunAsync(CliIO io, string? db, int batchSize, CancellationToken ct = default)
    {
        using var store = StoreOptions.Open(db, create: false);
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var model = Analysis.ModelHash;
            var total = store.StaleCount(model);
            io.Out.WriteLine($"{total} {(total == 1 ? "article" : "articles")} analysed by another model than {model}");
            var lithuanian = LithuanianPipeline.Create();
            var plain = new Kronika.Core.Pipeline.Pipeline([]);
            var clock = Stopwatch.StartNew();
            long after = 0;
            var done = 0;
            while (true)
            {
                interrupt.Token.ThrowIfCancellationRequested();
                var ids = store.Stale(model, after, batchSize);
                if (ids.Count == 0) break;
                var stored = new StoredArticle?[ids.Count];
                for (var i = 0; i < ids.Count; i++) stored[i] = await store.GetAsync(ids[i], interrupt.Token);
                var articles = new StoredArticle?[ids.Count];
                Parallel.For(0, ids.Count, new ParallelOptions { CancellationToken = interrupt.Token }, i =>
                {
                    if (stored[i] is not { } a) return;
                    var doc = new Document(a.Text, a.Date, new ArticleSource(a.Shown, a.Url, a.Site, a.Title, a.SourceId), Document.Lines(a.Text)) { Language = a.Language };
                    (doc.Language == "lt" ? lithuanian : plain).Process(doc, interrupt.Token);
                    articles[i] = Analysis.Store(doc) with { Shown = a.Shown };
                });
                store.Write([.. articles.OfType<StoredArticle>()]);
                done += ids.Count;
                after = ids[^1];
                io.Error.WriteLine($"{done}/{total} reanalysed ({done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0} articles/s)");
            }
            io.Out.WriteLine($"{done} reanalysed in {clock.Elapsed.TotalSeconds:0.0} s");
            return KronikaCli.Ok;
        }
        catch (OperationCanceledException)
        {
            io.Error.WriteLine("interrupted: every batch written so far is kept; run the same command again to do the rest");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
