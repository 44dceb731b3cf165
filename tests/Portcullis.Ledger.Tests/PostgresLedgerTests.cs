using Npgsql;
using Portcullis.Ledger.Merkle;

namespace Portcullis.Ledger.Tests;

/// <summary>
/// The shared store against a real PostgreSQL (started by .ci/start-postgres.sh; its connection string is
/// in PORTCULLIS_TEST_POSTGRES). Each test gets its own database.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLedgerTests
{
    private static string FreshDatabase()
    {
        var baseConnection = Environment.GetEnvironmentVariable("PORTCULLIS_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(baseConnection),
            "PORTCULLIS_TEST_POSTGRES is not set: run eval \"$(.ci/start-postgres.sh)\" first (test.sh does) so the ledger is tested against a real PostgreSQL");
        var name = "ledger_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(baseConnection))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(baseConnection) { Database = name }.ToString();
    }

    [Fact]
    public void Appends_proofs_and_verify_work_on_postgres()
    {
        using var folder = new LedgerFolder();
        using var ledger = Ledger.Open(folder.Options() with { PostgresConnectionString = FreshDatabase() });
        Receipt? last = null;
        for (var i = 0; i < 10; i++)
        {
            last = ledger.Append(SampleEntries.Decision(i));
        }
        var proof = ledger.Prove(4, 10);
        MerkleProofVerifier.VerifyInclusion(4, 10, proof.LeafHash, proof.Hashes, last!.Checkpoint.Checkpoint.RootHash);
        Assert.True(ledger.Verify().Ok);
        Assert.Equal("sample-7", ((Entries.ScanDecision)ledger.Read(7)!.Entry!).SampleId);
        Assert.DoesNotContain("Password", ledger.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Two_replicas_appending_concurrently_through_separate_connections_keep_one_consistent_log()
    {
        using var folder = new LedgerFolder();
        var connection = FreshDatabase();
        using var first = Ledger.Open(folder.Options() with { PostgresConnectionString = connection });
        using var second = Ledger.Open(folder.Options() with { PostgresConnectionString = connection });
        var receipts = new System.Collections.Concurrent.ConcurrentBag<Receipt>();
        Parallel.For(0, 300, new ParallelOptions { MaxDegreeOfParallelism = 12 }, i =>
            receipts.Add((i % 2 == 0 ? first : second).Append(SampleEntries.Decision(i))));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), receipts.Select(r => r.Index).Order());
        // Each replica's receipts are consistent with the other's latest checkpoint.
        var latest = second.Checkpoint();
        foreach (var receipt in receipts.Where(r => r.Checkpoint.Checkpoint.Size < latest.Checkpoint.Size).Take(50))
        {
            var proof = first.Consistency(receipt.Checkpoint.Checkpoint.Size, latest.Checkpoint.Size);
            MerkleProofVerifier.VerifyConsistency((ulong)proof.OldSize, (ulong)proof.NewSize, proof.Hashes, receipt.Checkpoint.Checkpoint.RootHash, latest.Checkpoint.RootHash);
        }
        var report = first.Verify();
        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal(300, report.Entries);
    }
}
