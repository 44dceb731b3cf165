using Microsoft.Data.Sqlite;

namespace Portcullis.Ledger.Storage;

/// <summary>
/// The default store: one SQLite file in write-ahead-log mode with <c>synchronous=FULL</c>, so a commit
/// returns only after the log is on disk. Appends take SQLite's write lock (<c>BEGIN IMMEDIATE</c>),
/// which also sequences appends from other processes sharing the file.
/// </summary>
internal sealed class SqliteLedgerStore : ILedgerStore
{
    private readonly string _connectionString;

    public SqliteLedgerStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS entries (
                idx INTEGER PRIMARY KEY,
                leaf_hash BLOB NOT NULL,
                body BLOB,
                kind TEXT NOT NULL,
                recorded_at INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS checkpoints (
                size INTEGER PRIMARY KEY,
                note TEXT NOT NULL
            );
            """);
    }

    public string Path { get; }

    public string Description => $"SQLite {Path}";

    internal SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=60000;");
        return connection;
    }

    public ILedgerWriteTransaction BeginWrite() => new SqliteWrite(Open());

    public long Count()
    {
        using var connection = Open();
        return CountOf(connection, null);
    }

    public StoredEntry? ReadEntry(long index)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT idx, leaf_hash, body, kind, recorded_at FROM entries WHERE idx = $i";
        command.Parameters.AddWithValue("$i", index);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRow(reader) : null;
    }

    public IEnumerable<StoredEntry> ReadEntries(long fromIndex)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT idx, leaf_hash, body, kind, recorded_at FROM entries WHERE idx >= $i ORDER BY idx";
        command.Parameters.AddWithValue("$i", fromIndex);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadRow(reader);
        }
    }

    public IEnumerable<byte[]> ReadLeafHashes(long fromIndex, long toIndex)
    {
        using var connection = Open();
        foreach (var hash in LeafHashes(connection, null, fromIndex, toIndex))
        {
            yield return hash;
        }
    }

    public IReadOnlyList<string> ReadCheckpoints()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT note FROM checkpoints ORDER BY size";
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
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1";
        return command.ExecuteScalar() as string;
    }

    public int PruneBodies(DateTimeOffset standardCutoff, DateTimeOffset incidentCutoff, string incidentKind)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE entries SET body = NULL
            WHERE body IS NOT NULL AND kind <> 'key_rotation' AND (
                (kind <> $incident AND recorded_at < $standard) OR (kind = $incident AND recorded_at < $incidentCutoff))
            """;
        command.Parameters.AddWithValue("$incident", incidentKind);
        command.Parameters.AddWithValue("$standard", standardCutoff.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$incidentCutoff", incidentCutoff.ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery();
    }

    public void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(_connectionString));

    private static StoredEntry ReadRow(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        (byte[])reader.GetValue(1),
        reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2),
        reader.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));

    private static long CountOf(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(idx) + 1, 0) FROM entries";
        return (long)command.ExecuteScalar()!;
    }

    private static IEnumerable<byte[]> LeafHashes(SqliteConnection connection, SqliteTransaction? transaction, long fromIndex, long toIndex)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT idx, leaf_hash FROM entries WHERE idx >= $from AND idx < $to ORDER BY idx";
        command.Parameters.AddWithValue("$from", fromIndex);
        command.Parameters.AddWithValue("$to", toIndex);
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

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class SqliteWrite : ILedgerWriteTransaction
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;

        public SqliteWrite(SqliteConnection connection)
        {
            _connection = connection;
            // deferred: false makes this BEGIN IMMEDIATE: the write lock is taken now, not at the first insert.
            _transaction = connection.BeginTransaction(deferred: false);
        }

        public long Count() => CountOf(_connection, _transaction);

        public IEnumerable<byte[]> ReadLeafHashes(long fromIndex, long toIndex) => LeafHashes(_connection, _transaction, fromIndex, toIndex);

        public void InsertEntries(IReadOnlyList<StoredEntry> entries)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = "INSERT INTO entries (idx, leaf_hash, body, kind, recorded_at) VALUES ($i, $h, $b, $k, $t)";
            var index = command.Parameters.Add("$i", SqliteType.Integer);
            var hash = command.Parameters.Add("$h", SqliteType.Blob);
            var body = command.Parameters.Add("$b", SqliteType.Blob);
            var kind = command.Parameters.Add("$k", SqliteType.Text);
            var time = command.Parameters.Add("$t", SqliteType.Integer);
            command.Prepare();
            foreach (var entry in entries)
            {
                index.Value = entry.Index;
                hash.Value = entry.LeafHash;
                body.Value = (object?)entry.Body ?? DBNull.Value;
                kind.Value = entry.Kind;
                time.Value = entry.RecordedAt.ToUnixTimeMilliseconds();
                command.ExecuteNonQuery();
            }
        }

        public void InsertCheckpoint(long size, string note)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = "INSERT INTO checkpoints (size, note) VALUES ($s, $n)";
            command.Parameters.AddWithValue("$s", size);
            command.Parameters.AddWithValue("$n", note);
            command.ExecuteNonQuery();
        }

        public void Commit() => _transaction.Commit();

        public void Dispose()
        {
            _transaction.Dispose();
            _connection.Dispose();
        }
    }
}
