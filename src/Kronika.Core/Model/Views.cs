namespace Kronika.Core.Model;

/// <summary>A read-only view of one token of a <see cref="Document"/>.</summary>
public readonly struct Token(Document doc, int index)
{
    public Document Document => doc;
    public int Index => index;
    private ref readonly TokenData Data => ref doc.TokenAt(index);

    public int Start => Data.Start;
    public int End => Data.End;
    public ReadOnlySpan<char> Span => doc.Text.AsSpan(Data.Start, Data.Length);
    public string Text => doc.Text.Substring(Data.Start, Data.Length);
    public TokenKind Kind => Data.Kind;
    public TokenFlags Flags => Data.Flags;
    public bool SpaceAfter => (Data.Flags & TokenFlags.SpaceAfter) != 0;
    public string? Lemma => doc.Vocabulary[Data.Lemma];
    public Upos Upos => Data.Upos;
    public string? Xpos => doc.Vocabulary[Data.Xpos];
    public string? Feats => doc.Vocabulary[Data.Feats];
    /// <summary>The token's UD features as typed fields (the one way steps read them).</summary>
    public Morph Morph => Data.Morph;

    public bool Has(TokenFlags flag) => (Data.Flags & flag) == flag;

    public override string ToString() => Text;
}

/// <summary>A read-only view of a contiguous run of tokens.</summary>
public readonly struct Span(Document doc, int firstToken, int tokenCount)
{
    public Document Document => doc;
    public int FirstToken => firstToken;
    public int TokenCount => tokenCount;
    public int Start => tokenCount == 0 ? 0 : doc.TokenAt(firstToken).Start;
    public int End => tokenCount == 0 ? 0 : doc.TokenAt(firstToken + tokenCount - 1).End;
    public string Text => doc.Text[Start..End];
    public Token this[int i] => (uint)i < (uint)tokenCount ? doc.Token(firstToken + i) : throw new ArgumentOutOfRangeException(nameof(i));

    public IEnumerable<Token> Tokens()
    {
        for (var i = 0; i < tokenCount; i++) yield return doc.Token(firstToken + i);
    }

    public override string ToString() => Text;
}

/// <summary>A read-only view of one sentence.</summary>
public readonly struct Sentence(Document doc, int index)
{
    private SentenceData Data => doc.SentenceTable[index];

    public int Index => index;
    public int FirstToken => Data.FirstToken;
    public int TokenCount => Data.TokenCount;
    public Span Tokens => new(doc, Data.FirstToken, Data.TokenCount);
    public int Start => Tokens.Start;
    public int End => Tokens.End;
    public string Text => Tokens.Text;

    public override string ToString() => Text;
}
