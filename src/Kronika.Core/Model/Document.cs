namespace Kronika.Core.Model;

/// <summary>Where an article came from: a file, a URL, stdin.</summary>
/// <param name="Name">The source as shown: a path relative to the folder read, `file:line`, a feed item, `-`.</param>
/// <param name="Location">Where it was read, in full (a file's absolute path, with `:line` for a JSON line): its identity when it has no URL.</param>
public sealed record ArticleSource(string Name, string? Url = null, string? Site = null, string? Title = null, string? Location = null);

/// <summary>A character range of the text; End is exclusive.</summary>
public readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// One article: its text, its publication date (the anchor for relative time expressions), the token table
/// and the annotation layers. Steps fill it in pipeline order; the text itself is never rewritten.
/// </summary>
public sealed class Document
{
    private TokenData[] _tokens;
    private readonly List<SentenceData> _sentences = [];

    /// <summary>The paragraphs of a text whose lines are its paragraphs (the input format, stored articles).</summary>
    public static List<TextRange> Lines(string text)
    {
        var paragraphs = new List<TextRange>();
        var start = 0;
        foreach (var line in text.Split('\n'))
        {
            paragraphs.Add(new TextRange(start, start + line.Length));
            start += line.Length + 1;
        }
        return paragraphs;
    }

    public Document(string text, DateOnly? date = null, ArticleSource? source = null, IReadOnlyList<TextRange>? paragraphs = null)
    {
        Text = text;
        Date = date;
        Source = source ?? new ArticleSource("-");
        Paragraphs = paragraphs ?? [new TextRange(0, text.Length)];
        _tokens = new TokenData[Math.Max(16, text.Length / 5)];
    }

    public string Text { get; }

    /// <summary>The publication date (document creation time); null only for treebank input.</summary>
    public DateOnly? Date { get; }

    /// <summary>Where the article came from; a reader may rename it after parsing (see ArticleSource.Name).</summary>
    public ArticleSource Source { get; set; }

    /// <summary>The text's language (ISO 639-1); only Lithuanian (`lt`) text goes through the Lithuanian pipeline.</summary>
    public string Language { get; set; } = "lt";

    /// <summary>Paragraph ranges in order; a paragraph end always ends a sentence.</summary>
    public IReadOnlyList<TextRange> Paragraphs { get; }

    /// <summary>The layers filled so far.</summary>
    public Layers Layers { get; set; }

    public Vocabulary Vocabulary { get; } = new();

    /// <summary>The named-entity mentions, in text order (the Entities layer).</summary>
    public List<EntityMention> Entities { get; } = [];

    /// <summary>Role nouns, titles, pronouns and bare names that refer to an entity, in text order (the References layer).</summary>
    public List<Reference> References { get; } = [];

    /// <summary>The time expressions, in text order (the Times layer).</summary>
    public List<TimeExpression> Times { get; } = [];

    /// <summary>The reported numbers, in text order (the Quantities layer).</summary>
    public List<Quantity> Quantities { get; } = [];

    /// <summary>Direct and indirect quotes, in text order (the Quotes layer).</summary>
    public List<Quote> Quotes { get; } = [];

    /// <summary>The sources claims are attributed to, in text order (the Attribution layer).</summary>
    public List<Attribution> Attributions { get; } = [];

    /// <summary>The events, in text order of their triggers (the Events layer).</summary>
    public List<Event> Events { get; } = [];

    public int TokenCount { get; private set; }

    public IReadOnlyList<SentenceData> SentenceTable => _sentences;

    public int SentenceCount => _sentences.Count;

    public Token Token(int index) => new(this, index);

    /// <summary>The index of the sentence holding a token, or -1 when it is in none.</summary>
    public int SentenceOf(int tokenIndex)
    {
        int lo = 0, hi = _sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var s = _sentences[mid];
            if (tokenIndex < s.FirstToken) hi = mid - 1;
            else if (tokenIndex >= s.FirstToken + s.TokenCount) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    public Sentence Sentence(int index) => new(this, index);

    public ref TokenData TokenAt(int index)
    {
        if ((uint)index >= (uint)TokenCount) throw new ArgumentOutOfRangeException(nameof(index));
        return ref _tokens[index];
    }

    private int[]? _firstChild, _nextSibling;

    /// <summary>
    /// Each token's first dependent and each dependent's next sibling, in text order, built on first use once the parse
    /// is in (the parser sets every head before <see cref="Layers.Syntax"/> is added, and nothing changes them after):
    /// reading a word's dependents then costs their number, not the sentence's length.
    /// </summary>
    internal (int[] FirstChild, int[] NextSibling) ChildIndex()
    {
        if (_firstChild is null || _nextSibling is null)
        {
            var first = new int[TokenCount];
            var next = new int[TokenCount];
            Array.Fill(first, -1);
            for (var i = TokenCount - 1; i >= 0; i--)
            {
                var head = _tokens[i].Head;
                next[i] = head >= 0 ? first[head] : -1;
                if (head >= 0) first[head] = i;
            }
            (_firstChild, _nextSibling) = (first, next);
        }
        return (_firstChild, _nextSibling);
    }

    /// <summary>The token table as a read-only span (fast paths read it directly).</summary>
    public ReadOnlySpan<TokenData> TokenTable => _tokens.AsSpan(0, TokenCount);

    public int AddToken(int start, int length, TokenKind kind, TokenFlags flags = TokenFlags.None)
    {
        if (start < 0 || length <= 0 || start + length > Text.Length)
            throw new ArgumentOutOfRangeException(nameof(start), $"token {start}+{length} outside text of length {Text.Length}");
        if (TokenCount > 0 && start < _tokens[TokenCount - 1].End)
            throw new ArgumentException($"token at {start} overlaps the previous token", nameof(start));
        if (TokenCount == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length * 2);
        _tokens[TokenCount] = new TokenData { Start = start, Length = length, Kind = kind, Flags = flags, Head = -1 };
        return TokenCount++;
    }

    public void AddSentence(int firstToken, int tokenCount)
    {
        if (tokenCount <= 0 || firstToken < 0 || firstToken + tokenCount > TokenCount)
            throw new ArgumentOutOfRangeException(nameof(tokenCount));
        if (_sentences.Count > 0)
        {
            var last = _sentences[^1];
            if (firstToken < last.FirstToken + last.TokenCount)
                throw new ArgumentException("sentences must not overlap", nameof(firstToken));
        }
        _sentences.Add(new SentenceData(firstToken, tokenCount));
    }

    public IEnumerable<Token> Tokens()
    {
        for (var i = 0; i < TokenCount; i++) yield return new Token(this, i);
    }

    public IEnumerable<Sentence> Sentences()
    {
        for (var i = 0; i < _sentences.Count; i++) yield return new Sentence(this, i);
    }
}
