using System.Diagnostics;
using Kronika.Core.Diagnostics;
using Kronika.Core.Model;

namespace Kronika.Core.Pipeline;

/// <summary>One step of analysis: reads the layers it requires, fills the layers it provides.</summary>
public interface IPipelineStep
{
    string Name { get; }
    Layers Requires { get; }
    Layers Provides { get; }

    /// <summary>Fills <see cref="Provides"/> on the document. Steps are stateless and safe to share across threads.</summary>
    void Process(Document doc, CancellationToken ct = default);
}

/// <summary>An ordered chain of steps, checked when built: every step's requirements come from an earlier step.</summary>
public sealed class Pipeline
{
    private readonly IPipelineStep[] _steps;

    public Pipeline(IEnumerable<IPipelineStep> steps)
    {
        _steps = steps.ToArray();
        var available = Layers.None;
        foreach (var step in _steps)
        {
            var missing = step.Requires & ~available;
            if (missing != Layers.None)
                throw new InvalidOperationException(
                    $"pipeline step '{step.Name}' requires {missing}, which no earlier step provides");
            available |= step.Provides;
        }
        Provides = available;
    }

    public IReadOnlyList<IPipelineStep> Steps => _steps;

    /// <summary>Everything a document carries after this pipeline.</summary>
    public Layers Provides { get; }

    /// <summary>Runs every step whose layers the document does not carry yet, so given tokens are kept.</summary>
    public Document Process(Document doc, CancellationToken ct = default)
    {
        foreach (var step in _steps)
        {
            ct.ThrowIfCancellationRequested();
            if ((doc.Layers & step.Provides) == step.Provides) continue;
            var start = Stopwatch.GetTimestamp();
            step.Process(doc, ct);
            if (KronikaMetrics.StepDuration.Enabled)
                KronikaMetrics.StepDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, new KeyValuePair<string, object?>("step", step.Name));
            doc.Layers |= step.Provides;
        }
        return doc;
    }
}
