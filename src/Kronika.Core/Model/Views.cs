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

    /// <summary>The document index of the syntactic head, -1 for the sentence's root (and before parsing).</summary>
    public int HeadIndex => Data.Head;

    /// <summary>The syntactic head, or null for the sentence's root (and before parsing).</summary>
    public Token? Head => Data.Head < 0 ? null : doc.Token(Data.Head);

    /// <summary>The UD dependency relation to the head (`nsubj`, `obl:arg`, `root`), null before parsing.</summary>
    public string? Deprel => doc.Vocabulary[Data.Deprel];

    /// <summary>Whether the relation is <paramref name="relation"/> or one of its subtypes (`nsubj` matches `nsubj:pass`).</summary>
    public bool Is(string relation)
    {
        var deprel = Deprel;
        return deprel is not null && deprel.StartsWith(relation, StringComparison.Ordinal)
            && (deprel.Length == relation.Length || deprel[relation.Length] == ':');
    }

    /// <summary>The tokens this one heads, in text order (they are always in its sentence).</summary>
    public IEnumerable<Token> Children()
    {
        if ((doc.Layers & Layers.Syntax) == 0) yield break;
        var (first, next) = doc.ChildIndex();
        for (var i = first[index]; i >= 0; i = next[i]) yield return doc.Token(i);
    }

    /// <summary>The first child with the relation (or a subtype of it: `obl` finds `obl:arg`), or null.</summary>
    public Token? Child(string relation)
    {
        foreach (var child in Children())
            if (child.Is(relation)) return child;
        return null;
    }

    /// <summary>A predicate's subject (`nsubj`, `nsubj:pass`, `csubj`); through `cop`/`aux` heads it is the same token.</summary>
    public Token? Subject => Child("nsubj") ?? Child("csubj");

    /// <summary>A predicate's direct object (`obj`).</summary>
    public Token? Object => Child("obj");

    /// <summary>A predicate's indirect object (`iobj`).</summary>
    public Token? IndirectObject => Child("iobj");

    /// <summary>
    /// A predicate's obliques (`obl`, `obl:arg`…), each with the lemma of its preposition (`su`, `prieš`; null for a
    /// bare case: `policijos`, `Gazai`).
    /// </summary>
    public IEnumerable<(Token Oblique, string? Preposition)> Obliques()
    {
        foreach (var child in Children())
            if (child.Is("obl")) yield return (child, child.Child("case")?.Lemma);
    }

    /// <summary>The words coordinated with this one (`Rusija ir Šiaurės Korėja`: Korėja for Rusija), by `conj`.</summary>
    public IEnumerable<Token> Conjuncts()
    {
        foreach (var child in Children())
            if (child.Is("conj")) yield return child;
    }

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
