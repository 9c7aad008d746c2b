using System.Collections.Frozen;
using Kronika.Core.Model;

namespace Kronika.Lithuanian.Events;

/// <summary>
/// One line of Data/predicates.tsv: a trigger lemma, its PLOVER type and mode, the object lemmas it needs in its
/// clause (empty: none), whether its subject is the target (`žūti`: the dead are who suffered), whether it
/// promises rather than reports (`pažadėti paramą`), and its argument frame: the slots a target may fill (`acc`,
/// `dat`, `gen` for a genitive object right after the verb, or a preposition: `su`, `prieš`, `pas`, `į`, `iš`), null
/// for the default of docs/events.md. `aptarti` takes `su` only: what is discussed (`aptars Rusijos agresiją`) is a
/// topic, not a participant.
/// </summary>
public sealed record Predicate(string Lemma, string Type, string? Mode, FrozenSet<string> Objects, bool Victim, bool Future, FrozenSet<string>? Frame = null)
{
    /// <summary>Whether a target may stand in a slot (a case name or a preposition).</summary>
    public bool Takes(string slot) => Frame is null || Frame.Contains(slot);
}

/// <summary>The trigger lexicon (Data/predicates.tsv), by lemma; entries with objects first.</summary>
public sealed class Predicates
{
    public const string Resource = "Events/Data/predicates.tsv";

    private readonly FrozenDictionary<string, Predicate[]> _byLemma;

    public Predicates(IEnumerable<string> lines)
    {
        var entries = new List<Predicate>();
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (parts.Length is not (5 or 6)) throw new FormatException($"{Resource}: bad line '{line}'");
            if (!EventTypes.All.Contains(parts[1])) throw new FormatException($"{Resource}: unknown event type in '{line}'");
            var objects = parts[3] == "-" ? FrozenSet<string>.Empty : parts[3].Split('|').ToFrozenSet(StringComparer.Ordinal);
            var frame = parts.Length == 6 && parts[5] != "-" ? parts[5].Split('|').ToFrozenSet(StringComparer.Ordinal) : null;
            entries.Add(new Predicate(parts[0], parts[1], parts[2] == "-" ? null : parts[2], objects, parts[4] == "victim", parts[4] == "future", frame));
        }
        _byLemma = entries.GroupBy(e => e.Lemma, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Objects.Count).ToArray(), StringComparer.Ordinal);
    }

    public static Predicates Load() => new(Resources.Lines(Resource));

    public bool TryGet(string lemma, out Predicate[] entries) => _byLemma.TryGetValue(lemma, out entries!);
}
