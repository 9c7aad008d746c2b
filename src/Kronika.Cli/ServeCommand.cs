using System.CommandLine;
using System.Data.Common;
using Kronika.Store;
using Kronika.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kronika.Cli;

/// <summary>`kronika serve [--db URI] [--urls URL] [--ingest PATH…]`: the page and the REST API over a store, until Ctrl+C.</summary>
public static class ServeCommand
{
    public const int DefaultPort = 5080;

    public static Command Create(CliIO io)
    {
        var db = StoreOptions.Db();
        var urls = new Option<string?>("--urls") { Description = "Where to listen, e.g. http://0.0.0.0:8080 (default: http://127.0.0.1:PORT)" };
        var port = StoreOptions.Count("--port", "-p", $"The port on 127.0.0.1 when --urls is not given. Default: $KRONIKA_PORT, else {DefaultPort}", DefaultPort, 0, 65535);
        port.DefaultValueFactory = _ => int.TryParse(Environment.GetEnvironmentVariable("KRONIKA_PORT"), out var p) && p is >= 0 and <= 65535 ? p : DefaultPort;
        var ingest = new Option<string[]>("--ingest") { Description = "Ingest these files or folders first (as `kronika ingest` does)", AllowMultipleArgumentsPerToken = true };
        var prometheus = new Option<bool>("--prometheus") { Description = "Serve metrics for Prometheus at /metrics (also the setting Kronika:Prometheus)" };
        var readOnly = new Option<bool>("--read-only") { Description = "Open the store read-only, as on a PostgreSQL replica: its schema version checked, nothing created, upgraded or written (also the setting Kronika:ReadOnly)" };
        var command = new Command("serve", "Serve the store over HTTP: the page at /, the REST API under /api/, its OpenAPI document at /openapi/v1.json, /healthz and /readyz. "
            + "Settings also come from ./appsettings.json and environment variables (Kronika__Db, Kronika__ApiKey, Kronika__RequestSeconds, Kronika__Prometheus, Kronika__ReadOnly).")
        {
            db, urls, port, ingest, prometheus, readOnly,
        };
        command.SetAction(async (result, ct) =>
        {
            var inputs = result.GetValue(ingest) ?? [];
            if (inputs.Length > 0 && result.GetValue(readOnly)) throw new UsageException("serve: --ingest writes to the store, --read-only never does; give one of them");
            var url = result.GetValue(urls) ?? $"http://127.0.0.1:{result.GetValue(port)}";
            await using var app = KronikaWeb.Build([], builder =>
            {
                builder.WebHost.UseUrls(url);
                // Kronika's own lines (a line per request, ingest, store failures) at Information; the framework's warnings.
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Logging.AddFilter("Kronika", LogLevel.Information);
                if (result.GetValue(db) is { } given) builder.Configuration["Kronika:Db"] = given;
                if (result.GetValue(prometheus)) builder.Configuration["Kronika:Prometheus"] = "true";
                if (result.GetValue(readOnly)) builder.Configuration["Kronika:ReadOnly"] = "true";
                // Without --ingest only a store that exists is served: a mistyped path is an error, not a new empty store.
                builder.Configuration["Kronika:CreateStore"] = inputs.Length > 0 ? "true" : "false";
            });
            var uri = KronikaWeb.StoreUri(app.Configuration);
            if (inputs.Length > 0 && IngestCommand.Run(io, inputs, uri, null, 200) is var code && code != KronikaCli.Ok) return code;
            // The store is opened once, now: one that cannot be opened (or, without --ingest, does not exist) is one line.
            try
            {
                app.Services.GetRequiredService<IStore>();
            }
            catch (StoreMissingException e)
            {
                throw new StoreMissing($"--db {StoreOptions.Describe(uri)}: {e.Message} (kronika ingest creates one)");
            }
            catch (Exception e) when (e is DbException or ArgumentException or InvalidOperationException or UriFormatException)
            {
                throw new UsageException($"--db {StoreOptions.Describe(uri)}: {e.Message.ReplaceLineEndings(" ")}");
            }
            await app.StartAsync(ct);
            url = app.Urls.First(); // the port the system gave, when asked for port 0
            io.Out.WriteLine($"Kronika serves {(uri is null ? "sqlite:" + StoreFactory.DefaultPath : StoreOptions.Describe(uri))}: open {url}/ (API {url}/api/, OpenAPI {url}/openapi/v1.json, health {url}/healthz and {url}/readyz"
                + (app.Configuration.GetValue("Kronika:Prometheus", false) ? $", metrics {url}/metrics" : "") + "); Ctrl+C stops");
            io.Out.Flush();
            await app.WaitForShutdownAsync(ct);
            return KronikaCli.Ok;
        });
        return command;
    }
}
