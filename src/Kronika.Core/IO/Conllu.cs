using System.Text;
using Kronika.Core.Model;

namespace Kronika.Core.IO;

/// <summary>One word line of a CoNLL-U file; columns kept as written ("_" for empty).</summary>
public sealed record ConlluWord(
    string Id, string Form, string Lemma, string Upos, string Xpos, string Feats,
    string Head, string Deprel, string Deps, string Misc)
{
    public bool SpaceAfter => !Misc.Split('|').Contains("SpaceAfter=No");
}

/// <summary>One sentence of a CoNLL-U file with its comment metadata.</summary>
public sealed class ConlluSentence
{
    public List<ConlluWord> Words { get; } = [];
    public List<string> Comments { get; } = [];
    public string? SentId { get; set; }
    public string? Text { get; set; }
    public string? NewDocId { get; set; }
    public bool NewDoc { get; set; }
    public bool NewPar { get; set; }

    /// <summary>The sentence text: the `# text` comment, else rebuilt from forms and SpaceAfter.</summary>
    public string RawText()
    {
        if (Text is not null) return Text;
        var sb = new StringBuilder();
        for (var i = 0; i < Words.Count; i++)
        {
            sb.Append(Words[i].Form);
            if (i < Words.Count - 1 && Words[i].SpaceAfter) sb.Append(' ');
        }
        return sb.ToString();
    }
}

/// <summary>The sentences of one `# newdoc` (or of the whole file when it has none).</summary>
public sealed record ConlluDocument(string? Id, IReadOnlyList<ConlluSentence> Sentences)
{
    /// <summary>The document's raw text: sentence texts joined by a space, as the CoNLL 2018 evaluation rebuilds it.</summary>
    public string RawText() => string.Join(' ', Sentences.Select(s => s.RawText()));

    /// <summary>
    /// A Document over <see cref="RawText"/> carrying the given tokens and sentences (but none of the other columns),
    /// so a pipeline keeps them and fills the rest.
    /// </summary>
    public Document ToDocument(DateOnly? date = null, ArticleSource? source = null)
    {
        var text = RawText();
        var doc = new Document(text, date, source ?? new ArticleSource(Id ?? "-"));
        var pos = 0;
        foreach (var sentence in Sentences)
        {
            var first = doc.TokenCount;
            foreach (var word in sentence.Words)
            {
                var (start, end) = Locate(text, word.Form, pos)
                    ?? throw new FormatException($"token '{word.Form}' of sentence {sentence.SentId ?? "?"} not found in its # text");
                var flags = end < text.Length && char.IsWhiteSpace(text[end]) ? TokenFlags.SpaceAfter : TokenFlags.None;
                doc.AddToken(start, end - start, TokenKind.Word, flags);
                pos = end;
            }
            if (doc.TokenCount > first) doc.AddSentence(first, doc.TokenCount - first);
        }
        doc.Layers = Layers.Tokens | Layers.Sentences;
        return doc;
    }

    /// <summary>Finds a form at or after <paramref name="from"/>, skipping whitespace, matching its non-space characters.</summary>
    private static (int Start, int End)? Locate(string text, string form, int from)
    {
        var i = from;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        var start = i;
        foreach (var c in form)
        {
            if (char.IsWhiteSpace(c)) continue;
            while (i < text.Length && char.IsWhiteSpace(text[i]) && i > start) i++;
            if (i >= text.Length || text[i] != c) return null;
            i++;
        }
        return i > start ? (start, i) : null;
    }
}

/// <summary>Reads and writes CoNLL-U (https://universaldependencies.org/format.html).</summary>
public static class Conllu
{
    public static List<ConlluSentence> ReadSentences(TextReader reader)
    {
        var result = new List<ConlluSentence>();
        var current = new ConlluSentence();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (current.Words.Count > 0) result.Add(current);
                current = new ConlluSentence();
                continue;
            }
            if (line[0] == '#')
            {
                ReadComment(current, line);
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length != 10)
                throw new FormatException($"line {lineNumber}: expected 10 tab-separated columns, found {cols.Length}");
            // Multiword-token ranges (1-2) and empty nodes (1.1) carry no token of their own here.
            if (cols[0].Contains('-') || cols[0].Contains('.')) continue;
            current.Words.Add(new ConlluWord(cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9]));
        }
        if (current.Words.Count > 0) result.Add(current);
        return result;
    }

    /// <summary>Groups sentences into documents at each `# newdoc`.</summary>
    public static List<ConlluDocument> ReadDocuments(TextReader reader)
    {
        var docs = new List<ConlluDocument>();
        List<ConlluSentence>? current = null;
        string? id = null;
        foreach (var sentence in ReadSentences(reader))
        {
            if (current is null || (sentence.NewDoc && current.Count > 0))
            {
                if (current is { Count: > 0 }) docs.Add(new ConlluDocument(id, current));
                current = [];
                id = sentence.NewDocId;
            }
            current.Add(sentence);
        }
        if (current is { Count: > 0 }) docs.Add(new ConlluDocument(id, current));
        return docs;
    }

    private static void ReadComment(ConlluSentence sentence, string line)
    {
        sentence.Comments.Add(line);
        var body = line.AsSpan(1).Trim();
        if (body.StartsWith("newdoc"))
        {
            sentence.NewDoc = true;
            var eq = body.IndexOf('=');
            if (eq >= 0) sentence.NewDocId = body[(eq + 1)..].Trim().ToString();
        }
        else if (body.StartsWith("newpar")) sentence.NewPar = true;
        else if (TryValue(body, "sent_id", out var id)) sentence.SentId = id;
        else if (TryValue(body, "text", out var text)) sentence.Text = text;
    }

    private static bool TryValue(ReadOnlySpan<char> body, string key, out string value)
    {
        value = "";
        if (!body.StartsWith(key)) return false;
        var rest = body[key.Length..].TrimStart();
        if (rest.IsEmpty || rest[0] != '=') return false;
        value = rest[1..].Trim().ToString();
        return true;
    }

    /// <summary>Writes a document as CoNLL-U: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL (once parsed), `_` elsewhere, SpaceAfter=No in MISC.</summary>
    public static void Write(TextWriter w, Document doc, string? docId = null)
    {
        w.Write("# newdoc id = ");
        w.WriteLine(docId ?? doc.Source.Name);
        if (doc.Date is { } date) w.WriteLine($"# date = {date:yyyy-MM-dd}");
        var paragraph = -1;
        var parsed = (doc.Layers & Layers.Syntax) != 0;
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var sentence = doc.Sentence(s);
            var p = ParagraphOf(doc, sentence.Start);
            if (p != paragraph)
            {
                w.WriteLine("# newpar");
                paragraph = p;
            }
            w.WriteLine($"# sent_id = {s + 1}");
            w.Write("# text = ");
            w.WriteLine(OneLine(sentence.Text));
            var tokens = sentence.Tokens;
            for (var i = 0; i < tokens.TokenCount; i++)
            {
                var t = tokens[i];
                w.Write(i + 1);
                w.Write('\t');
                w.Write(Column(t.Text));
                w.Write('\t');
                w.Write(Column(t.Lemma));
                w.Write('\t');
                w.Write(t.Upos == Upos.None ? "_" : t.Upos.ToString());
                w.Write('\t');
                w.Write(Column(t.Xpos));
                w.Write('\t');
                w.Write(Column(t.Feats));
                w.Write('\t');
                if (parsed)
                {
                    w.Write(t.HeadIndex < 0 ? 0 : t.HeadIndex - sentence.FirstToken + 1);
                    w.Write('\t');
                    w.Write(Column(t.Deprel));
                }
                else w.Write("_\t_");
                w.Write("\t_\t");
                w.WriteLine(!t.SpaceAfter && t.End < doc.Text.Length ? "SpaceAfter=No" : "_");
            }
            w.WriteLine();
        }
    }

    private static int ParagraphOf(Document doc, int offset)
    {
        for (var i = doc.Paragraphs.Count - 1; i >= 0; i--)
            if (doc.Paragraphs[i].Start <= offset) return i;
        return 0;
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    private static string Column(string? value) =>
        string.IsNullOrEmpty(value) ? "_" : value.Replace('\t', ' ').ReplaceLineEndings(" ");
}
