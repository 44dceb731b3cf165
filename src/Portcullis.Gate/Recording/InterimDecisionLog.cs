using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Portcullis.Gate.Recording;

/// <summary>
/// ADAPTER POINT — a stand-in for Portcullis.Ledger until its API is merged: an append-only SQLite
/// table of entries with RFC 6962 leaf hashes, inclusion proofs and an UNSIGNED checkpoint. Appends
/// from concurrent requests share one durable transaction (group commit). It has none of the ledger's
/// signing, retention or verification; replace it, do not extend it.
/// </summary>
public sealed class InterimDecisionLog : IDecisionLog, IDisposable
{
    private const string Origin = "portcullis-gate-interim";
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly string _connectionString;
    private readonly List<byte[]> _leaves = [];
    private readonly List<byte[]> _frontier = []; // roots of the perfect subtrees that make up the tree
    private readonly Lock _treeLock = new();
    private readonly BlockingCollection<Pending> _queue = new();
    private readonly Thread _writer;
    private int _disposed;

    public InterimDecisionLog(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "gate-log.db"), Pooling = true }.ToString();
        using (var connection = Open())
        {
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS log_entries (idx INTEGER PRIMARY KEY, kind TEXT NOT NULL, actor TEXT NOT NULL, body TEXT NOT NULL, leaf BLOB NOT NULL)");
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT leaf FROM log_entries ORDER BY idx";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                AddLeaf((byte[])reader[0]);
            }
        }
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "gate-log-writer" };
        _writer.Start();
    }

    public long Size
    {
        get
        {
            lock (_treeLock)
            {
                return _leaves.Count;
            }
        }
    }

    public string LatestCheckpoint
    {
        get
        {
            lock (_treeLock)
            {
                return CheckpointLocked();
            }
        }
    }

    public LogReceipt Append(GateLogEntry entry) => AppendAsync(entry).GetAwaiter().GetResult();

    public Task<LogReceipt> AppendAsync(GateLogEntry entry)
    {
        var body = JsonSerializer.Serialize(entry, entry.GetType(), Json);
        var pending = new Pending(entry.Kind, entry.Actor, body, MerkleHashes.Leaf(Encoding.UTF8.GetBytes(body)));
        if (Volatile.Read(ref _disposed) == 1)
        {
            throw new ObjectDisposedException(nameof(InterimDecisionLog), "the decision log is closed");
        }
        _queue.Add(pending);
        return pending.Done.Task;
    }

    public InclusionProof? Prove(long index)
    {
        lock (_treeLock)
        {
            if (index < 0 || index >= _leaves.Count)
            {
                return null;
            }
            var path = new List<byte[]>();
            MerkleHashes.AuditPath(_leaves, (int)index, 0, _leaves.Count, path);
            return new InclusionProof(index, _leaves.Count, Convert.ToHexStringLower(_leaves[(int)index]), path.Select(Convert.ToHexStringLower).ToList(), Convert.ToHexStringLower(RootLocked()), CheckpointLocked());
        }
    }

    public LoggedEntry? Read(long index)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, actor, body FROM log_entries WHERE idx = $idx";
        command.Parameters.AddWithValue("$idx", index);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new LoggedEntry(index, reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _queue.CompleteAdding();
        _writer.Join();
        _queue.Dispose();
    }

    private void WriteLoop()
    {
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            var batch = new List<Pending> { first };
            while (batch.Count < 512 && _queue.TryTake(out var more))
            {
                batch.Add(more);
            }
            try
            {
                WriteBatch(batch);
            }
            catch (Exception e) when (e is SqliteException or IOException or InvalidOperationException)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(e);
                }
            }
        }
    }

    private void WriteBatch(List<Pending> batch)
    {
        long start;
        using (var connection = Open())
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            // Another process on the same data folder (portcullis token issue next to a running
            // service) may have appended: take its entries into the tree before adding ours.
            lock (_treeLock)
            {
                using var newer = connection.CreateCommand();
                newer.Transaction = transaction;
                newer.CommandText = "SELECT leaf FROM log_entries WHERE idx >= $known ORDER BY idx";
                newer.Parameters.AddWithValue("$known", _leaves.Count);
                using var reader = newer.ExecuteReader();
                while (reader.Read())
                {
                    AddLeaf((byte[])reader[0]);
                }
                start = _leaves.Count;
            }
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO log_entries (idx, kind, actor, body, leaf) VALUES ($idx, $kind, $actor, $body, $leaf)";
            var idx = insert.Parameters.Add("$idx", SqliteType.Integer);
            var kind = insert.Parameters.Add("$kind", SqliteType.Text);
            var actor = insert.Parameters.Add("$actor", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            var leaf = insert.Parameters.Add("$leaf", SqliteType.Blob);
            for (var i = 0; i < batch.Count; i++)
            {
                idx.Value = start + i;
                kind.Value = batch[i].Kind;
                actor.Value = batch[i].Actor;
                body.Value = batch[i].Body;
                leaf.Value = batch[i].Leaf;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        // Only after the commit is durable do the entries join the tree and the callers get receipts.
        lock (_treeLock)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                AddLeaf(batch[i].Leaf);
                batch[i].Done.TrySetResult(new LogReceipt(start + i, Convert.ToHexStringLower(batch[i].Leaf), CheckpointLocked()));
            }
        }
    }

    private void AddLeaf(byte[] leaf)
    {
        _leaves.Add(leaf);
        _frontier.Add(leaf);
        // Merge equal-sized perfect subtrees: the sizes follow the binary digits of the leaf count.
        for (var size = _leaves.Count; (size & 1) == 0; size >>= 1)
        {
            var right = _frontier[^1];
            var left = _frontier[^2];
            _frontier.RemoveRange(_frontier.Count - 2, 2);
            _frontier.Add(MerkleHashes.Node(left, right));
        }
    }

    private byte[] RootLocked()
    {
        if (_frontier.Count == 0)
        {
            return MerkleHashes.Root(_leaves, 0, 0);
        }
        var root = _frontier[^1];
        for (var i = _frontier.Count - 2; i >= 0; i--)
        {
            root = MerkleHashes.Node(_frontier[i], root);
        }
        return root;
    }

    private string CheckpointLocked() => $"{Origin}\n{_leaves.Count}\n{Convert.ToBase64String(RootLocked())}\n";

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed record Pending(string Kind, string Actor, string Body, byte[] Leaf)
    {
        public TaskCompletionSource<LogReceipt> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
