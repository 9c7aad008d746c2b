namespace Kronika.Store;

/// <summary>Opens the store a `--db` value names: `sqlite:PATH` (default `./kronika.db`) or `postgres://…`/`postgresql://…`.</summary>
public static class StoreFactory
{
    public const string DefaultPath = "kronika.db";

    public static IStore Open(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri)) return new SqliteStore(DefaultPath);
        if (uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase)) return new SqliteStore(uri["sqlite:".Length..]);
        if (uri.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new PostgresStore(PostgresStore.ConnectionString(uri));
        if (uri.Contains("://")) throw new ArgumentException($"'{uri}': a store is sqlite:PATH or postgres://user:password@host/database");
        return new SqliteStore(uri);
    }
}
