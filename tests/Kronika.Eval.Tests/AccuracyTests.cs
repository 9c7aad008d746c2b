using Kronika.Cli;
using Kronika.Core.Evaluation;
using Kronika.Core.IO;
using Kronika.Tests;

namespace Kronika.Eval.Tests;

/// <summary>
/// Accuracy on the UD ALKSNIS treebank in ../shared/data, guarded a little below the measured figures so a
/// regression fails. Skips, saying why, when the data is not beside the clone. The shipped morphology model is
/// trained on train + dev, so tagging is guarded on the test split only; so is the parser, for the same reason.
/// </summary>
public class AccuracyTests
{
    private static Dictionary<string, double> Scores(string file, bool goldTokens)
    {
        var path = TestPaths.RequireSharedFile(Path.Combine("ud-lithuanian-alksnis", file));
        using var reader = new StreamReader(path);
        var gold = Conllu.ReadDocuments(reader);
        return EvalCommand.Evaluate(gold, goldTokens).ToDictionary(m => m.Name, m => 100 * m.F1);
    }

    private static void AtLeast(Dictionary<string, double> scores, string metric, double floor, double measured) =>
        Assert.True(scores[metric] >= floor, $"{metric} {scores[metric]:F2} < {floor} (measured {measured})");

    [Fact]
    public void Segmentation_OnTestSet_KeepsTokenAndSentenceF1()
    {
        var scores = Scores("lt_alksnis-ud-test.conllu", goldTokens: false);
        AtLeast(scores, "Tokens", 99.8, 99.99);
        AtLeast(scores, "Sentences", 90.5, 91.63);
    }

    [Fact]
    public void Segmentation_OnDevSet_KeepsTokenAndSentenceF1()
    {
        var scores = Scores("lt_alksnis-ud-dev.conllu", goldTokens: false);
        AtLeast(scores, "Tokens", 99.8, 99.96);
        AtLeast(scores, "Sentences", 90.0, 90.97);
    }

    [Fact]
    public void Morphology_OnTestSetWithGoldTokens_KeepsTaggingAndLemmaAccuracy()
    {
        var scores = Scores("lt_alksnis-ud-test.conllu", goldTokens: true);
        AtLeast(scores, "UPOS", 94.8, 95.29);
        AtLeast(scores, "XPOS", 88.0, 88.54);
        AtLeast(scores, "UFeats", 88.3, 88.77);
        AtLeast(scores, "Lemmas", 95.1, 95.62);
        AtLeast(scores, "PROPN lemma", 91.5, 92.65);
    }

    [Fact]
    public void Syntax_OnTestSetWithGoldTokens_KeepsAttachmentScores()
    {
        var scores = Scores("lt_alksnis-ud-test.conllu", goldTokens: true);
        AtLeast(scores, "UAS", 72.3, 73.34);
        AtLeast(scores, "LAS", 67.8, 68.77);
    }

    [Fact]
    public void Syntax_OnTestSetFromRawText_KeepsAttachmentScores()
    {
        var scores = Scores("lt_alksnis-ud-test.conllu", goldTokens: false);
        AtLeast(scores, "UAS", 71.6, 72.72);
        AtLeast(scores, "LAS", 67.2, 68.14);
    }

    [Fact]
    public void Morphology_OnTestSetFromRawText_KeepsTaggingAndLemmaF1()
    {
        var scores = Scores("lt_alksnis-ud-test.conllu", goldTokens: false);
        AtLeast(scores, "UPOS", 94.7, 95.18);
        AtLeast(scores, "UFeats", 88.1, 88.62);
        AtLeast(scores, "Lemmas", 95.0, 95.51);
    }
}

/// <summary>Time expressions scored with TempEval-3 measures (`kronika eval-time`).</summary>
public class TimeAccuracyTests
{
    private static Dictionary<string, double> Scores(string path) =>
        EvalTimeCommand.Evaluate(EvalTimeCommand.Read(path)).Results().ToDictionary(m => m.Name, m => 100 * m.F1);

    [Fact]
    public void Time_OnHeldOutSuite_KeepsValueF1()
    {
        // Written by a separate author from the conventions alone, never read while the rules were written.
        var scores = Scores(Path.Combine(TestPaths.RepositoryRoot, "tests", "Kronika.Eval.Tests", "Data", "time-heldout.jsonl"));
        Assert.True(scores["Relaxed"] >= 95.5, $"relaxed F1 {scores["Relaxed"]:F2} (measured 96.90)");
        Assert.True(scores["Value F1"] >= 93.0, $"value F1 {scores["Value F1"]:F2} (measured 94.65)");
    }

    [Fact]
    public void Time_OnTeamSuite_KeepsValueF1()
    {
        var scores = Scores(Path.Combine(TestPaths.RepositoryRoot, "tests", "Kronika.Lithuanian.Tests", "Time", "time-cases.jsonl"));
        Assert.True(scores["Value F1"] >= 99.0, $"value F1 {scores["Value F1"]:F2} (measured 100.00)");
    }
}

/// <summary>Named entities scored by `kronika eval-ner`.</summary>
public class EntityAccuracyTests
{
    private static Dictionary<string, double> Scores(string path) =>
        EvalNerCommand.Evaluate(EvalNerCommand.Read(path)).Results().ToDictionary(m => m.Name, m => 100 * m.F1);

    [Fact]
    public void Entities_OnHeldOutSet_KeepFAndCanonicalAccuracy()
    {
        // Written and annotated by a separate author from the conventions alone; never read while writing the rules.
        var scores = Scores(Path.Combine(TestPaths.RepositoryRoot, "tests", "Kronika.Eval.Tests", "Data", "ner-heldout.jsonl"));
        Assert.True(scores["All"] >= 91.0, $"F1 {scores["All"]:F2} (measured 92.29)");
        Assert.True(scores["Canonical"] >= 96.5, $"canonical accuracy {scores["Canonical"]:F2} (measured 97.80)");
    }

    [Fact]
    public void Entities_OnTeamSet_KeepFAndCanonicalAccuracy()
    {
        var scores = Scores(Path.Combine(TestPaths.RepositoryRoot, "tests", "Kronika.Lithuanian.Tests", "Entities", "ner-cases.jsonl"));
        Assert.True(scores["All"] >= 96.0, $"F1 {scores["All"]:F2} (measured 97.09)");
        Assert.True(scores["Canonical"] >= 97.5, $"canonical accuracy {scores["Canonical"]:F2} (measured 98.69)");
    }
}

/// <summary>Events, attribution, quotes and quantities scored by `kronika eval-events` (docs/events.md).</summary>
public class EventAccuracyTests
{
    private static EventEvaluator Evaluate(string file) =>
        EvalEventsCommand.Evaluate(EvalEventsCommand.Read(Path.Combine(TestPaths.RepositoryRoot, "tests", "Kronika.Eval.Tests", "Data", file)));

    [Fact]
    public void Events_OnHeldOutSet_KeepTupleAndAttributionScores()
    {
        // Written and annotated by a separate author from docs/events.md alone; only its scores were looked at.
        var e = Evaluate("events-heldout.jsonl");
        // One event per real event: the set annotates each mention, so folding mentions costs some relaxed recall.
        Assert.True(e.EventPrecision >= 0.62 && e.EventRecall >= 0.56, $"events P {e.EventPrecision:P1} R {e.EventRecall:P1} (measured 64.8% / 59.0%)");
        Assert.True(e.RelaxedPrecision >= 0.83 && e.RelaxedRecall >= 0.76, $"relaxed P {e.RelaxedPrecision:P1} R {e.RelaxedRecall:P1} (measured 86.1% / 78.4%)");
        Assert.True(e.AttributionAccuracy >= 0.74, $"attribution {e.AttributionAccuracy:P1} (measured 76.4%)");
        Assert.True(e.SpeakerAccuracy >= 0.89, $"quote speakers {e.SpeakerAccuracy:P1} (measured 91.8%)");
        Assert.True(e.QuantityAccuracy >= 0.82, $"quantities {e.QuantityAccuracy:P1} (measured 84.6%)");
    }

    [Fact]
    public void Events_OnDevSet_KeepTupleAndAttributionScores()
    {
        // The same author's development set, whose errors the rules were tuned on.
        var e = Evaluate("events-dev.jsonl");
        Assert.True(e.EventPrecision >= 0.70 && e.EventRecall >= 0.66, $"events P {e.EventPrecision:P1} R {e.EventRecall:P1} (measured 73.1% / 68.8%)");
        Assert.True(e.AttributionAccuracy >= 0.91, $"attribution {e.AttributionAccuracy:P1} (measured 93.2%)");
        Assert.True(e.SpeakerAccuracy >= 0.84, $"quote speakers {e.SpeakerAccuracy:P1} (measured 86.8%)");
        Assert.True(e.QuantityAccuracy >= 0.83, $"quantities {e.QuantityAccuracy:P1} (measured 85.7%)");
    }

    [Fact]
    public void Events_OnTeamCases_FindRealEventsOnly()
    {
        // The team's case table (Kronika.Lithuanian.Tests/Events/Data/event-cases.tsv, kept in step by EventsTeamGoldTests):
        // short texts written from the error classes of real news, many with no PLOVER event (sport, accidents, fires,
        // weather, markets, topics); the rules were developed on them.
        var e = Evaluate("events-team.jsonl");
        // 94.5 / 95.8 on the events change alone; with the References step, office holders named by their role become
        // actors where this gold set has their state, and a plural role names nobody (README, Events).
        Assert.True(e.EventPrecision >= 0.89 && e.EventRecall >= 0.92, $"events P {e.EventPrecision:P1} R {e.EventRecall:P1} (measured 90.5% / 93.7%)");
    }
}

/// <summary>
/// The events team gold (`events-team.jsonl`, what `kronika eval-events` scores) and the team's case table
/// (tests/Kronika.Lithuanian.Tests/Events/Data/event-cases.tsv, what the table test checks) are one set of cases: the
/// table is the source, and the gold file holds every row of it, with the same events, plus the trigger words the
/// table does not write.
/// </summary>
public class EventsTeamGoldTests
{
    private static readonly HashSet<string> Symmetric = ["AGREE", "CONSULT", "COOPERATE"];

    /// <summary>A gold event as the table writes it: `TYPE actors → targets date MODALITY`, symmetric types `TYPE A + B date MODALITY`.</summary>
    private static string AsTableWritesIt(EventCase c, GoldEvent e)
    {
        var date = e.Date switch { "PAST_REF" => "<" + c.Dct, "FUTURE_REF" => ">" + c.Dct, null => "no-date", var d => d };
        var roles = Symmetric.Contains(e.Type) && e.Targets.Count == 0
            ? string.Join(" + ", e.Actors.Distinct().Order(StringComparer.Ordinal))
            : $"{string.Join(" + ", e.Actors)} → {string.Join(" + ", e.Targets)}".Trim();
        return $"{e.Type} {roles} {date} {e.Modality}".Replace("  ", " ");
    }

    private static string Normal(string expected) =>
        string.Join(" | ", expected.Split(" | ").Select(part =>
        {
            // The table may write a date bounded by the DCT with the DCT (`<2025-08-13`); a symmetric type lists one set.
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (Symmetric.Contains(words[0]) && !part.Contains('→'))
            {
                var names = string.Join(' ', words.Skip(1).Take(words.Count - 3)).Split(" + ", StringSplitOptions.RemoveEmptyEntries);
                return $"{words[0]} {string.Join(" + ", names.Order(StringComparer.Ordinal))} {words[^2]} {words[^1]}".Replace("  ", " ");
            }
            return string.Join(' ', words);
        }));

    [Fact]
    public void EventsTeamGold_HoldsEveryTableCaseWithTheSameEvents()
    {
        var gold = EvalEventsCommand.Read(Path.Combine(TestPaths.RepositoryRoot, "tests", "Kronika.Eval.Tests", "Data", "events-team.jsonl"));
        var byText = gold.ToDictionary(c => c.Text);
        var rows = File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, "tests", "Kronika.Lithuanian.Tests", "Events", "Data", "event-cases.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var problems = new List<string>();
        foreach (var row in rows)
        {
            if (!byText.TryGetValue(row[0], out var c)) { problems.Add($"not in events-team.jsonl: {row[0]}"); continue; }
            var actual = c.Events.Count == 0 ? "-" : string.Join(" | ", c.Events.Select(e => AsTableWritesIt(c, e)));
            if (actual != Normal(row[1])) problems.Add($"{c.Id}: table `{row[1]}`, gold `{actual}`");
            if (c.Events.Any(e => string.IsNullOrEmpty(e.Trigger) || !c.Text.Contains(e.Trigger, StringComparison.Ordinal)))
                problems.Add($"{c.Id}: a trigger not in the text");
        }
        var tableTexts = rows.Select(r => r[0]).ToHashSet();
        problems.AddRange(gold.Where(c => !tableTexts.Contains(c.Text)).Select(c => $"{c.Id}: not in event-cases.tsv"));
        Assert.True(problems.Count == 0, "run tests/Kronika.Eval.Tests/Data/sync-events-team.py --write after changing the table\n"
            + string.Join("\n", problems.Take(20)));
    }
}
