using Kronika.Core.Learning;
using Kronika.Lithuanian.Morphology;
using Kronika.Lithuanian.Syntax;

namespace Kronika.Lithuanian.Tests;

/// <summary>The models are read straight from their bytes (<see cref="ModelReader"/>, <see cref="ModelTable{T}"/>): what is
/// read must be what was written.</summary>
public class ModelFileTests
{
    private static byte[] Decompressed(string resource) => Resources.Decompressed(Resources.Open(resource)).ToArray();

    private static byte[] Saved(Action<Stream> save)
    {
        var file = new MemoryStream();
        save(file);
        file.Position = 0;
        return Resources.Decompressed(file).ToArray();
    }

    [Fact]
    public void MorphologyModel_SavesTheBytesItWasLoadedFrom()
    {
        var model = LithuanianPipeline.LoadMorphology();
        // A few look-ups first: a value read on demand must be saved as it was written.
        Assert.Equal("Vilnius", model.ReadWord("Vilniaus", "dkt.tikr.vyr.vns.K.", LithuanianPipeline.LoadLexicon()).Lemma);
        Assert.Equal(Decompressed(LithuanianPipeline.MorphologyResource), Saved(model.Save));
    }

    [Fact]
    public void DependencyModel_SavesTheBytesItWasLoadedFrom() =>
        Assert.Equal(Decompressed(LithuanianPipeline.SyntaxResource), Saved(LithuanianPipeline.LoadSyntax().Save));

    [Fact]
    public void ModelReader_ReadsWhatBinaryWriterWrote()
    {
        var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(-7);
            w.Write((ushort)65000);
            w.Write(ulong.MaxValue - 3);
            w.Write((Half)0.375f);
            w.Write(2.5f);
            w.Write(true);
            w.Write('ž');
            w.Write('a');
            w.Write(new string('ė', 200)); // a length prefix of two bytes
            w.Write("");
        }
        var r = new ModelReader(buffer.GetBuffer(), (int)buffer.Length);
        Assert.Equal(-7, r.ReadInt32());
        Assert.Equal(65000, r.ReadUInt16());
        Assert.Equal(ulong.MaxValue - 3, r.ReadUInt64());
        Assert.Equal((Half)0.375f, r.ReadHalf());
        Assert.Equal(2.5f, r.ReadSingle());
        Assert.True(r.ReadBoolean());
        Assert.Equal('ž', r.ReadChar());
        Assert.Equal('a', r.ReadChar());
        Assert.Equal(new string('ė', 200), r.ReadString());
        Assert.Equal("", r.ReadString());
        Assert.Equal(0, r.Remaining);
        var error = Assert.Throws<InvalidDataException>(() => r.ReadInt32());
        Assert.Contains("ends early", error.Message);
    }

    [Fact]
    public void ModelFile_CutShortIsOneClearError()
    {
        var whole = new MemoryStream();
        using (var gzip = Resources.Open(LithuanianPipeline.MorphologyResource)) gzip.CopyTo(whole);
        var plain = Resources.Decompressed(new MemoryStream(whole.ToArray())).ToArray();
        var cut = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(cut, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(plain, 0, plain.Length / 2);
        cut.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => MorphologyModel.Load(cut));
        Assert.Contains("ends early", error.Message);
    }

    [Fact]
    public void ModelTable_FindsEachKeyAndNoOther()
    {
        string[] keys = ["", "a", "dkt.vyr.vns.K.\tų", "vksm.asm.tiesiog.būt-k.vns.3.\tusi", "ąčęėįšųūž", new string('x', 300)];
        var table = ModelTable<string>.Of(keys.Select((k, i) => new KeyValuePair<string, string>(k, "v" + i)),
            (w, v) => w.Write(v), r => r.ReadStringBytes(), r => r.ReadString());
        Assert.Equal(keys.Length, table.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.True(table.TryGetValue(keys[i], out var value), keys[i]);
            Assert.Equal("v" + i, value);
        }
        foreach (var absent in new[] { "b", "A", "dkt.vyr.vns.K.\tu", "ąčęėįšųū", new string('x', 299) })
            Assert.False(table.TryGetValue(absent, out _), absent);
        Assert.Equal(keys, table.Entries().Select(e => e.Key));
    }
}
