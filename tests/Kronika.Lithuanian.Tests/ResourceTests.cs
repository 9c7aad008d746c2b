namespace Kronika.Lithuanian.Tests;

public class ResourceTests
{
    [Fact]
    public void Resources_EveryEmbeddedDataFileLoads()
    {
        var names = Resources.Names.ToList();
        Assert.Contains("Tokenization/Data/abbreviations.txt", names);
        Assert.Contains("Sentences/Data/sentence-starters.txt", names);
        foreach (var name in Resources.DataNames) Assert.NotEmpty(Resources.Lines(name));
    }

    [Fact]
    public void Resources_EveryDataFileInTheSourceTreeIsEmbedded()
    {
        var source = Path.Combine(Kronika.Tests.TestPaths.RepositoryRoot, "src", "Kronika.Lithuanian");
        var files = Directory.GetFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".txt") || f.EndsWith(".tsv"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(f => Path.GetRelativePath(source, f).Replace('\\', '/'));
        Assert.Equal(files.Order(), Resources.DataNames.Order());
    }

    [Fact]
    public void LithuanianPipeline_ChainsTheStepsInOrder()
    {
        var pipeline = LithuanianPipeline.Create();
        Assert.Equal(["tokenizer", "sentence-splitter", "morphology", "entities", "references", "time", "quantities", "attribution", "events"], pipeline.Steps.Select(s => s.Name));
        Assert.Equal(["tokenizer", "sentence-splitter", "morphology", "syntax", "entities", "references", "time", "quantities", "attribution", "events"], LithuanianPipeline.Create(Kronika.Core.Model.Layers.Events | Kronika.Core.Model.Layers.Syntax).Steps.Select(s => s.Name));
        Assert.Equal(["tokenizer", "sentence-splitter"], LithuanianPipeline.Create(Kronika.Core.Model.Layers.Sentences).Steps.Select(s => s.Name));
    }
}
