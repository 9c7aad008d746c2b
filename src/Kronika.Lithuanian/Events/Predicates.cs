using System.Collections.Frozen;

namespace Kronika.Lithuanian.Events;

/// <summary>
/// One line of Data/predicates.tsv: a trigger lemma, its PLOVER type and mode, the object lemmas it needs in its
/// clause (empty: none), whether its subject is the target (`žūti`: the dead are who suffered), and whether it
/// promises rather than reports (`pažadėti paramą`).
/// </summary>
public sealed record Predicate(string Lemma, string Type, string? Mode, FrozenSet<string> Objects, bool Victim, bool Future);

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
            if (parts.Length != 5) throw new FormatException($"{Resource}: bad line '{line}'");
            var objects = parts[3] == "-" ? FrozenSet<string>.Empty : parts[3].Split('|').ToFrozenSet(StringComparer.Ordinal);
            entries.Add(new Predicate(parts[0], parts[1], parts[2] == "-" ? null : parts[2], objects, parts[4] == "victim", parts[4] == "future"));
        }
        _byLemma = entries.GroupBy(e => e.Lemma, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Objects.Count).ToArray(), StringComparer.Ordinal);
    }

    public static Predicates Load() => new(Resources.Lines(Resource));

    public bool TryGet(string lemma, out Predicate[] entries) => _byLemma.TryGetValue(lemma, out entries!);
}
