namespace Kronika.Store;

/// <summary>Snippets in the article's own words around the words that matched, and the spans to highlight.</summary>
public static class Snippets
{
    private const int Window = 30;

    /// <summary>The window of about 30 words holding the most matches (the start of the text when none match).</summary>
    public static (string Text, List<(int Start, int End)> Highlights) Make(string text, string lemmaText, int[] spans, Func<string, bool> matches)
    {
        var lemmas = lemmaText.Split(' ');
        var count = Math.Min(lemmas.Length, spans.Length / 2);
        if (count == 0) return (text.Length <= 200 ? text : text[..200], []);
        var hit = new bool[count];
        for (var i = 0; i < count; i++) hit[i] = matches(lemmas[i]);
        // The window of Window words ending at bestEnd holds the most matches; centre it on its first and last match.
        int bestEnd = Math.Min(count, Window) - 1, bestHits = 0, running = 0;
        for (var i = 0; i < count; i++)
        {
            if (hit[i]) running++;
            if (i >= Window && hit[i - Window]) running--;
            if (running > bestHits) (bestHits, bestEnd) = (running, i);
        }
        var first = 0;
        if (bestHits > 0)
        {
            var firstHit = Enumerable.Range(Math.Max(0, bestEnd - Window + 1), Window).First(i => hit[i]);
            first = Math.Clamp((firstHit + bestEnd) / 2 - Window / 2, 0, Math.Max(0, count - Window));
        }
        var last = Math.Min(count - 1, first + Window - 1);
        var start = spans[2 * first];
        var end = spans[2 * last + 1];
        var highlights = new List<(int, int)>();
        for (var i = first; i <= last; i++)
            if (hit[i]) highlights.Add((spans[2 * i] - start, spans[2 * i + 1] - start));
        var window = text[start..end].ReplaceLineEndings(" ");
        return ((first > 0 ? "…" : "") + window + (last < count - 1 ? "…" : ""), first > 0 ? highlights.Select(h => (h.Item1 + 1, h.Item2 + 1)).ToList() : highlights);
    }

    /// <summary>The snippet with matches marked by `[` `]`, for plain text.</summary>
    public static string Marked(string snippet, IReadOnlyList<(int Start, int End)> highlights)
    {
        var sb = new System.Text.StringBuilder(snippet);
        foreach (var (start, end) in highlights.OrderByDescending(h => h.Start))
        {
            sb.Insert(end, ']');
            sb.Insert(start, '[');
        }
        return sb.ToString();
    }

    /// <summary>Token spans (start, end pairs) as varint deltas: about two bytes a word.</summary>
    public static byte[] Pack(int[] spans)
    {
        using var ms = new MemoryStream(spans.Length * 2);
        var previous = 0;
        foreach (var value in spans)
        {
            var delta = (uint)(value - previous);
            previous = value;
            while (delta >= 0x80)
            {
                ms.WriteByte((byte)(delta | 0x80));
                delta >>= 7;
            }
            ms.WriteByte((byte)delta);
        }
        return ms.ToArray();
    }

    public static int[] Unpack(byte[] bytes)
    {
        var values = new List<int>(bytes.Length);
        var previous = 0;
        for (var i = 0; i < bytes.Length;)
        {
            uint delta = 0;
            var shift = 0;
            byte b;
            do
            {
                b = bytes[i++];
                delta |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0 && i < bytes.Length);
            previous += (int)delta;
            values.Add(previous);
        }
        return [.. values];
    }
}
