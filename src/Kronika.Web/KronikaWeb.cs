using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Kronika.Ingest;
using Kronika.Store;
using Kronika.Web.Endpoints;

namespace Kronika.Web;

/// <summary>
/// The web server over a store: the page (wwwroot/, embedded: search, articles with their layers highlighted, entity
/// pages, events; Lithuanian and English), the REST API under /api/ (one endpoint file per feature in Endpoints/), its
/// OpenAPI document at /openapi/v1.json, errors as RFC 7807 problem details. Settings: `Kronika:Db` (else $KRONIKA_DB, else
/// ./kronika.db) and `Kronika:ApiKey` (else $KRONIKA_API_KEY; without one, POST /api/ingest is off).
/// </summary>
public static class KronikaWeb
{
    /// <summary>How long an API request may take (`Kronika:RequestSeconds`) before it is stopped with a 503.</summary>
    public const double DefaultRequestSeconds = 30;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
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
        // A store per request: SQLite connections are not shared between threads; WAL lets readers run side by side.
        builder.Services.AddScoped<IStore>(services =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            return StoreFactory.Open(configuration["Kronika:Db"] ?? Environment.GetEnvironmentVariable("KRONIKA_DB"));
        });
        // The same limit on a request's body as on any input (a file, a feed): larger ones are refused unread.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = ArticleReader.MaxBytes);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
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
            limit.CancelAfter(budget);
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
        return app;
    }
}
