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

/// <summary>
/// A word or phrase that refers to an entity without naming it (the References layer): a role noun or title
/// (`prezidentas`, `Estijos finansų ministras`, `atstovė spaudai`), a pronoun (`ji`, `jų`), a bare name
/// (`Komisija`) or an acronym the article defined. <see cref="Entity"/> is the id of an entity of the Entities layer:
/// the person or body named in the article, or — for a role whose holder the article never names — the office holder
/// on the publication date, which the step then adds to the Entities layer as a mention on the role noun.
/// </summary>
public sealed record Reference(int Start, int End, int Entity);

/// <summary>
/// A number the text reports: its span (the number and what it counts: `daugiau nei 10 000 karių`), its value (`3,5 mln.`
/// → 3500000; `pusė` → 0.5; `15 proc.` → 15), the lemma of the counted noun or unit (`karys`, `euras`, `procentas`;
/// null when nothing is counted), and its approximation: APPROX (`apie`), MORE_THAN (`daugiau nei`, `per`), LESS_THAN
/// (`mažiau nei`, `beveik`), AT_LEAST (`mažiausiai`), AT_MOST (`ne daugiau kaip`), or null when exact.
/// </summary>
public sealed record Quantity(int Start, int End, double Value, string? Unit, string? Approx = null);

/// <summary>
/// A quote: the quoted words (<see cref="Direct"/>: the text inside „…“ or "…") or the reported clause of an indirect
/// quote (`X pažadėjo, kad …`: the clause after `kad`), the entity id of its speaker when the sentence says who (else
/// null, never guessed), and the span of the cue that introduces it (`pareiškė`, `pasak`), or -1 when there is none.
/// </summary>
public sealed record Quote(int Start, int End, int? Speaker, bool Direct, int CueStart = -1, int CueEnd = -1);

/// <summary>
/// Who a claim is attributed to: the claim (the clause or sentence it covers), the cue (`informavo`, `pasak`,
/// `duomenimis`, `manoma`), the source's entity id when the source is a named entity, else its words
/// (`žvalgybos agentūros`) in <see cref="SourceText"/>, and whether a hedge (`manoma`, `esą`, `neva`, `teigiama`)
/// marks the claim as uncertain. A hedge without a source has both null.
/// </summary>
public sealed record Attribution(int Start, int End, int CueStart, int CueEnd, int? Source, string? SourceText, bool Hedged);

/// <summary>
/// An event (PLOVER type and mode) with its trigger's span, its sentence, the entity ids of its actors and targets,
/// its date (a TIMEX3 value: from a time expression attached to its clause, else from the tense against the DCT),
/// its place (an entity id), its modality (ASSERTED, NEGATED, FUTURE, HYPOTHETICAL, REPORTED), the index of the
/// <see cref="Attribution"/> its claim is reported under (or null), and the indexes of the <see cref="Quantity"/>
/// annotations attached to it.
/// </summary>
public sealed record Event(
    string Type,
    string? Mode,
    int TriggerStart,
    int TriggerEnd,
    int Sentence,
    IReadOnlyList<int> Actors,
    IReadOnlyList<int> Targets,
    string? Date,
    int? Location,
    string Modality,
    int? Attribution,
    IReadOnlyList<int> Quantities);

/// <summary>The PLOVER event types Kronika codes (docs/events.md).</summary>
public static class EventTypes
{
    public static readonly string[] All =
        ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
}
