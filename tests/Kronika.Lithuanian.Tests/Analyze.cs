using Kronika.Core.Model;

namespace Kronika.Lithuanian.Tests;

/// <summary>Runs the Lithuanian pipeline on a string.</summary>
internal static class Analyze
{
    public static readonly Kronika.Core.Pipeline.Pipeline Full = LithuanianPipeline.Create();
    public static readonly Kronika.Core.Pipeline.Pipeline WithSyntax = LithuanianPipeline.Create(Layers.Events | Layers.Syntax);
    public static readonly Kronika.Core.Pipeline.Pipeline Segmentation = LithuanianPipeline.Create(Layers.Sentences);

    /// <summary>Tokens and sentences only (the tokenizer and splitter tests need no model).</summary>
    public static Document Text(string text, IReadOnlyList<TextRange>? paragraphs = null) =>
        Segmentation.Process(new Document(text, new DateOnly(2025, 8, 13), paragraphs: paragraphs));

    /// <summary>Every layer the default pipeline has (no parse).</summary>
    public static Document Fully(string text) => Full.Process(new Document(text, new DateOnly(2025, 8, 13)));

    /// <summary>Every layer and the dependency parse.</summary>
    public static Document Parsed(string text) => WithSyntax.Process(new Document(text, new DateOnly(2025, 8, 13)));

    /// <summary>Paragraphs separated by newlines, as the article reader makes them.</summary>
    public static Document Paragraphs(params string[] paragraphs)
    {
        var ranges = new List<TextRange>();
        var pos = 0;
        foreach (var p in paragraphs)
        {
            ranges.Add(new TextRange(pos, pos + p.Length));
            pos += p.Length + 1;
        }
        return Text(string.Join('\n', paragraphs), ranges);
    }

    public static string[] Tokens(string text) => Text(text).Tokens().Select(t => t.Text).ToArray();

    public static string[] Sentences(string text) => Text(text).Sentences().Select(s => s.Text).ToArray();
}
