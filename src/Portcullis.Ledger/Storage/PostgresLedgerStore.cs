using Npgsql;
using NpgsqlTypes;

namespace Portcullis.Ledger.Storage;

/// <summary>
/// The shared store for several gate replicas: PostgreSQL through Npgsql. Each append runs in one
/// transaction that first takes a transaction-scoped advisory lock, so appends from any number of
/// processes are sequenced one after the other and the lock is released by commit, rollback or a
/// dropped connection alike. With the server's default <c>synchronous_commit=on</c> a commit is durable.
/// </summary>
internal sealed class PostgresLedgerStore : ILedgerStore
{
    // An arbitrary constant naming this log's lock (advisory locks are keyed by a 64-bit number).
    private const long AppendLockKey = 0x506f7274_63756c6c; // "Portcull"

    private readonly NpgsqlDataSource _dataSource;

    public PostgresLedgerStore(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // Two replicas starting together must not race to create the tables.
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({AppendLockKey})");
        // A replica joining an existing log issues no DDL at all: catalog locks are then never in its way.
        using (var exists = new NpgsqlCommand("SELECT to_regclass('ledger_entries') IS NOT NULL AND to_regclass('ledger_checkpoints') IS NOT NULL", connection, transaction))
        {
            if (exists.ExecuteScalar() is true)
            {
                transaction.Commit();
                return;
            }
        }
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS ledger_entries (
                idx BIGINT PRIMARY KEY,
                leaf_hash BYTEA NOT NULL,
                body BYTEA,
                kind TEXT NOT NULL,
                recorded_at BIGINT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS ledger_checkpoints (
                size BIGINT PRIMARY KEY,
                note TEXT NOT NULL
            );
            """);
        transaction.Commit();
    }

    public string Description { get; }

    public ILedgerWriteTransaction BeginWrite()
    {
        var connection = _dataSource.OpenConnection();
        try
        {
            var transaction = connection.BeginTransaction();
            Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({AppendLockKey})");
            return new PostgresWrite(connection, transaction);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public long Count()
    {
        using var connection = _dataSource.OpenConnection();
        return CountOf(connection, null);
    }

    public StoredEntry? ReadEntry(long index)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT idx, leaf_hash, body, kind, recorded_at FROM ledger_entries WHERE idx = @i", connection);
        command.Parameters.AddWithValue("i", index);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRow(reader) : null;
    }

    public IEnumerable<StoredEntry> ReadEntries(long fromIndex)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT idx, leaf_hash, body, kind, recorded_at FROM ledger_entries WHERE idx >= @i ORDER BY idx", connection);
        command.Parameters.AddWithValue("i", fromIndex);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadRow(reader);
        }
    }

    public IEnumerable<byte[]> ReadLeafHashes(long fromIndex, long toIndex)
    {
        using var connection = _dataSource.OpenConnection();
        foreach (var hash in LeafHashes(connection, null, fromIndex, toIndex))
        {
            yield return hash;
        }
    }

    public IReadOnlyList<string> ReadCheckpoints()
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT note FROM ledger_checkpoints ORDER BY size", connection);
        using var reader = command.ExecuteReader();
        var notes = new List<string>();
        while (reader.Read())
        {
            notes.Add(reader.GetString(0));
        }
        return notes;
    }

    public string? LatestCheckpoint()
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT note FROM ledger_checkpoints ORDER BY size DESC LIMIT 1", connection);
        return command.ExecuteScalar() as string;
    }

    public int PruneBodies(DateTimeOffset standardCutoff, DateTimeOffset incidentCutoff, string incidentKind)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            UPDATE ledger_entries SET body = NULL
            WHERE body IS NOT NULL AND kind <> 'key_rotation' AND (
                (kind <> @incident AND recorded_at < @standard) OR (kind = @incident AND recorded_at < @incidentCutoff))
            """, connection);
        command.Parameters.AddWithValue("incident", incidentKind);
        command.Parameters.AddWithValue("standard", standardCutoff.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("incidentCutoff", incidentCutoff.ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery();
    }

    public void Dispose() => _dataSource.Dispose();

    private static StoredEntry ReadRow(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        (byte[])reader.GetValue(1),
        reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2),
        reader.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));

    private static long CountOf(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand("SELECT COALESCE(MAX(idx) + 1, 0) FROM ledger_entries", connection, transaction);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<byte[]> LeafHashes(NpgsqlConnection connection, NpgsqlTransaction? transaction, long fromIndex, long toIndex)
    {
        using var command = new NpgsqlCommand("SELECT idx, leaf_hash FROM ledger_entries WHERE idx >= @from AND idx < @to ORDER BY idx", connection, transaction);
        command.Parameters.AddWithValue("from", fromIndex);
        command.Parameters.AddWithValue("to", toIndex);
        using var reader = command.ExecuteReader();
        var expected = fromIndex;
        while (reader.Read())
        {
            if (reader.GetInt64(0) != expected)
            {
                throw new LedgerCorruptException($"entry {expected} is missing from the store");
            }
            expected++;
            yield return (byte[])reader.GetValue(1);
        }
        if (expected != toIndex)
        {
            throw new LedgerCorruptException($"entry {expected} is missing from the store");
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private sealed class PostgresWrite(NpgsqlConnection connection, NpgsqlTransaction transaction) : ILedgerWriteTransaction
    {
        public long Count() => CountOf(connection, transaction);

        public IEnumerable<byte[]> ReadLeafHashes(long fromIndex, long toIndex) => LeafHashes(connection, transaction, fromIndex, toIndex);

        public void InsertEntries(IReadOnlyList<StoredEntry> entries)
        {
            // Binary COPY: one round trip for a whole group-commit batch.
            using var writer = connection.BeginBinaryImport("COPY ledger_entries (idx, leaf_hash, body, kind, recorded_at) FROM STDIN (FORMAT BINARY)");
            foreach (var entry in entries)
            {
                writer.StartRow();
                writer.Write(entry.Index, NpgsqlDbType.Bigint);
                writer.Write(entry.LeafHash, NpgsqlDbType.Bytea);
                if (entry.Body is null)
                {
                    writer.WriteNull();
                }
                else
                {
                    writer.Write(entry.Body, NpgsqlDbType.Bytea);
                }
                writer.Write(entry.Kind, NpgsqlDbType.Text);
                writer.Write(entry.RecordedAt.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint);
            }
            writer.Complete();
        }

        public void InsertCheckpoint(long size, string note)
        {
            using var command = new NpgsqlCommand("INSERT INTO ledger_checkpoints (size, note) VALUES (@s, @n)", connection, transaction);
            command.Parameters.AddWithValue("s", size);
            command.Parameters.AddWithValue("n", note);
            command.ExecuteNonQuery();
        }

        public void Commit() => transaction.Commit();

        public void Dispose()
        {
            transaction.Dispose();
            connection.Dispose();
        }
    }
}
