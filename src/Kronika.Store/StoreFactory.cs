namespace Kronika.Store;

/// <summary>Opens the store a `--db` value names: `sqlite:PATH` (default `./kronika.db`) or `postgres://…`/`postgresql://…`.</summary>
public static class StoreFactory
{
    public const string DefaultPath = "kronika.db";

    /// <summary>
    /// Opens a store. With <paramref name="create"/> false (readers) a store that does not exist is a
    /// <see cref="StoreMissingException"/> rather than a new empty one. With <paramref name="readOnly"/> (an API server
    /// on a replica) the store is only read: it must exist with this schema version, nothing is created or upgraded.
    /// </summary>
    public static IStore Open(string? uri, bool create = true, bool readOnly = false)
    {
        if (string.IsNullOrWhiteSpace(uri)) return new SqliteStore(DefaultPath, create, readOnly);
        if (uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase)) return new SqliteStore(uri["sqlite:".Length..], create, readOnly);
        if (uri.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new PostgresStore(PostgresStore.ConnectionString(uri), create && !readOnly, readOnly);
        if (uri.Contains("://")) throw new ArgumentException($"'{uri}': a store is sqlite:PATH or postgres://user:password@host/database");
        return new SqliteStore(uri, create, readOnly);
    }
}

/// <summary>A store opened for reading does not exist.</summary>
public sealed class StoreMissingException(string message) : Exception(message);
