namespace Kronika.Core.Model;

/// <summary>
/// A time expression (TIMEX3): its character span, type (DATE, TIME, DURATION, SET), normalized value
/// (`2025-08-12`, `2025-W33`, `P3Y`, `XXXX-WXX-7`, `PAST_REF`…) and modifier (START, END, SINCE, BEFORE, MORE_THAN…).
/// <see cref="Anchor"/> names what an offset is counted from when it is not a date (`likus trims dienoms iki
/// susitikimo`): the value is then the anchor's date moved by the offset, or unresolved (`XXXX-XX-XX`).
/// </summary>
public sealed record TimeExpression(int Start, int End, string Type, string Value, string? Mod = null, string? Anchor = null);

/// <summary>
/// A mention of a named entity: its span, type (PER, ORG, LOC, MISC), the canonical nominative name of the entity it
/// refers to, its Wikidata id where known, and an <see cref="Id"/> shared by every mention of the same entity in the
/// document.
/// </summary>
public sealed record EntityMention(int Id, int Start, int End, string Type, string Canonical, string? Kb = null);
