using Kronika.Core.Model;

namespace Kronika.Core.Evaluation;

/// <summary>A gold entity mention: span, type and canonical name.</summary>
public sealed record GoldEntity(int Start, int End, string Type, string Canonical);

/// <summary>
/// Scores entity mentions: exact-span (and type) precision, recall and F1 per type and overall, and the accuracy of
/// canonical names on mentions whose span matched. A gold canonical written with initials (`V. Putinas`) is matched
/// by the full name it abbreviates (`Vladimiras Putinas`): the system may know more than the sentence says. A caller may
/// also count two names of one entity as the same (`ES` and `Europos Sąjunga`, through a knowledge base).
/// </summary>
public sealed class EntityEvaluator(Func<string, string, bool>? sameEntity = null)
{
    private readonly Dictionary<string, (int Correct, int System, int Gold)> _byType = [];
    private int _spanMatches, _canonicalCorrect;

    public List<string> Errors { get; } = [];

    public void Add(string text, IReadOnlyList<GoldEntity> gold, IReadOnlyList<EntityMention> system)
    {
        foreach (var g in gold) Count(g.Type, gold: 1);
        foreach (var s in system) Count(s.Type, system: 1);
        var matched = new HashSet<EntityMention>();
        foreach (var g in gold)
        {
            var s = system.FirstOrDefault(x => x.Start == g.Start && x.End == g.End);
            if (s is null)
            {
                Errors.Add($"missed   {g.Type} {text[g.Start..g.End]} in: {text}");
                continue;
            }
            matched.Add(s);
            _spanMatches++;
            if (s.Type == g.Type) Count(g.Type, correct: 1);
            else Errors.Add($"type     {text[g.Start..g.End]}: {s.Type}, gold {g.Type} in: {text}");
            if (CanonicalMatches(g.Canonical, s.Canonical) || sameEntity?.Invoke(g.Canonical, s.Canonical) == true) _canonicalCorrect++;
            else Errors.Add($"name     {text[g.Start..g.End]}: {s.Canonical}, gold {g.Canonical} in: {text}");
        }
        foreach (var s in system)
            if (!matched.Contains(s)) Errors.Add($"spurious {s.Type} {text[s.Start..s.End]} in: {text}");
    }

    private void Count(string type, int correct = 0, int system = 0, int gold = 0)
    {
        var c = _byType.GetValueOrDefault(type);
        _byType[type] = (c.Correct + correct, c.System + system, c.Gold + gold);
    }

    public static bool CanonicalMatches(string gold, string system)
    {
        if (gold == system) return true;
        var g = gold.Split(' ');
        var s = system.Split(' ');
        if (g.Length != s.Length || !g.Any(w => w.EndsWith('.'))) return false;
        for (var i = 0; i < g.Length; i++)
            if (g[i].EndsWith('.') ? !s[i].StartsWith(g[i][..^1], StringComparison.Ordinal) : g[i] != s[i]) return false;
        return true;
    }

    public IReadOnlyList<Metric> Results()
    {
        var list = _byType.OrderBy(p => p.Key).Select(p => new Metric(p.Key, p.Value.Correct, p.Value.System, p.Value.Gold)).ToList();
        list.Add(new Metric("All", list.Sum(m => m.Correct), list.Sum(m => m.SystemCount), list.Sum(m => m.GoldCount)));
        list.Add(new Metric("Canonical", _canonicalCorrect, _spanMatches, _spanMatches));
        return list;
    }
}
