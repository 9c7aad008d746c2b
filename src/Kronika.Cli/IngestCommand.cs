using System.CommandLine;
using Kronika.Core.Pipeline;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;
using Spectre.Console;

namespace Kronika.Cli;

/// <summary>`kronika ingest PATH… [--db URI]`: reads, analyzes on all cores and stores articles, showing progress.</summary>
public static class IngestCommand
{
    public static Command Create(CliIO io)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Article files (text, JSON lines, HTML, RSS/Atom), folders (recursively), feed URLs, or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = StoreOptions.Db();
        var date = new Option<string?>("--date") { Description = "Publication date YYYY-MM-DD for articles that have none" };
        var batch = StoreOptions.Count("--batch", "", "Articles written per transaction", 200, 1, 100_000);
        var command = new Command("ingest", "Analyze articles and store them for search; re-ingesting is safe.") { inputs, db, date, batch };
        command.SetAction(result => Run(io, result.GetValue(inputs)!, result.GetValue(db), KronikaCli.ParseDate(result.GetValue(date)), result.GetValue(batch)));
        return command;
    }

    public static int Run(CliIO io, string[] inputs, string? db, DateOnly? date, int batchSize)
    {
        using var store = StoreOptions.Open(db);
        var ingestor = new Ingestor(LithuanianPipeline.Create(), new Pipeline([]), store, batchSize);
        var reads = ArticleReader.Read(inputs, date, io.Stdin);
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        IngestProgress done;
        try
        {
            done = ReferenceEquals(io.Error, Console.Error) && !Console.IsErrorRedirected
                ? WithProgressBar(ingestor, reads, interrupt.Token)
                : WithProgressLines(io, ingestor, reads, interrupt.Token);
        }
        catch (OperationCanceledException)
        {
            io.Error.WriteLine($"interrupted: {store.ArticleCount()} articles are in the store; run the same command again to add the rest");
            return 130;
        }
        catch (StoreFailedException e)
        {
            // A full disk or a lost connection: one line, what this run committed, and the rest is left for a rerun.
            io.Error.WriteLine($"error: store {StoreOptions.Describe(db)}: {e.Message}; the batch being written was rolled back, run the same command again once the store is writable");
            if (e.Committed is { } committed) io.Out.WriteLine("committed before the failure: " + Summary(committed));
            return KronikaCli.StoreFailed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        io.Out.WriteLine(Summary(done));
        io.Out.WriteLine($"store: {store.StoryCount()} stories in {store.ArticleCount()} articles");
        return done.Errors == 0 ? KronikaCli.Ok : KronikaCli.SomeInputsFailed;
    }

    private static string Summary(IngestProgress done) =>
        $"{done.Read} read in {done.Seconds:0.0} s ({done.PerSecond:0} articles/s): {done.Inserted} new, {done.Updated} updated, " +
        $"{done.Unchanged} unchanged, {done.Copies} copies of stories already stored, {done.Errors} errors; " +
        $"writing took {done.WriteSeconds:0.0} s ({(done.Written > 0 ? 1000 * done.WriteSeconds / done.Written : 0):0.0} ms per article, " +
        $"of which {(done.Written > 0 ? 1000 * done.WaitSeconds / done.Written : 0):0.0} ms waiting for other writers' batches)";

    /// <summary>Not a terminal: errors one line each, a progress line at most every two seconds.</summary>
    private static IngestProgress WithProgressLines(CliIO io, Ingestor ingestor, IEnumerable<ReadResult> reads, CancellationToken ct)
    {
        var last = 0.0;
        return ingestor.Run(reads, e => io.Error.WriteLine(e), p =>
        {
            if (p.Seconds - last < 2) return;
            last = p.Seconds;
            // Marked, so that a reader of the error stream tells progress from the one line per bad file.
            io.Error.WriteLine("progress: " + Describe(p));
        }, ct);
    }

    /// <summary>A terminal: a live progress bar on standard error, errors printed above it.</summary>
    private static IngestProgress WithProgressBar(Ingestor ingestor, IEnumerable<ReadResult> reads, CancellationToken ct)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        IngestProgress? done = null;
        console.Progress()
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("reading");
                task.IsIndeterminate = true;
                done = ingestor.Run(reads, e => console.MarkupLineInterpolated($"[red]{e.ToString()}[/]"), p => task.Description = Markup.Escape(Describe(p)), ct);
                task.StopTask();
            });
        return done!;
    }

    private static string Describe(IngestProgress p) => $"{p.Read} articles, {p.PerSecond:0}/s, {p.Errors} errors";
}
