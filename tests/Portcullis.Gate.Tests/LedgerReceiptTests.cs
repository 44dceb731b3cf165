using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using Portcullis.Gate.Hosting;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Recording;
using Portcullis.Ledger;
using Portcullis.Ledger.Checkpoints;
using Portcullis.Ledger.Keys;
using Portcullis.Ledger.Merkle;

namespace Portcullis.Gate.Tests;

/// <summary>
/// The gate records into the real ledger: receipts are RFC 6962 inclusion proofs against checkpoints
/// signed by the key pinned in the data folder, entries carry the gate's whole decision, and the log
/// verifies end to end — on SQLite and on a shared PostgreSQL.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LedgerReceiptTests
{
    private const string YamlLoad = "import yaml\n\ndef load(text):\n    return yaml.load(text)\n";
    private const string SafeLoad = "import yaml\n\ndef load(text):\n    return yaml.safe_load(text)\n";

    [Fact]
    public async Task A_scan_receipt_is_an_inclusion_proof_against_a_checkpoint_signed_by_the_pinned_key()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude", task: "T-42", gitRef: "refs/heads/fix");
        var (_, scan) = await host.Post("/v1/scan", agent, new { code = YamlLoad, language = "python", kind = "function", agent = new { id = "claude-code", model = "opus" } });
        await host.Post("/v1/scan", agent, new { code = SafeLoad, language = "python" });
        var receipt = scan.GetProperty("receipt");
        var index = receipt.GetProperty("index").GetInt64();

        var (status, proof) = await host.Send(HttpMethod.Get, $"/v1/receipts/{index}", agent);

        Assert.Equal(200, status);
        var anchor = LedgerKeyFiles.LoadTrustAnchor(host.DataDirectory, LedgerOptions.DefaultOrigin);
        var atScan = SignedCheckpoint.Parse(receipt.GetProperty("checkpoint").GetString()!);
        var latest = SignedCheckpoint.Parse(proof.GetProperty("checkpoint").GetString()!);
        Assert.True(anchor.Verifies(atScan));
        Assert.True(anchor.Verifies(latest));
        Assert.Equal(index + 1, atScan.Checkpoint.Size);
        Assert.Equal(latest.Checkpoint.Size, proof.GetProperty("treeSize").GetInt64());
        Assert.True(latest.Checkpoint.Size > atScan.Checkpoint.Size, "the second scan grew the log past the first receipt");
        Assert.Equal(Convert.ToHexStringLower(latest.Checkpoint.RootHash), proof.GetProperty("rootHash").GetString());
        var path = proof.GetProperty("auditPath").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToList();
        var leaf = Convert.FromHexString(proof.GetProperty("leafHash").GetString()!);
        MerkleProofVerifier.VerifyInclusion((ulong)index, (ulong)latest.Checkpoint.Size, leaf, path, latest.Checkpoint.RootHash);
        var forged = leaf.ToArray();
        forged[0] ^= 1;
        Assert.ThrowsAny<Exception>(() => MerkleProofVerifier.VerifyInclusion((ulong)index, (ulong)latest.Checkpoint.Size, forged, path, latest.Checkpoint.RootHash));

        // The leaf is the hash of the canonical entry the proof shows, and that entry is the gate's whole decision.
        var entry = proof.GetProperty("entry");
        var body = host.Gate.Log.Read(index)!.Body!;
        Assert.Equal(receipt.GetProperty("leafHash").GetString(), Convert.ToHexStringLower(SHA256.HashData([0, .. Encoding.UTF8.GetBytes(body)])));
        Assert.Equal("scan_decision", entry.GetProperty("type").GetString());
        Assert.Equal("block", entry.GetProperty("action").GetString());
        Assert.Equal("function", entry.GetProperty("submission_kind").GetString());
        Assert.Equal("T-42", entry.GetProperty("task_id").GetString());
        Assert.Equal("refs/heads/fix", entry.GetProperty("ref").GetString());
        Assert.Equal("acme/shop", entry.GetProperty("repository").GetString());
        Assert.Equal("opus", entry.GetProperty("agent_model").GetString());
        Assert.Equal(scan.GetProperty("policy").GetProperty("digest").GetString(), entry.GetProperty("policy_digest").GetString());
        Assert.Equal(scan.GetProperty("sampleId").GetString(), entry.GetProperty("sample_id").GetString());
        Assert.Equal(scan.GetProperty("reasons").GetArrayLength(), entry.GetProperty("reasons").GetArrayLength());
        var finding = Assert.Single(entry.GetProperty("findings").EnumerateArray());
        Assert.Equal("block", finding.GetProperty("action").GetString());
        Assert.Contains("CWE-502", finding.GetProperty("cwe").EnumerateArray().Select(c => c.GetString()));
        Assert.True(finding.GetProperty("fix_offered").GetBoolean());
    }

    [Fact]
    public async Task Every_gate_action_is_a_ledger_entry_and_the_log_verifies()
    {
        await using var host = await GateServiceHost.Start();
        var admin = host.Token(Role.Admin, "alice");
        var agent = host.Token(Role.Agent, "claude");
        await host.Post("/v1/scan", agent, new { code = YamlLoad, language = "python" });
        await host.Post("/v1/scan", agent, new { code = SafeLoad, language = "python" });
        var (_, issued) = await host.Post("/v1/tokens", admin, new { role = "developer", subject = "dave" });
        await host.Send(HttpMethod.Delete, $"/v1/tokens/{issued.GetProperty("id").GetString()}", admin);

        var ledger = ((LedgerDecisionLog)host.Gate.Log).Underlying;
        var report = ledger.Verify();

        Assert.True(report.Ok, string.Join("; ", report.Problems));
        Assert.Equal(6, ledger.Count);
        Assert.Equal(
            ["token_issued", "token_issued", "scan_decision", "scan_decision", "token_issued", "token_revoked"],
            ledger.ReadAll().Select(r => r.Kind));
        Assert.Equal(ledger.Count, ledger.LatestCheckpoint()!.Checkpoint.Size);
    }

    [Fact]
    public async Task The_gate_reopens_its_ledger_and_keeps_appending_to_the_same_tree()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");
        var (_, first) = await host.Post("/v1/scan", agent, new { code = SafeLoad, language = "python" });
        var firstCheckpoint = SignedCheckpoint.Parse(first.GetProperty("receipt").GetProperty("checkpoint").GetString()!);

        // `portcullis token issue` runs beside a live service on the same data folder.
        using (var side = LedgerDecisionLog.Open(host.DataDirectory, null, TimeProvider.System))
        {
            side.Append(new Portcullis.Ledger.Entries.TokenRevoked("local", "nobody", "test"));
        }
        var (_, second) = await host.Post("/v1/scan", agent, new { code = SafeLoad, language = "python" });

        var ledger = ((LedgerDecisionLog)host.Gate.Log).Underlying;
        Assert.Equal(3, second.GetProperty("receipt").GetProperty("index").GetInt64());
        var latest = SignedCheckpoint.Parse(second.GetProperty("receipt").GetProperty("checkpoint").GetString()!);
        var consistency = ledger.Consistency(firstCheckpoint.Checkpoint.Size, latest.Checkpoint.Size);
        MerkleProofVerifier.VerifyConsistency((ulong)firstCheckpoint.Checkpoint.Size, (ulong)latest.Checkpoint.Size, consistency.Hashes, firstCheckpoint.Checkpoint.RootHash, latest.Checkpoint.RootHash);
        Assert.True(ledger.Verify().Ok);
    }

    [PostgresFact]
    public async Task Two_replicas_on_one_postgres_share_one_ledger_and_every_answered_scan_is_an_entry()
    {
        var connection = FreshDatabase();
        await using var first = await GateServiceHost.Start(o => o with { PostgresConnectionString = connection });
        // A second replica: its own data folder holding the same signing key and trust anchor.
        var secondData = Directory.CreateTempSubdirectory("portcullis-gate-replica-").FullName;
        foreach (var file in new[] { LedgerKeyFiles.SigningKeyFile, LedgerKeyFiles.TrustAnchorFile })
        {
            File.Copy(Path.Combine(first.DataDirectory, file), Path.Combine(secondData, file));
        }
        await using var second = await GateServiceHost.Start(o => o with { PostgresConnectionString = connection }, dataDirectory: secondData);
        var agent = first.Token(Role.Agent, "claude");
        var before = first.Gate.Log.Size;

        var scans = Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? first : second).Post("/v1/scan", agent, new { code = i % 3 == 0 ? YamlLoad : SafeLoad, language = "python" }));
        var answers = await Task.WhenAll(scans);

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal(before + answers.Length, second.Gate.Log.Size);
        var indexes = answers.Select(a => a.Body.GetProperty("receipt").GetProperty("index").GetInt64()).ToList();
        Assert.Equal(indexes.Count, indexes.Distinct().Count());
        var anchor = LedgerKeyFiles.LoadTrustAnchor(first.DataDirectory, LedgerOptions.DefaultOrigin);
        foreach (var (host, index) in new[] { (first, indexes[0]), (second, indexes[^1]) })
        {
            var (status, proof) = await host.Send(HttpMethod.Get, $"/v1/receipts/{index}", agent);
            Assert.Equal(200, status);
            var checkpoint = SignedCheckpoint.Parse(proof.GetProperty("checkpoint").GetString()!);
            Assert.True(anchor.Verifies(checkpoint));
            var path = proof.GetProperty("auditPath").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToList();
            MerkleProofVerifier.VerifyInclusion((ulong)index, (ulong)checkpoint.Checkpoint.Size, Convert.FromHexString(proof.GetProperty("leafHash").GetString()!), path, checkpoint.Checkpoint.RootHash);
        }
        Assert.True(((LedgerDecisionLog)first.Gate.Log).Underlying.Verify().Ok);
    }

    private static string FreshDatabase()
    {
        var baseConnection = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        var name = "gate_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(baseConnection))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(baseConnection) { Database = name }.ToString();
    }
}
