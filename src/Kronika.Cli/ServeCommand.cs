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
    public static Command Create(CliIO io)
    {
        var db = StoreOptions.Db();
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var ingest = new Option<string[]>("--ingest") { Description = "Ingest these files or folders first (as `kronika ingest` does)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("serve", "Serve the store over HTTP: the page at /, the REST API under /api/, its OpenAPI document at /openapi/v1.json.") { db, urls, ingest };
        command.SetAction(result =>
        {
            var uri = result.GetValue(db) ?? Environment.GetEnvironmentVariable("KRONIKA_DB");
            if (result.GetValue(ingest) is { Length: > 0 } inputs && IngestCommand.Run(io, inputs, uri, null, 200) is var code && code != KronikaCli.Ok) return code;
            using (StoreOptions.Open(uri)) { } // a store that cannot be opened is one line now, not an error per request
            var url = result.GetValue(urls)!;
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
