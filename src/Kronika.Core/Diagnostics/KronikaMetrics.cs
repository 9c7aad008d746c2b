using System.Diagnostics.Metrics;

namespace Kronika.Core.Diagnostics;

/// <summary>
/// Kronika's metrics (System.Diagnostics.Metrics, meter `Kronika`): what any listener (OpenTelemetry and its Prometheus
/// endpoint in the server, `dotnet-counters`) can read. Instruments cost nothing while nobody listens.
/// </summary>
public static class KronikaMetrics
{
    public const string MeterName = "Kronika";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Articles the store took, tagged `outcome`: inserted, updated, unchanged, copy; and `error` for an article that could not be read or analysed.</summary>
    public static readonly Counter<long> ArticlesIngested = Meter.CreateCounter<long>("kronika.articles.ingested", "{article}",
        "Articles ingested, by outcome (inserted, updated, unchanged, copy, error)");

    /// <summary>How long each pipeline step took on one document, tagged `step`.</summary>
    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>("kronika.analysis.step.duration", "s",
        "Time of one analysis step on one document, by step");

    /// <summary>How long a search request took, tagged `status` (the HTTP status code).</summary>
    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>("kronika.search.duration", "s",
        "Time of a search request (GET /api/search), by status code");

    /// <summary>Store operations that failed (a lost connection, a full disk, a missing file), tagged `operation`.</summary>
    public static readonly Counter<long> StoreErrors = Meter.CreateCounter<long>("kronika.store.errors", "{error}",
        "Store operations that failed, by operation (read, write, ready)");
}
