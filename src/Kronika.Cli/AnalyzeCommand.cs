using System.CommandLine;
using Kronika.Core.IO;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Lithuanian;

namespace Kronika.Cli;

/// <summary>`kronika analyze [FILE|DIR|-]...`: runs the Lithuanian pipeline and prints the result.</summary>
public static class AnalyzeCommand
{
    public static Command Create(CliIO io)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Article files, folders (all *.txt inside, recursively) or - for standard input. Default: -",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "conllu");
        var inputFormat = new Option<string>("--input-format") { Description = "text: articles in the seed format; conllu: keep the given tokens and sentences", DefaultValueFactory = _ => "text" };
        inputFormat.AcceptOnlyFromAmong("text", "conllu");
        var date = new Option<string?>("--date") { Description = "Publication date YYYY-MM-DD: supplies or overrides the date line" };

        var command = new Command("analyze", "Analyze Lithuanian articles: tokens, sentences and every layer the pipeline has.")
        {
            inputs, format, inputFormat, date,
        };
        command.SetAction(result => Run(io,
            result.GetValue(inputs) is { Length: > 0 } given ? given : ["-"],
            result.GetValue(format)!,
            result.GetValue(inputFormat)!,
            KronikaCli.ParseDate(result.GetValue(date))));
        return command;
    }

    private static int Run(CliIO io, string[] inputs, string format, string inputFormat, DateOnly? date)
    {
        var pipeline = KronikaCli.WithoutCollections(() => LithuanianPipeline.Create(Layers.Events | Layers.Syntax));
        var reads = inputFormat == "conllu" ? ReadConllu(io, inputs, date) : ArticleReader.Read(inputs, date, io.Stdin);
        var failed = 0;
        var results = reads
            .AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(r => r.Document is null ? r : Analyze(pipeline, r.Document));
        foreach (var result in results)
        {
            if (result.Error is { } error)
            {
                io.Error.WriteLine(error);
                failed++;
                continue;
            }
            var doc = result.Document!;
            switch (format)
            {
                case "json":
                    io.Out.WriteLine(JsonOutput.ToJson(doc));
                    break;
                case "conllu":
                    Conllu.Write(io.Out, doc);
                    break;
                default:
                    TextOutput.Write(io.Out, doc);
                    break;
            }
        }
        return failed == 0 ? KronikaCli.Ok : KronikaCli.SomeInputsFailed;
    }

    /// <summary>An article the pipeline fails on is that article's error line; the others go on.</summary>
    private static ReadResult Analyze(Kronika.Core.Pipeline.Pipeline pipeline, Document doc)
    {
        try
        {
            return new ReadResult(pipeline.Process(doc), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ReadResult(null, new ArticleError(doc.Source.Name, $"analysis failed: {e.Message.ReplaceLineEndings(" ")}"));
        }
    }

    /// <summary>CoNLL-U input: every `# newdoc` becomes a document that keeps its tokens and sentences.</summary>
    private static IEnumerable<ReadResult> ReadConllu(CliIO io, string[] inputs, DateOnly? date)
    {
        foreach (var input in inputs)
        {
            List<ConlluDocument> docs;
            string? problem = null;
            try
            {
                using var reader = input == "-" ? new StreamReader(io.Stdin()) : new StreamReader(input);
                docs = Conllu.ReadDocuments(reader);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                docs = [];
                problem = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            }
            if (problem is not null) yield return new ReadResult(null, new ArticleError(input, problem));
            foreach (var doc in docs)
            {
                Document? document = null;
                ArticleError? error = null;
                try
                {
                    document = doc.ToDocument(date, new ArticleSource(doc.Id is null ? input : $"{input}#{doc.Id}"));
                }
                catch (FormatException e)
                {
                    error = new ArticleError(input, e.Message);
                }
                yield return new ReadResult(document, error);
            }
        }
    }
}
