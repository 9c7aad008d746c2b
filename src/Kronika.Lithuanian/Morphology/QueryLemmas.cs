using System.Text;

namespace Kronika.Lithuanian.Morphology;

/// <summary>
/// The lemmas of query words, looked up instead of tagged: for each word (and each knowledge-base name) of a word list,
/// what the tagger gives it alone (<see cref="Entry.Lemmas"/>, the store's lemma keys) and every lemma the lexicon allows
/// (<see cref="Entry.Alternatives"/>). Made by `kronika train query-lemmas` from the shipped models, whose sha256 its
/// first line records; a test checks every entry against the tagger. A search command reads this table (a plain text
/// file, no parsing beyond finding line starts) and loads the tagger only for words it lacks.
/// </summary>
public sealed class QueryLemmas
{
    public const string Resource = "Morphology/Data/query-lemmas.tsv";

    /// <summary>One looked-up text: the tagger's lemma keys for it, and the lexicon's other lemmas (single words only).</summary>
    public sealed record Entry(string Text, string[] Lemmas, string[] Alternatives);

    private readonly string _table;
    private readonly int[] _starts;

    private QueryLemmas(string table)
    {
        _table = table;
        var starts = new List<int>(1 << 17);
        for (var at = 0; at < table.Length; at = table.IndexOf('\n', at) is var end && end < 0 ? table.Length : end + 1)
            if (table[at] != '#' && table[at] != '\n') starts.Add(at);
        _starts = [.. starts];
        Header = table.StartsWith('#') ? table[..table.IndexOf('\n')] : "";
    }

    /// <summary>The first line: which models the table was made with (`# morphology=SHA256 lexicon=SHA256`).</summary>
    public string Header { get; }

    public int Count => _starts.Length;

    public static QueryLemmas Load()
    {
        using var reader = new StreamReader(Resources.Open(Resource), Encoding.UTF8);
        return new QueryLemmas(reader.ReadToEnd());
    }

    public static QueryLemmas Parse(string table) => new(table);

    /// <summary>The entry for exactly this text (as typed: letter case matters to the tagger), or null.</summary>
    public Entry? Find(ReadOnlySpan<char> text)
    {
        int lo = 0, hi = _starts.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var line = Line(mid);
            var key = line[..line.IndexOf('\t')];
            var order = key.SequenceCompareTo(text);
            if (order == 0) return ToEntry(line);
            if (order < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    public IEnumerable<Entry> Entries()
    {
        for (var i = 0; i < _starts.Length; i++) yield return ToEntry(Line(i));
    }

    private ReadOnlySpan<char> Line(int i)
    {
        var line = _table.AsSpan(_starts[i]);
        var end = line.IndexOf('\n');
        return end < 0 ? line : line[..end];
    }

    private static Entry ToEntry(ReadOnlySpan<char> line)
    {
        var parts = line.ToString().Split('\t');
        if (parts.Length != 3) throw new InvalidDataException($"{Resource}: a line has {parts.Length} fields, not 3: {line}");
        return new Entry(parts[0], Words(parts[1]), Words(parts[2]));
    }

    private static string[] Words(string field) => field.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The table's text: the header, then one line per text, sorted by ordinal comparison (as <see cref="Find"/> searches).</summary>
    public static string Write(string header, IEnumerable<Entry> entries)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(header).Append('\n');
        foreach (var e in entries.OrderBy(e => e.Text, StringComparer.Ordinal))
        {
            if (e.Text.Contains('\t') || e.Text.Contains('\n')) throw new ArgumentException($"a query text with a tab or line break: '{e.Text}'");
            text.Append(e.Text).Append('\t').AppendJoin(' ', e.Lemmas).Append('\t').AppendJoin(' ', e.Alternatives).Append('\n');
        }
        return text.ToString();
    }
}
