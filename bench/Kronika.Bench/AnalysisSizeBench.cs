using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Kronika.Store;

/// <summary>
/// `analysis-size --db FILE [--articles N]`: what the kept analysis costs in bytes and in packing time, per variant, over
/// the newest N stored analyses (read back as JSON): the head (every field but the tokens) with and without the article's
/// text (which the store keeps in a column of its own), and the tokens with and without each token's text (a slice of
/// the article's text), each compressed with Brotli at several qualities. Times are the packing thread's processor time.
/// </summary>
public static class AnalysisSizeBench
{
    public static void Run(string db, int articles)
    {
        using var store = new SqliteStore(db, create: false);
        var ids = store.Stale("none-such-model", 0, int.MaxValue);
        var jsons = new List<string>();
        foreach (var id in ids.Reverse().Take(articles))
            if (store.AnalysisAsync(id, tokens: true).Result is { Json: not null } a) jsons.Add(AnalysisBlob.Json(a));
        Console.WriteLine($"{jsons.Count} analyses, JSON {jsons.Average(j => Encoding.UTF8.GetByteCount(j)) / 1024:F1} KB each");
        var parts = jsons.Select(Split).ToList();
        foreach (var quality in new[] { 4, 5, 6, 7, 9, 11 })
        {
            Report($"q{quality} head with text", parts.Select(p => p.Head), quality);
            Report($"q{quality} head without text", parts.Select(p => p.HeadNoText), quality);
            Report($"q{quality} tokens", parts.Select(p => p.Tokens), quality);
            Report($"q{quality} tokens without text", parts.Select(p => p.TokensNoText), quality);
        }
    }

    private static void Report(string name, IEnumerable<byte[]> inputs, int quality)
    {
        var list = inputs.ToList();
        var cpu = MergeCostBench.ThreadSeconds();
        long bytes = 0;
        foreach (var input in list)
        {
            var output = new byte[BrotliEncoder.GetMaxCompressedLength(input.Length)];
            BrotliEncoder.TryCompress(input, output, out var written, quality, 22);
            bytes += written;
        }
        var ms = 1000 * (MergeCostBench.ThreadSeconds() - cpu) / list.Count;
        Console.WriteLine($"  {name,-32} raw {list.Average(b => b.Length) / 1024.0,6:F1} KB  packed {bytes / 1024.0 / list.Count,6:F2} KB  {ms,6:F3} ms CPU per article");
    }

    private static (byte[] Head, byte[] HeadNoText, byte[] Tokens, byte[] TokensNoText) Split(string json)
    {
        using var doc = JsonDocument.Parse(json);
        byte[] Write(bool text, bool tokens, bool tokenText)
        {
            var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, Kronika.Core.IO.JsonOutput.Options))
            {
                if (tokens)
                {
                    w.WriteStartArray();
                    foreach (var t in doc.RootElement.GetProperty("tokens").EnumerateArray())
                    {
                        w.WriteStartObject();
                        foreach (var p in t.EnumerateObject())
                            if (tokenText || p.Name != "text") p.WriteTo(w);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                else
                {
                    w.WriteStartObject();
                    foreach (var p in doc.RootElement.EnumerateObject())
                        if (p.Name != "tokens" && (text || p.Name != "text")) p.WriteTo(w);
                    w.WriteEndObject();
                }
            }
            return buffer.ToArray();
        }
        return (Write(true, false, true), Write(false, false, true), Write(true, true, true), Write(true, true, false));
    }
}
