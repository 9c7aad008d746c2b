using System.Diagnostics;
using System.Text;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Lithuanian;

/// <summary>
/// `size`: is analysis linear in an article's length? Articles of 1, 2, 4, 8 and 32 MB (samples/ paragraphs repeated
/// in one article) go through the pipeline step by step; each step's processor time per MB (its thread's, so that the
/// load of a shared machine does not move it) is reported with its ratio to the 1 MB article's, so a super-linear step
/// shows as a growing ratio. A step that does not finish within `--max-seconds` (wall) is left out of the larger sizes.
/// </summary>
public static class SizeBench
{
    public static void Run(string root, int[] sizes, int maxSeconds)
    {
        var paragraphs = Directory.GetFiles(Path.Combine(root, "samples"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => ArticleReader.Parse(File.ReadAllText(f), new ArticleSource(f)))
            .SelectMany(d => d.Text.Split('\n'))
            .ToArray();
        var pipeline = LithuanianPipeline.Create();
        foreach (var p in paragraphs) pipeline.Process(new Document(p, new DateOnly(2025, 8, 13))); // warm up: models, JIT, memo
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; one article per size, the pipeline's steps timed one by one, 1 core");
        Dictionary<string, double>? first = null;
        double firstTotal = 0;
        // A step over the time limit is left out of the larger sizes, with the steps that need its layers; the others
        // are still measured, so every step that can finish is timed at every size.
        var dropped = new HashSet<string>();
        var missing = Layers.None;
        foreach (var mb in sizes)
        {
            var text = Article(paragraphs, mb);
            var doc = new Document(text, new DateOnly(2025, 8, 13), new ArticleSource($"{mb} MB"), Document.Lines(text));
            var megabytes = Encoding.UTF8.GetByteCount(text) / 1048576.0;
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var perStep = new Dictionary<string, double>();
            var notes = new List<string>();
            var total = 0.0;
            var wall = 0.0;
            foreach (var step in pipeline.Steps)
            {
                if (dropped.Contains(step.Name) || (step.Requires & missing) != 0)
                {
                    notes.Add($"{step.Name} not run");
                    continue;
                }
                using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
                var clock = Stopwatch.StartNew();
                var work = Task.Run(() =>
                {
                    var cpu = MergeCostBench.ThreadSeconds();
                    step.Process(doc, budget.Token);
                    return MergeCostBench.ThreadSeconds() - cpu;
                });
                var finished = false;
                try
                {
                    finished = work.Wait(TimeSpan.FromSeconds(maxSeconds + 30));
                }
                catch (AggregateException)
                {
                }
                if (!finished || work.IsFaulted || work.IsCanceled)
                {
                    notes.Add($"{step.Name} did not finish within {maxSeconds} s");
                    dropped.Add(step.Name);
                    missing |= step.Provides;
                    if (!work.IsCompleted) Console.WriteLine($"      ({step.Name} goes on in the background: it does not stop when asked)");
                    continue;
                }
                doc.Layers |= step.Provides;
                perStep[step.Name] = work.Result;
                total += work.Result;
                wall += clock.Elapsed.TotalSeconds;
            }
            var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
            first ??= perStep.ToDictionary(s => s.Key, s => s.Value / megabytes);
            if (firstTotal == 0) firstTotal = total / megabytes;
            Console.WriteLine($"{mb,3} MB ({megabytes:F2} MB, {doc.TokenCount:N0} tokens): {total:F1} s of processor time in the steps that ran ({wall:F1} s wall), {total / megabytes:F2} s/MB, " +
                $"allocated {allocatedMb / megabytes:F0} MB per MB, working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MB" +
                (notes.Count > 0 ? "; " + string.Join("; ", notes) : ""));
            Console.WriteLine("      processor s/MB per step (× the first size): " + string.Join(", ",
                perStep.Select(s => $"{s.Key} {s.Value / megabytes:F2} ({(first.TryGetValue(s.Key, out var f) ? s.Value / megabytes / Math.Max(1e-6, f) : 1):F1}×)")));
        }
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
    }

    /// <summary>Paragraphs of the samples in turn until the article has <paramref name="megabytes"/> MB of UTF-8.</summary>
    private static string Article(string[] paragraphs, int megabytes)
    {
        var sb = new StringBuilder();
        var bytes = 0L;
        for (var i = 0; bytes < megabytes * 1048576L; i++)
        {
            var p = paragraphs[i % paragraphs.Length];
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(p);
            bytes += Encoding.UTF8.GetByteCount(p) + 1;
        }
        return sb.ToString();
    }
}
