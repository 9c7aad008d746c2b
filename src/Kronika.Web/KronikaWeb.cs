using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Kronika.Core.Diagnostics;
using Kronika.Ingest;
using Kronika.Store;
using Kronika.Web.Endpoints;
using OpenTelemetry.Metrics;

namespace Kronika.Web;

/// <summary>
/// The web server over a store: the page (wwwroot/, embedded: search, articles with their layers highlighted, entity
/// pages, events; Lithuanian and English), the REST API under /api/ (one endpoint file per feature in Endpoints/), its
/// OpenAPI document at /openapi/v1.json, errors as RFC 7807 problem details, /healthz and /readyz, and metrics at
/// /metrics when `Kronika:Prometheus` is true.
/// Settings come from the usual ASP.NET configuration (appsettings.json, environment variables `Kronika__Db`, command
/// line `--Kronika:Db=…` or `--db …`): `Kronika:Db` (else $KRONIKA_DB, else ./kronika.db), `Kronika:ApiKey` (else
/// $KRONIKA_API_KEY; without one, POST /api/ingest is off), `Kronika:RequestSeconds`, `Kronika:Prometheus`,
/// `Kronika:ReadOnly` (the store opened read-only, as on a replica: its version checked, nothing created or upgraded).
/// </summary>
public static class KronikaWeb
{
    /// <summary>How long an API request may take (`Kronika:RequestSeconds`) before it is stopped with a 503.</summary>
    public const double DefaultRequestSeconds = 30;

    /// <summary>Short command-line switches for the server's settings (`--db`, `--api-key`).</summary>
    public static readonly Dictionary<string, string> Switches = new()
    {
        ["--db"] = "Kronika:Db",
        ["--api-key"] = "Kronika:ApiKey",
        ["--request-seconds"] = "Kronika:RequestSeconds",
        ["--prometheus"] = "Kronika:Prometheus",
        ["--read-only"] = "Kronika:ReadOnly",
    };

    /// <summary>The store the settings name: `Kronika:Db`, else $KRONIKA_DB (null: ./kronika.db).</summary>
    public static string? StoreUri(IConfiguration configuration) =>
        configuration["Kronika:Db"] is { Length: > 0 } db ? db : Environment.GetEnvironmentVariable("KRONIKA_DB");

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, Switches);
        configure?.Invoke(builder);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new WellFormedStrings());
        });
        builder.Services.AddSingleton<SearchLemmas>();
        // One store for the process, opened once (one connection pool, the schema checked once), shared by every
        // request (its reads are thread-safe), closed when the server stops. `Kronika:CreateStore` false (as `kronika
        // serve` without --ingest sets it) refuses a store that does not exist instead of creating an empty one.
        builder.Services.AddSingleton<IStore>(services =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            return StoreFactory.Open(StoreUri(configuration), configuration.GetValue("Kronika:CreateStore", true), configuration.GetValue("Kronika:ReadOnly", false));
        });
        builder.Services.AddHealthChecks().AddCheck<StoreReady>("store", tags: ["ready"]);
        if (builder.Configuration.GetValue("Kronika:Prometheus", false))
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(KronikaMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
                .AddPrometheusExporter());
        // The same limit on a request's body as on any input (a file, a feed): larger ones are refused unread.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = ArticleReader.MaxBytes);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Kronika.Web.Requests");
        app.Use(async (context, next) =>
        {
            // One structured line per API request; a store that fails is counted and logged with the request.
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                await next();
                return;
            }
            var start = Stopwatch.GetTimestamp();
            var cancelled = false;
            try
            {
                await next();
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away (a tab closed, a view left) and the store's read was stopped for it: nothing
                // failed, so no error and no stack trace; the request's line below says so.
                cancelled = true;
                throw;
            }
            catch (Exception e) when (e is DbException || e.InnerException is DbException)
            {
                KronikaMetrics.StoreErrors.Add(1, new KeyValuePair<string, object?>("operation", context.Request.Method == "POST" ? "write" : "read"));
                log.LogError(e, "{Method} {Path}{Query}: the store failed: {Problem}", context.Request.Method, context.Request.Path.Value, context.Request.QueryString.Value, e.Message);
                throw;
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(start);
                var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
                if (context.Request.Path.StartsWithSegments("/api/search"))
                    KronikaMetrics.SearchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("status", status));
                log.LogInformation("{Method} {Path}{Query} {Status}{Cancelled} in {Milliseconds:0.0} ms", context.Request.Method, context.Request.Path.Value,
                    context.Request.QueryString.Value, status, cancelled ? " (cancelled)" : "", elapsed.TotalMilliseconds);
            }
        });
        var budget = TimeSpan.FromSeconds(app.Configuration.GetValue("Kronika:RequestSeconds", DefaultRequestSeconds));
        app.Use(async (context, next) =>
        {
            // Every API request but an export (a stream the client paces) has a time budget; when it runs out, the
            // work stops where it is (the store's statement is interrupted, the pipeline stops between steps).
            if (!context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/api/export"))
            {
                await next();
                return;
            }
            var client = context.RequestAborted;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(client);
            // A budget of 0 stops every request at once (a timer of 0 may still lose the race to a fast request).
            if (budget <= TimeSpan.Zero) limit.Cancel(); else limit.CancelAfter(budget);
            context.RequestAborted = limit.Token;
            try
            {
                await next();
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !client.IsCancellationRequested && !context.Response.HasStarted)
            {
                await Results.Problem(statusCode: 503, title: "Request took too long",
                    detail: $"the server stops a request after {budget.TotalSeconds:0.#} s; ask for less (a narrower query, fewer articles)").ExecuteAsync(context);
            }
        });
        // Only the page's own script and style run: news text with markup in it can never become code.
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await next();
        });
        // /healthz: the process is up (no check runs); /readyz: the store answers and holds tables of this version.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        if (app.Configuration.GetValue("Kronika:Prometheus", false)) app.MapPrometheusScrapingEndpoint();
        var page = new EmbeddedFileProvider(typeof(KronikaWeb).Assembly, "Kronika.Web.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        app.MapOpenApi();
        app.MapFeeds();
        var api = app.MapGroup("/api");
        api.MapArticles();
        api.MapSearch();
        api.MapEntities();
        api.MapEvents();
        api.MapChronicle();
        api.MapCharts();
        api.MapAnalyze();
        api.MapIngest();
        api.MapExport();
        api.MapWatches();
        return app;
    }

    /// <summary>Readiness: the store answers and its schema is this version's.</summary>
    private sealed class StoreReady(IStore store, ILogger<StoreReady> log) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            if (await store.ProblemAsync(ct) is not { } problem) return HealthCheckResult.Healthy();
            KronikaMetrics.StoreErrors.Add(1, new KeyValuePair<string, object?>("operation", "ready"));
            log.LogWarning("the store is not ready: {Problem}", problem);
            return HealthCheckResult.Unhealthy(problem);
        }
    }
}
