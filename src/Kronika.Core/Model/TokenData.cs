using System.Runtime.InteropServices;

namespace Kronika.Core.Model;

/// <summary>What a token is made of, decided by the tokenizer from its characters.</summary>
public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
}

/// <summary>Facts about a token that later steps need and cannot cheaply recompute.</summary>
[Flags]
public enum TokenFlags : ushort
{
    None = 0,
    /// <summary>Whitespace follows the token in the text (CoNLL-U SpaceAfter).</summary>
    SpaceAfter = 1 << 0,
    /// <summary>A word written as an abbreviation; its period is the next token (`m` of `2024 m.`).</summary>
    Abbreviation = 1 << 1,
    /// <summary>A single capital letter standing for a name (`V` of `V. Putinas`).</summary>
    Initial = 1 << 2,
    /// <summary>The period closing an abbreviation or initial: not a sentence end by itself.</summary>
    AbbreviationPeriod = 1 << 3,
    /// <summary>A three-digit group continuing the number before it (`000` of `10 000`).</summary>
    NumberGroup = 1 << 4,
    /// <summary>The first token of a paragraph.</summary>
    ParagraphStart = 1 << 5,
}

/// <summary>Universal POS tags (UD v2).</summary>
public enum Upos : byte
{
    None, ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X,
}

/// <summary>One row of the document's token table. Strings are ids into the document's <see cref="Vocabulary"/> (0 = none).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct TokenData
{
    public int Start;
    public int Length;
    public int Lemma;
    public int Xpos;
    public int Feats;
    /// <summary>The features of <see cref="Feats"/>, parsed once when the tagger sets them.</summary>
    public Morph Morph;
    /// <summary>The document index of the token's syntactic head, -1 for a sentence's root (and before parsing).</summary>
    public int Head;
    /// <summary>The UD dependency relation to the head (`nsubj`, `obl:arg`, `root`).</summary>
    public int Deprel;
    public TokenFlags Flags;
    public TokenKind Kind;
    public Upos Upos;

    public readonly int End => Start + Length;
}

/// <summary>A sentence as a range of tokens.</summary>
public readonly record struct SentenceData(int FirstToken, int TokenCount);
