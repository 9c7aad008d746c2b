using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Kronika.Ingest;

/// <summary>
/// Turns HTML into plain paragraphs: each block element (p, li, h2, blockquote, div…) and each `br` ends a paragraph,
/// whitespace inside a paragraph collapses to single spaces, as a browser renders it. A block made only of links or
/// time stamps (a menu, a tag list, "Skaitykite daugiau", `prieš 2 val.`) is page furniture and is left out.
/// </summary>
/// <remarks>AngleSharp is the HTML parser SmartReader is built on; it comes with that package.</remarks>
public static class HtmlText
{
    private static readonly FrozenSet<string> Blocks = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");

    private static readonly FrozenSet<string> Invisible = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "script", "style", "noscript", "template", "head", "svg", "iframe", "object");

    /// <summary>The paragraphs of an HTML fragment or page. Text without any markup is split on its line breaks.</summary>
    public static List<string> Paragraphs(string html)
    {
        if (!html.Contains('<'))
            return [.. html.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Collapse).Where(p => p.Length > 0)];
        var document = new HtmlParser().ParseDocument(html);
        return Paragraphs(document.Body ?? (INode)document);
    }

    /// <summary>The paragraphs of a parsed node, in document order.</summary>
    public static List<string> Paragraphs(INode root)
    {
        var paragraphs = new Gatherer();
        Walk(root, paragraphs, inLinkOrTime: false);
        paragraphs.Flush();
        return paragraphs.Done;
    }

    /// <summary>The text of a node with its whitespace collapsed: for short labels such as a date line or a title.</summary>
    public static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static void Walk(INode node, Gatherer paragraphs, bool inLinkOrTime)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    paragraphs.Append(text.Data, inLinkOrTime);
                    break;
                case IElement element when Invisible.Contains(element.LocalName):
                    break;
                case IElement element when element.LocalName == "br":
                    paragraphs.Flush();
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    paragraphs.Flush();
                    Walk(element, paragraphs, inLinkOrTime: false);
                    paragraphs.Flush();
                    break;
                case IElement element:
                    Walk(element, paragraphs, inLinkOrTime || element.LocalName is "a" or "time");
                    break;
            }
        }
    }

    /// <summary>The paragraphs found so far and the one being gathered.</summary>
    private sealed class Gatherer
    {
        private readonly StringBuilder _current = new();
        private bool _hasPlainText;

        public List<string> Done { get; } = [];

        public void Append(string text, bool inLinkOrTime)
        {
            _current.Append(text);
            if (!inLinkOrTime && !string.IsNullOrWhiteSpace(text)) _hasPlainText = true;
        }

        public void Flush()
        {
            if (_hasPlainText && Collapse(_current.ToString()) is { Length: > 0 } paragraph) Done.Add(paragraph);
            _current.Clear();
            _hasPlainText = false;
        }
    }
}
