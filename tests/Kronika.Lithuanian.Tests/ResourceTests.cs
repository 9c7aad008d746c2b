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

    [Fact]
    public void Resources_DecompressesAGzipFileIntoABufferOfTheSizeItsTrailerRecords()
    {
        var text = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Vilniuje lijo. ", 5000)));
        var gzip = new MemoryStream();
        using (var writer = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) writer.Write(text);
        gzip.Position = 0;
        Assert.Equal(text, Resources.Decompressed(gzip).ToArray());
        // An empty file records 0: the buffer starts at a guess instead.
        var empty = new MemoryStream();
        using (new System.IO.Compression.GZipStream(empty, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) { }
        empty.Position = 0;
        Assert.Equal(0, Resources.Decompressed(empty).Length);
    }

    [Fact]
    public void StringPool_ReadsEachDistinctStringOnceAndKeepsLongOnes()
    {
        var buffer = new MemoryStream();
        var longText = new string('ą', 300);
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            foreach (var s in new[] { "ti", "yti", "ti", "", "ąčę", "ąčę", longText, longText }) w.Write(s);
        var pool = new Kronika.Lithuanian.Morphology.StringPool();
        var r = new Kronika.Core.Learning.ModelReader(buffer.GetBuffer(), (int)buffer.Length);
        var read = Enumerable.Range(0, 8).Select(_ => pool.Read(r)).ToArray();
        Assert.Equal(["ti", "yti", "ti", "", "ąčę", "ąčę", longText, longText], read);
        Assert.Same(read[0], read[2]);
        Assert.Same(read[4], read[5]);
        Assert.Same(read[6], read[7]);
        Assert.Equal(0, r.Remaining);
    }
}
