using System.CommandLine;
using System.Globalization;

namespace Kronika.Cli;

/// <summary>The `kronika` command line. Every command writes results to stdout and one line per problem to stderr.</summary>
public static class KronikaCli
{
    public const int Ok = 0;
    public const int SomeInputsFailed = 1;
    public const int UsageError = 2;
    /// <summary>The store failed while writing (a full disk, a lost database connection).</summary>
    public const int StoreFailed = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> stdin, CancellationToken ct = default)
    {
        var io = new CliIO(stdout, stderr, stdin);
        var root = new RootCommand("Kronika: a chronicle of events from Lithuanian news.")
        {
            AnalyzeCommand.Create(io),
            EvalCommand.Create(io),
            EvalTimeCommand.Create(io),
            EvalNerCommand.Create(io),
            EvalEventsCommand.Create(io),
            TrainCommand.Create(io),
            IngestCommand.Create(io),
            SearchCommand.Create(io),
            EntitiesCommand.Create(io),
            EntitiesCommand.Timeline(io),
            EventsCommand.Create(io),
            ChronicleCommand.Create(io),
            ReanalyzeCommand.Create(io),
            ServeCommand.Create(io),
            ExportCommand.Create(io),
            WatchCommand.Create(io),
            BenchCommand.Create(io),
        };
        RejectUnknownOptions(root);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var message = string.Join(' ', parsed.Errors[0].Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            stderr.WriteLine($"error: {message} (see 'kronika {string.Join(' ', args.Take(1))} --help')");
            return UsageError;
        }
        try
        {
            // Ctrl+C is each command's to handle (ingest finishes the batch it is writing), not the parser's.
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, ct);
        }
        catch (StoreMissing e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return SomeInputsFailed;
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return UsageError;
        }
        catch (Kronika.Store.QueryException e)
        {
            stderr.WriteLine($"error: query: {e.Message}");
            return UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return SomeInputsFailed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever else goes wrong is still one line, never a stack trace.
            stderr.WriteLine($"error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return SomeInputsFailed;
        }
    }

    /// <summary>
    /// A word starting with `-` where a command takes its arguments (a query, a file, an entity) is a mistyped option:
    /// `search --bogus` is an error, not a search for "--bogus". `-` alone (standard input) is an argument.
    /// </summary>
    private static void RejectUnknownOptions(Command command)
    {
        foreach (var argument in command.Arguments)
            argument.Validators.Add(result =>
            {
                foreach (var token in result.Tokens)
                    if (token.Value.Length > 1 && token.Value[0] == '-')
                        result.AddError($"unknown option '{token.Value}'");
            });
        foreach (var sub in command.Subcommands) RejectUnknownOptions(sub);
    }

    /// <summary>
    /// Builds something made of long-lived objects (the models) with the garbage collector held off: nearly everything
    /// a model load allocates stays, so each collection during it copies and scans what the next one will find again
    /// (issue 22: a command's start-up). Up to <paramref name="bytes"/> may be allocated before the collector runs
    /// anyway; afterwards it runs as usual. When the runtime cannot hold it off (another region is open), it just builds.
    /// </summary>
    public static T WithoutCollections<T>(Func<T> build, long bytes = 256L << 20)
    {
        var held = false;
        try
        {
            held = GC.TryStartNoGCRegion(bytes);
        }
        catch (InvalidOperationException)
        {
        }
        catch (ArgumentOutOfRangeException)
        {
        }
        try
        {
            return build();
        }
        finally
        {
            if (held && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
    }

    /// <summary>Parses a date option's value; an impossible date is a usage error naming the option and the value.</summary>
    public static DateOnly? ParseDate(string? value, string option = "--date")
    {
        if (value is null) return null;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new UsageException($"{option}: '{value}' is not a date of the form YYYY-MM-DD");
        return date;
    }
}

/// <summary>The streams a command talks to, so tests can run commands in-process.</summary>
public sealed record CliIO(TextWriter Out, TextWriter Error, Func<Stream> Stdin);

/// <summary>A mistake in how a command was called; reported as one line with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
