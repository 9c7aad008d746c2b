using System.CommandLine;
using Kronika.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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
        var command = new Command("serve", "Serve the store over HTTP: the page at /, the REST API under /api/, its OpenAPI document at /openapi/v1.json.") { db, urls, port, ingest };
        command.SetAction(result =>
        {
            var uri = result.GetValue(db) ?? Environment.GetEnvironmentVariable("KRONIKA_DB");
            if (result.GetValue(ingest) is { Length: > 0 } inputs && IngestCommand.Run(io, inputs, uri, null, 200) is var code && code != KronikaCli.Ok) return code;
            // A store that cannot be opened (or, without --ingest, does not exist) is one line now, not an error per request.
            using (StoreOptions.Open(uri, create: false)) { }
            var url = result.GetValue(urls) ?? $"http://127.0.0.1:{result.GetValue(port)}";
            var app = KronikaWeb.Build([], builder =>
            {
                builder.WebHost.UseUrls(url);
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                if (uri is not null) builder.Configuration["Kronika:Db"] = uri;
            });
            app.Start();
            url = app.Urls.First(); // the port the system gave, when asked for port 0
            io.Out.WriteLine($"Kronika serves {uri ?? "sqlite:" + Kronika.Store.StoreFactory.DefaultPath}: open {url}/ (API {url}/api/, OpenAPI {url}/openapi/v1.json); Ctrl+C stops");
            io.Out.Flush();
            app.WaitForShutdown();
            return KronikaCli.Ok;
        });
        return command;
    }
}
