using System.Data.Common;

namespace Kronika.Store;

/// <summary>
/// The chronicle writer's writes whose effect nothing reads before its next read: on a connection that batches commands
/// (PostgreSQL) each waits and goes, in its order, with the next read or with <see cref="Flush"/>, in one round trip to
/// the server; elsewhere (SQLite, in the process) each runs at once. The rows written and the decisions read are the same.
/// </summary>
public sealed class DeferredWrites(DbConnection connection, DbTransaction transaction) : IDisposable
{
    private readonly List<(string Sql, (string Name, object Value)[] Values)> _pending = [];
    private DbBatch? _batch;

    public DbConnection Connection => connection;
    public DbTransaction Transaction => transaction;

    /// <summary>Runs the write now, or with the next read (its parameters' values as they are now).</summary>
    public void Run(DbCommand write)
    {
        if (!connection.CanCreateBatch) { write.ExecuteNonQuery(); return; }
        _pending.Add((write.CommandText, write.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToArray()));
    }

    /// <summary>Runs the writes waiting, then the read, and returns the read's rows.</summary>
    public DbDataReader Reader(DbCommand read) => _pending.Count == 0 ? read.ExecuteReader() : With(read).ExecuteReader();

    /// <summary>
    /// Runs the writes waiting, then the reads (each one statement), in one round trip where the connection batches;
    /// the reader gives each read's rows in turn (<see cref="DbDataReader.NextResult"/>).
    /// </summary>
    public DbDataReader Reader(IReadOnlyList<DbCommand> reads)
    {
        if (!connection.CanCreateBatch) throw new NotSupportedException("several reads at once need a connection that batches commands");
        return WithAll(reads).ExecuteReader();
    }

    /// <summary>Runs the writes waiting, then the read, and returns its first value.</summary>
    public object? Scalar(DbCommand read) => _pending.Count == 0 ? read.ExecuteScalar() : With(read).ExecuteScalar();

    /// <summary>Runs the writes waiting.</summary>
    public void Flush()
    {
        if (_pending.Count > 0) With(null).ExecuteNonQuery();
    }

    private DbBatch With(DbCommand? read) => WithAll(read is null ? [] : [read]);

    private DbBatch WithAll(IReadOnlyList<DbCommand> reads)
    {
        _batch?.Dispose();
        _batch = connection.CreateBatch();
        _batch.Transaction = transaction;
        foreach (var (sql, values) in _pending) Add(_batch, sql, values);
        foreach (var read in reads)
            Add(_batch, read.CommandText, read.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToArray());
        _pending.Clear();
        return _batch;
    }

    private static void Add(DbBatch batch, string sql, (string Name, object Value)[] values)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        batch.BatchCommands.Add(command);
    }

    public void Dispose()
    {
        _batch?.Dispose();
        _batch = null;
    }
}
