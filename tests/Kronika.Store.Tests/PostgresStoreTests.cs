using Npgsql;

namespace Kronika.Store.Tests;

/// <summary>
/// The conformance suite on PostgreSQL: KRONIKA_TEST_POSTGRES names a server (postgres://user:password@host/database;
/// `.ci/run` starts one). Each test works in a schema of its own, dropped afterwards.
/// </summary>
public sealed class PostgresStoreTests : StoreConformance
{
    private readonly string _schema = "kronika_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connectionString;

    protected override IStore OpenStore()
    {
        var uri = Environment.GetEnvironmentVariable("KRONIKA_TEST_POSTGRES");
        if (string.IsNullOrEmpty(uri)) Assert.Skip("KRONIKA_TEST_POSTGRES is not set: no PostgreSQL server to test against (.ci/run starts one)");
        _connectionString = PostgresStore.ConnectionString(uri);
        try
        {
            using var connection = new NpgsqlConnection(_connectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {_schema}", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException e)
        {
            Assert.Skip($"the PostgreSQL server in KRONIKA_TEST_POSTGRES cannot be reached: {e.Message}");
        }
        return new PostgresStore(new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = _schema }.ToString());
    }

    protected override void ToSchema11(IReadOnlyDictionary<long, byte[]> whole)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = _schema }.ToString());
        connection.Open();
        foreach (var (id, blob) in whole)
        {
            using var update = new NpgsqlCommand("UPDATE articles SET analysis = @a WHERE id = @id", connection);
            update.Parameters.AddWithValue("a", blob);
            update.Parameters.AddWithValue("id", id);
            update.ExecuteNonQuery();
        }
        using var alter = new NpgsqlCommand("ALTER TABLE articles DROP COLUMN tokens; COMMENT ON TABLE articles IS 'kronika schema 11';", connection);
        alter.ExecuteNonQuery();
    }

    protected override List<string> Rows(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = _schema }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name.TrimStart('@'), value);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            })));
        return rows;
    }

    protected override void ToSchema13(IReadOnlyDictionary<long, (byte[] Head, byte[] Tokens)> analyses)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = _schema }.ToString());
        connection.Open();
        foreach (var (id, (head, tokens)) in analyses)
        {
            using var update = new NpgsqlCommand("UPDATE articles SET analysis = @a, tokens = @t WHERE id = @id", connection);
            update.Parameters.AddWithValue("a", head);
            update.Parameters.AddWithValue("t", tokens);
            update.Parameters.AddWithValue("id", id);
            update.ExecuteNonQuery();
        }
        using var alter = new NpgsqlCommand("CREATE INDEX story_postings_article ON story_postings(article_id); COMMENT ON TABLE articles IS 'kronika schema 13';", connection);
        alter.ExecuteNonQuery();
    }

    protected override void ToSchema12()
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = _schema }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand("DROP TABLE entity_stats; DROP TABLE entity_days; COMMENT ON TABLE articles IS 'kronika schema 12';", connection);
        command.ExecuteNonQuery();
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_connectionString is null) return;
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        command.ExecuteNonQuery();
    }
}
