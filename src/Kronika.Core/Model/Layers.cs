namespace Kronika.Core.Model;

/// <summary>The annotation layers a document can carry; pipeline steps require and provide them.</summary>
[Flags]
public enum Layers
{
    None = 0,
    Tokens = 1 << 0,
    Sentences = 1 << 1,
    Morphology = 1 << 2,
    Entities = 1 << 3,
    Times = 1 << 4,
    Quantities = 1 << 5,
    Quotes = 1 << 6,
    Attribution = 1 << 7,
    Events = 1 << 8,
    References = 1 << 9,
    /// <summary>Each token's head and dependency relation (UD), filled by the parser after morphology when asked for.</summary>
    Syntax = 1 << 10,
}
