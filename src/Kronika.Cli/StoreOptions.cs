using System.CommandLine;
using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kronika.Store;

namespace Kronika.Cli;

/// <summary>What the store commands share: the `--db` option, opening the store, and JSON output settings.</summary>
public static class StoreOptions
{
    public static Option<string?> Db() => new("--db")
    {
        Description = $"The store: sqlite:PATH (default ./{StoreFactory.DefaultPath}) or postgres://user:password@host/database. Default: $KRONIKA_DB, else ./{StoreFactory.DefaultPath}",
    };

    /// <summary>Opens the store; one it cannot open is a one-line error.</summary>
    public static IStore Open(string? uri)
    {
        uri ??= Environment.GetEnvironmentVariable("KRONIKA_DB");
        try
        {
            return StoreFactory.Open(uri);
        }
        catch (Exception e) when (e is DbException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            throw new UsageException($"--db {uri ?? StoreFactory.DefaultPath}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static Option<string> Format()
    {
        var format = new Option<string>("--format", "-f") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    public static Option<string?> EntityType(string description)
    {
        var type = new Option<string?>("--type") { Description = description };
        type.AcceptOnlyFromAmong("PER", "ORG", "LOC", "MISC");
        return type;
    }
}
