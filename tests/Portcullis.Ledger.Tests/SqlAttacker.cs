using Microsoft.Data.Sqlite;
using Portcullis.Ledger.Checkpoints;
using Portcullis.Ledger.Merkle;

namespace Portcullis.Ledger.Tests;

/// <summary>
/// A database administrator editing the ledger's SQLite file with SQL, as an attacker would: no access to
/// the signing key or the data folder's other files.
/// </summary>
internal sealed class SqlAttacker(string databasePath) : IDisposable
{
    private readonly SqliteConnection _connection = Open(databasePath);

    public enum Tampering
    {
        ChangeByte,
        DeleteEntry,
        SwapEntries,
        Truncate,
        ResignUnderAnotherKey,
    }

    /// <summary>Applies one tampering; returns the entry <c>verify</c> should name.</summary>
    public long Apply(Tampering kind, long size, Random random)
    {
        switch (kind)
        {
            case Tampering.ChangeByte:
            {
                var k = random.NextInt64(size);
                ChangeByte(k, random, fixLeafHash: random.Next(2) == 0);
                return k;
            }
            case Tampering.DeleteEntry:
            {
                var k = random.NextInt64(size);
                Execute("DELETE FROM entries WHERE idx = $k", ("$k", k));
                return k;
            }
            case Tampering.SwapEntries:
            {
                var i = random.NextInt64(size - 1);
                var j = i + 1 + random.NextInt64(size - i - 1);
                Swap(i, j);
                return i;
            }
            case Tampering.Truncate:
            {
                // The careful attacker also drops the checkpoints that would betray the missing tail.
                var k = random.NextInt64(size);
                Execute("DELETE FROM entries WHERE idx >= $k", ("$k", k));
                Execute("DELETE FROM checkpoints WHERE size > $k", ("$k", k));
                return k;
            }
            case Tampering.ResignUnderAnotherKey:
            {
                var k = random.NextInt64(size);
                ChangeByte(k, random, fixLeafHash: true);
                ResignAll();
                return 0;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private void ChangeByte(long index, Random random, bool fixLeafHash)
    {
        var body = (byte[])Scalar("SELECT body FROM entries WHERE idx = $k", ("$k", index))!;
        body[random.Next(body.Length)] ^= (byte)random.Next(1, 256);
        Execute("UPDATE entries SET body = $b WHERE idx = $k", ("$b", body), ("$k", index));
        if (fixLeafHash)
        {
            Execute("UPDATE entries SET leaf_hash = $h WHERE idx = $k", ("$h", MerkleHash.Leaf(body)), ("$k", index));
        }
    }

    private void Swap(long i, long j)
    {
        Execute("UPDATE entries SET idx = -1 WHERE idx = $i", ("$i", i));
        Execute("UPDATE entries SET idx = $i WHERE idx = $j", ("$i", i), ("$j", j));
        Execute("UPDATE entries SET idx = $j WHERE idx = -1", ("$j", j));
    }

    // Rebuilds every checkpoint from the (edited) leaves and signs it with a key of the attacker's own.
    private void ResignAll()
    {
        var tree = new MerkleTree();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT leaf_hash FROM entries ORDER BY idx";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tree.Append((byte[])reader.GetValue(0));
            }
        }
        var notes = new List<(long Size, string Note)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT size, note FROM checkpoints ORDER BY size";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                notes.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }
        using var signer = NoteSigner.Generate(LedgerOptions.DefaultOrigin);
        foreach (var (size, note) in notes)
        {
            var origin = SignedCheckpoint.Parse(note).Checkpoint.Origin;
            var resigned = signer.Sign(new Checkpoint(origin, size, tree.Root(size))).Text;
            Execute("UPDATE checkpoints SET note = $n WHERE size = $s", ("$n", resigned), ("$s", size));
        }
    }

    private object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose() => _connection.Dispose();
}
