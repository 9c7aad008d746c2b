using Kronika.Core.Model;

namespace Kronika.Core.Evaluation;

/// <summary>A gold time expression: its span in the text and its TIMEX3 attributes.</summary>
public sealed record GoldTime(int Start, int End, string Type, string Value, string? Mod);

/// <summary>
/// Scores time expressions the way TempEval-3 does: extents matched strictly (same span) and relaxed (overlapping);
/// on relaxed matches, the type and the value (with its modifier) are compared; value F1 = value accuracy × relaxed F1.
/// </summary>
public sealed class TimeEvaluator
{
    private int _gold, _system, _strict, _relaxed, _type, _value;

    /// <summary>Mismatches, one line each, for reading what went wrong.</summary>
    public List<string> Errors { get; } = [];

    public void Add(string text, IReadOnlyList<GoldTime> gold, IReadOnlyList<TimeExpression> system)
    {
        _gold += gold.Count;
        _system += system.Count;
        var used = new bool[system.Count];
        foreach (var g in gold)
        {
            var match = -1;
            for (var k = 0; k < system.Count; k++)
            {
                if (used[k] || system[k].End <= g.Start || system[k].Start >= g.End) continue;
                match = k;
                if (system[k].Start == g.Start && system[k].End == g.End) break;
            }
            if (match < 0)
            {
                Errors.Add($"missed   {text[g.Start..g.End]} ({g.Type} {g.Value} {g.Mod}) in: {text}");
                continue;
            }
            used[match] = true;
            var s = system[match];
            _relaxed++;
            if (s.Start == g.Start && s.End == g.End) _strict++;
            else Errors.Add($"extent   {text[s.Start..s.End]} for {text[g.Start..g.End]} in: {text}");
            if (s.Type == g.Type) _type++;
            if (s.Value == g.Value && s.Mod == g.Mod) _value++;
            else Errors.Add($"value    {text[g.Start..g.End]}: {s.Type} {s.Value} {s.Mod}, gold {g.Type} {g.Value} {g.Mod} in: {text}");
        }
        for (var k = 0; k < system.Count; k++)
            if (!used[k]) Errors.Add($"spurious {text[system[k].Start..system[k].End]} ({system[k].Type} {system[k].Value}) in: {text}");
    }

    public IReadOnlyList<Metric> Results()
    {
        var relaxed = new Metric("Relaxed", _relaxed, _system, _gold);
        var typeAccuracy = _relaxed == 0 ? 0 : (double)_type / _relaxed;
        var valueAccuracy = _relaxed == 0 ? 0 : (double)_value / _relaxed;
        return
        [
            new Metric("Strict", _strict, _system, _gold),
            relaxed,
            new Metric("Type", _type, _relaxed, _relaxed),
            new Metric("Value", _value, _relaxed, _relaxed),
            // The TempEval-3 value F1: value accuracy on relaxed matches times relaxed F1 (as a metric with F1 set through counts).
            new Metric("Value F1", (int)Math.Round(valueAccuracy * relaxed.F1 * 1_000_000), 1_000_000, 1_000_000),
        ];
    }
}
