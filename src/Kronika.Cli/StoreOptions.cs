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

    /// <summary>
    /// Opens the store; one it cannot open is a one-line error. Commands that only read pass <paramref name="create"/>
    /// false: a store that does not exist (a mistyped path) is then an error, not a new empty store.
    /// </summary>
    public static IStore Open(string? uri, bool create = true)
    {
        uri ??= Environment.GetEnvironmentVariable("KRONIKA_DB");
        try
        {
            return StoreFactory.Open(uri, create);
        }
        catch (StoreMissingException e)
        {
            throw new StoreMissing($"--db {Describe(uri)}: {e.Message} (kronika ingest creates one)");
        }
        catch (Exception e) when (e is DbException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            throw new UsageException($"--db {Describe(uri)}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>The store a `--db` value names, for messages: a server's password is left out.</summary>
    public static string Describe(string? uri)
    {
        uri ??= Environment.GetEnvironmentVariable("KRONIKA_DB");
        if (string.IsNullOrWhiteSpace(uri)) return StoreFactory.DefaultPath;
        return Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.UserInfo.Contains(':')
            ? uri.Replace(u.UserInfo, u.UserInfo[..u.UserInfo.IndexOf(':')] + ":***", StringComparison.Ordinal)
            : uri;
    }

    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// A whole-number option checked the same way in every command: from <paramref name="min"/> to
    /// <paramref name="max"/>, else a usage error naming the option and its range.
    /// </summary>
    public static Option<int> Count(string name, string alias, string description, int fallback, int min, int max)
    {
        var option = alias.Length == 0
            ? new Option<int>(name) { Description = $"{description} ({min}–{max:N0})", DefaultValueFactory = _ => fallback }
            : new Option<int>(name, alias) { Description = $"{description} ({min}–{max:N0})", DefaultValueFactory = _ => fallback };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is var v && (v < min || v > max)) r.AddError($"{name} must be from {min} to {max:N0}, not {v}");
        });
        return option;
    }

    /// <summary>The furthest a command pages in (`--offset`), as the API allows.</summary>
    public const int MaxOffset = 10_000;

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

/// <summary>A read command was pointed at a store that does not exist: one line, exit code 1.</summary>
public sealed class StoreMissing(string message) : Exception(message);
