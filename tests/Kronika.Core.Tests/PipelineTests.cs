using Kronika.Core.Model;
using Kronika.Core.Pipeline;

namespace Kronika.Core.Tests;

public class PipelineTests
{
    private sealed class Step(string name, Layers requires, Layers provides, List<string>? log = null) : IPipelineStep
    {
        public string Name => name;
        public Layers Requires => requires;
        public Layers Provides => provides;
        public void Process(Document doc, CancellationToken ct = default) => log?.Add(name);
    }

    [Fact]
    public void Pipeline_RejectsStepWhoseRequirementNoEarlierStepProvides_NamingTheStep()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Pipeline.Pipeline(
        [
            new Step("tokenizer", Layers.None, Layers.Tokens),
            new Step("tagger", Layers.Tokens | Layers.Sentences, Layers.Morphology),
        ]));
        Assert.Contains("'tagger'", error.Message);
        Assert.Contains("Sentences", error.Message);
    }

    [Fact]
    public void Pipeline_RejectsStepsInTheWrongOrder()
    {
        Assert.Throws<InvalidOperationException>(() => new Pipeline.Pipeline(
        [
            new Step("splitter", Layers.Tokens, Layers.Sentences),
            new Step("tokenizer", Layers.None, Layers.Tokens),
        ]));
    }

    [Fact]
    public void Pipeline_RunsStepsInOrderAndRecordsTheirLayers()
    {
        var log = new List<string>();
        var pipeline = new Pipeline.Pipeline(
        [
            new Step("tokenizer", Layers.None, Layers.Tokens, log),
            new Step("splitter", Layers.Tokens, Layers.Sentences, log),
        ]);
        var doc = pipeline.Process(new Document("Labas."));
        Assert.Equal(["tokenizer", "splitter"], log);
        Assert.Equal(Layers.Tokens | Layers.Sentences, doc.Layers);
        Assert.Equal(Layers.Tokens | Layers.Sentences, pipeline.Provides);
    }

    [Fact]
    public void Pipeline_SkipsStepsWhoseLayersTheDocumentAlreadyCarries()
    {
        var log = new List<string>();
        var pipeline = new Pipeline.Pipeline(
        [
            new Step("tokenizer", Layers.None, Layers.Tokens, log),
            new Step("splitter", Layers.Tokens, Layers.Sentences, log),
        ]);
        var doc = new Document("Labas.") { Layers = Layers.Tokens };
        pipeline.Process(doc);
        Assert.Equal(["splitter"], log);
    }
}
