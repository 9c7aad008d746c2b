using Kronika.Core.Model;

namespace Kronika.Core.Evaluation;

/// <summary>One gold text of docs/events.md: its DCT, text, and the events, quotes, attributions and quantities in it.</summary>
public sealed record EventCase(
    string Id,
    string Dct,
    string Text,
    List<GoldEvent> Events,
    List<GoldQuote>? Quotes,
    List<GoldAttribution>? Attributions,
    List<GoldQuantity>? Quantities);

public sealed record GoldEvent(string Type, string? Mode, string Trigger, List<string> Actors, List<string> Targets, string? Date, string Modality, string? Source);

public sealed record GoldQuote(string Text, string? Speaker, bool Direct);

public sealed record GoldAttribution(string Cue, string? Source, bool Hedged);

public sealed record GoldQuantity(string Text, double Value, string? Unit, string? Approx);

/// <summary>
/// Scores the event layers against gold texts. Events are (type, actors, targets, date) tuples, compared as sets per
/// text (two mentions of one event are one tuple); for the symmetric types (AGREE, CONSULT, COOPERATE) actors and
/// targets are one set of participants. Names are equal when <c>sameName</c> says so (the knowledge base's aliases, a
/// surname for the full name). Triggers, attribution cues, quotes and quantities are matched by overlapping spans,
/// gold spans found by their text.
/// </summary>
public sealed class EventEvaluator(Func<string, string, bool> sameName)
{
    private static readonly HashSet<string> Symmetric = ["AGREE", "CONSULT", "COOPERATE"];

    private int _goldTuples, _systemTuples, _matchedTuples, _relaxedMatched;
    private int _goldTriggers, _systemTriggers, _matchedTriggers, _typeRight, _modalityRight, _modeRight;
    private int _goldAttributions, _attributionRight, _goldQuotes, _quotesFound, _speakerRight;
    private int _systemSpeakers, _systemSpeakersRight, _goldSpeakers, _goldSpeakersRight;
    private int _goldQuantities, _systemQuantities, _quantitiesFound, _quantityRight;

    public List<string> Errors { get; } = [];

    private sealed record Tuple(string Type, List<string> Actors, List<string> Targets, string? Date);

    public void Add(EventCase gold, Document system)
    {
        string Name(int id) => system.Entities.First(e => e.Id == id).Canonical;
        var goldTuples = Distinct(gold.Events.Select(e => Normalize(e.Type, e.Actors, e.Targets, e.Date)));
        var systemTuples = Distinct(system.Events.Select(e => Normalize(e.Type, [.. e.Actors.Select(Name)], [.. e.Targets.Select(Name)], e.Date)));
        _goldTuples += goldTuples.Count;
        _systemTuples += systemTuples.Count;
        var unmatched = new List<Tuple>(systemTuples);
        var relaxed = new List<Tuple>(systemTuples);
        foreach (var g in goldTuples)
        {
            var hit = unmatched.FirstOrDefault(s => Same(g, s));
            if (hit is not null) { unmatched.Remove(hit); _matchedTuples++; }
            else Errors.Add($"{gold.Id}: missed {Show(g)}");
            var near = relaxed.FirstOrDefault(s => s.Type == g.Type && g.Actors.Concat(g.Targets).Any(n => s.Actors.Concat(s.Targets).Any(m => Equal(n, m))));
            if (near is not null) { relaxed.Remove(near); _relaxedMatched++; }
        }
        foreach (var s in unmatched) Errors.Add($"{gold.Id}: spurious {Show(s)}");

        ScoreTriggers(gold, system);
        ScoreAttributions(gold, system);
        ScoreQuotes(gold, system);
        ScoreQuantities(gold, system);
    }

    private void ScoreTriggers(EventCase gold, Document system)
    {
        _goldTriggers += gold.Events.Count;
        _systemTriggers += system.Events.Count;
        foreach (var g in gold.Events)
        {
            var (start, end) = Locate(gold.Text, g.Trigger);
            var s = system.Events.FirstOrDefault(e => e.TriggerStart < end && start < e.TriggerEnd);
            if (s is null) continue;
            _matchedTriggers++;
            if (s.Type == g.Type) _typeRight++;
            else Errors.Add($"{gold.Id}: '{g.Trigger}' typed {s.Type}, gold {g.Type}");
            if (s.Modality == g.Modality) _modalityRight++;
            else Errors.Add($"{gold.Id}: '{g.Trigger}' modality {s.Modality}, gold {g.Modality}");
            if (s.Mode == g.Mode) _modeRight++;
        }
    }

    private void ScoreAttributions(EventCase gold, Document system)
    {
        foreach (var g in gold.Attributions ?? [])
        {
            _goldAttributions++;
            var (start, end) = Locate(gold.Text, g.Cue);
            var s = system.Attributions.FirstOrDefault(a => a.CueStart < end && start < a.CueEnd);
            var source = s is null ? null : s.Source is { } id ? system.Entities.First(e => e.Id == id).Canonical : s.SourceText;
            if (s is not null && s.Hedged == g.Hedged && (g.Source is null ? source is null : source is not null && Equal(g.Source, source)))
                _attributionRight++;
            else Errors.Add($"{gold.Id}: attribution '{g.Cue}' → {g.Source ?? "null"}{(g.Hedged ? " (hedged)" : "")}, system {(s is null ? "none" : $"{source ?? "null"}{(s.Hedged ? " (hedged)" : "")}")}");
        }
    }

    private void ScoreQuotes(EventCase gold, Document system)
    {
        // Speaker precision and recall: a system quote with a speaker is right when it overlaps a gold quote of that
        // speaker; a gold quote with a speaker is found when an overlapping system quote names that speaker.
        var goldSpans = (gold.Quotes ?? []).Select(g => (Gold: g, Span: Locate(gold.Text, g.Text))).ToList();
        foreach (var q in system.Quotes)
        {
            if (q.Speaker is not { } sid) continue;
            _systemSpeakers++;
            var name = system.Entities.First(e => e.Id == sid).Canonical;
            if (goldSpans.Any(x => x.Span.Start < q.End && q.Start < x.Span.End && x.Gold.Speaker is { } gs && Equal(gs, name))) _systemSpeakersRight++;
        }
        foreach (var (g, span) in goldSpans)
        {
            if (g.Speaker is null) continue;
            _goldSpeakers++;
            if (system.Quotes.Any(q => q.Start < span.End && span.Start < q.End && q.Speaker is { } id && Equal(g.Speaker, system.Entities.First(e => e.Id == id).Canonical)))
                _goldSpeakersRight++;
        }
        foreach (var g in gold.Quotes ?? [])
        {
            _goldQuotes++;
            var (start, end) = Locate(gold.Text, g.Text);
            var s = system.Quotes.FirstOrDefault(q => q.Start < end && start < q.End);
            if (s is null) { Errors.Add($"{gold.Id}: quote not found '{g.Text}'"); continue; }
            _quotesFound++;
            var speaker = s.Speaker is { } id ? system.Entities.First(e => e.Id == id).Canonical : null;
            if (g.Speaker is null ? speaker is null : speaker is not null && Equal(g.Speaker, speaker)) _speakerRight++;
            else Errors.Add($"{gold.Id}: quote '{Short(g.Text)}' speaker {speaker ?? "null"}, gold {g.Speaker ?? "null"}");
        }
    }

    private void ScoreQuantities(EventCase gold, Document system)
    {
        _systemQuantities += system.Quantities.Count;
        foreach (var g in gold.Quantities ?? [])
        {
            _goldQuantities++;
            var (start, end) = Locate(gold.Text, g.Text);
            var s = system.Quantities.FirstOrDefault(q => q.Start < end && start < q.End);
            if (s is null) { Errors.Add($"{gold.Id}: quantity not found '{g.Text}'"); continue; }
            _quantitiesFound++;
            if (Math.Abs(s.Value - g.Value) <= 1e-6 * Math.Max(1, Math.Abs(g.Value)) && s.Unit == g.Unit && s.Approx == g.Approx) _quantityRight++;
            else Errors.Add($"{gold.Id}: quantity '{g.Text}' = {s.Value} {s.Unit ?? "-"} {s.Approx ?? "-"}, gold {g.Value} {g.Unit ?? "-"} {g.Approx ?? "-"}");
        }
    }

    public IEnumerable<(string Name, string Value)> Results()
    {
        var p = Ratio(_matchedTuples, _systemTuples);
        var r = Ratio(_matchedTuples, _goldTuples);
        yield return ("events (type, actors, targets, date)", $"P {100 * p:F1}  R {100 * r:F1}  F1 {100 * F1(p, r):F1}  ({_matchedTuples} of {_goldTuples} gold, {_systemTuples} found)");
        var rp = Ratio(_relaxedMatched, _systemTuples);
        var rr = Ratio(_relaxedMatched, _goldTuples);
        yield return ("events (type, one participant)", $"P {100 * rp:F1}  R {100 * rr:F1}  F1 {100 * F1(rp, rr):F1}");
        var tp = Ratio(_matchedTriggers, _systemTriggers);
        var tr = Ratio(_matchedTriggers, _goldTriggers);
        yield return ("triggers", $"P {100 * tp:F1}  R {100 * tr:F1}  F1 {100 * F1(tp, tr):F1}");
        yield return ("type / modality / mode accuracy", $"{100 * Ratio(_typeRight, _matchedTriggers):F1} / {100 * Ratio(_modalityRight, _matchedTriggers):F1} / {100 * Ratio(_modeRight, _matchedTriggers):F1}  (on {_matchedTriggers} matched triggers)");
        yield return ("attribution accuracy", $"{100 * Ratio(_attributionRight, _goldAttributions):F1}  ({_attributionRight} of {_goldAttributions}: cue found, source and hedge right)");
        yield return ("quote speaker accuracy", $"{100 * Ratio(_speakerRight, _quotesFound):F1}  (on {_quotesFound} of {_goldQuotes} quotes found)");
        yield return ("quote speakers", $"P {100 * SpeakerPrecision:F1}  R {100 * SpeakerRecall:F1}  ({_systemSpeakersRight} of {_systemSpeakers} system speakers right, {_goldSpeakersRight} of {_goldSpeakers} gold speakers found)");
        yield return ("quantity value accuracy", $"{100 * Ratio(_quantityRight, _quantitiesFound):F1}  (on {_quantitiesFound} of {_goldQuantities} found; {_systemQuantities} system quantities)");
    }

    public double EventPrecision => Ratio(_matchedTuples, _systemTuples);
    public double EventRecall => Ratio(_matchedTuples, _goldTuples);
    public double RelaxedPrecision => Ratio(_relaxedMatched, _systemTuples);
    public double RelaxedRecall => Ratio(_relaxedMatched, _goldTuples);
    public double AttributionAccuracy => Ratio(_attributionRight, _goldAttributions);
    public double SpeakerAccuracy => Ratio(_speakerRight, _quotesFound);

    /// <summary>Of the system's quotes that name a speaker, the share whose speaker is the gold one.</summary>
    public double SpeakerPrecision => Ratio(_systemSpeakersRight, _systemSpeakers);

    /// <summary>Of the gold quotes that have a speaker, the share the system finds with that speaker.</summary>
    public double SpeakerRecall => Ratio(_goldSpeakersRight, _goldSpeakers);

    /// <summary>Of the gold quotes, the share a system quote overlaps.</summary>
    public double QuotesFound => Ratio(_quotesFound, _goldQuotes);
    public double QuantityAccuracy => Ratio(_quantityRight, _quantitiesFound);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    private static Tuple Normalize(string type, List<string> actors, List<string> targets, string? date) =>
        Symmetric.Contains(type)
            ? new Tuple(type, [.. actors.Concat(targets).Distinct().Order(StringComparer.Ordinal)], [], date)
            : new Tuple(type, [.. actors.Distinct().Order(StringComparer.Ordinal)], [.. targets.Distinct().Order(StringComparer.Ordinal)], date);

    private static List<Tuple> Distinct(IEnumerable<Tuple> tuples)
    {
        var list = new List<Tuple>();
        foreach (var t in tuples)
            if (!list.Any(o => o.Type == t.Type && o.Date == t.Date && o.Actors.SequenceEqual(t.Actors) && o.Targets.SequenceEqual(t.Targets)))
                list.Add(t);
        return list;
    }

    private bool Same(Tuple gold, Tuple system) =>
        gold.Type == system.Type && gold.Date == system.Date && SameSet(gold.Actors, system.Actors) && SameSet(gold.Targets, system.Targets);

    private bool SameSet(List<string> gold, List<string> system) =>
        gold.Count == system.Count && gold.All(g => system.Any(s => Equal(g, s))) && system.All(s => gold.Any(g => Equal(g, s)));

    private bool Equal(string gold, string system) => gold == system || sameName(gold, system);

    private static (int Start, int End) Locate(string text, string part)
    {
        var at = text.IndexOf(part, StringComparison.Ordinal);
        return at < 0 ? (-1, -1) : (at, at + part.Length);
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Show(Tuple t) =>
        $"{t.Type} [{string.Join(", ", t.Actors)}] → [{string.Join(", ", t.Targets)}] {t.Date ?? "no date"}";
}
