using System.Text;
using Portcullis.Ledger.Checkpoints;
using Portcullis.Ledger.Entries;
using Portcullis.Ledger.Keys;
using Portcullis.Ledger.Merkle;

namespace Portcullis.Ledger.Tests;

/// <summary>The ledger over a real SQLite file: appends, receipts, proofs, checkpoints, rotation, retention.</summary>
public sealed class LedgerTests
{
    [Fact]
    public void A_receipt_inclusion_proof_verifies_against_its_signed_checkpoint()
    {
        using var folder = new LedgerFolder();
        using var ledger = folder.Open();
        Receipt? receipt = null;
        for (var i = 0; i < 13; i++)
        {
            receipt = ledger.Append(SampleEntries.Decision(i));
            Assert.Equal(i, receipt.Index);
        }
        Assert.NotNull(receipt);
        Assert.Equal(13, receipt.Checkpoint.Checkpoint.Size);
        Assert.True(ledger.SigningKey.Verifies(receipt.Checkpoint));
        for (var i = 0; i < 13; i++)
        {
            var proof = ledger.Prove(i, 13);
            MerkleProofVerifier.VerifyInclusion((ulong)i, 13, proof.LeafHash, proof.Hashes, receipt.Checkpoint.Checkpoint.RootHash);
        }
        // The leaf is the hash of the stored canonical body.
        var record = ledger.Read(5)!;
        Assert.Equal(MerkleHash.Leaf(record.Body!), record.LeafHash);
        Assert.Equal("sample-5", ((ScanDecision)record.Entry!).SampleId);
    }

    [Fact]
    public void Consistency_proofs_link_every_pair_of_checkpoints()
    {
        using var folder = new LedgerFolder();
        using var ledger = folder.Open();
        var receipts = Enumerable.Range(0, 9).Select(i => ledger.Append(SampleEntries.Decision(i))).ToList();
        foreach (var older in receipts)
        {
            foreach (var newer in receipts.Where(r => r.Index >= older.Index))
            {
                var proof = ledger.Consistency(older.Checkpoint.Checkpoint.Size, newer.Checkpoint.Checkpoint.Size);
                MerkleProofVerifier.VerifyConsistency((ulong)proof.OldSize, (ulong)proof.NewSize, proof.Hashes,
                    older.Checkpoint.Checkpoint.RootHash, newer.Checkpoint.Checkpoint.RootHash);
            }
        }
        Assert.ThrowsAny<ArgumentException>(() => ledger.Consistency(0, 5));
        Assert.ThrowsAny<ArgumentException>(() => ledger.Prove(9, 9));
    }

    [Fact]
    public void Concurrent_appenders_share_transactions_and_get_distinct_contiguous_indices()
    {
        using var folder = new LedgerFolder();
        using var ledger = folder.Open();
        var receipts = new System.Collections.Concurrent.ConcurrentBag<Receipt>();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => receipts.Add(ledger.Append(SampleEntries.Decision(i))));
        Assert.Equal(Enumerable.Range(0, 400).Select(i => (long)i), receipts.Select(r => r.Index).Order());
        Assert.All(receipts, r => Assert.True(r.Checkpoint.Checkpoint.Size > r.Index));
        Assert.Equal(400, ledger.Count);
        var report = ledger.Verify();
        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal(400, report.Entries);
    }

    [Fact]
    public void A_reopened_ledger_continues_the_same_tree()
    {
        using var folder = new LedgerFolder();
        byte[] root;
        using (var ledger = folder.Open())
        {
            ledger.Append(SampleEntries.Decision(1));
            root = ledger.Append(SampleEntries.Decision(2)).Checkpoint.Checkpoint.RootHash;
        }
        using (var reopened = folder.Open())
        {
            Assert.Equal(2, reopened.Count);
            var receipt = reopened.Append(SampleEntries.Decision(3));
            Assert.Equal(2, receipt.Index);
            var proof = reopened.Consistency(2, 3);
            MerkleProofVerifier.VerifyConsistency(2, 3, proof.Hashes, root, receipt.Checkpoint.Checkpoint.RootHash);
            Assert.True(reopened.Verify().Ok);
        }
    }

    [Fact]
    public void Entries_are_canonical_json_with_the_timestamp_from_the_time_provider_and_secrets_masked()
    {
        using var folder = new LedgerFolder();
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        using var ledger = folder.Open(time);
        ledger.Append(SampleEntries.Override("temporary: token ghp_abcdefghijklmnopqrstuvwxyz0123456789 needed"));
        var body = Encoding.UTF8.GetString(ledger.Read(0)!.Body!);
        Assert.DoesNotContain("ghp_abcdefghijklmnop", body, StringComparison.Ordinal);
        Assert.Contains("ghp_****", body, StringComparison.Ordinal);
        Assert.Contains("\"timestamp\":\"2026-03-04T05:06:07+00:00\"", body, StringComparison.Ordinal);
        Assert.StartsWith("{\"actor\":", body, StringComparison.Ordinal);
        Assert.Equal(body, Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(body))));
        var entry = (OverrideRequest)ledger.Read(0)!.Entry!;
        Assert.Equal(time.Now, entry.Timestamp);
        Assert.True(entry.NeedsApproval);
    }

    [Fact]
    public void A_gate_decision_keeps_its_optional_members_masks_its_reasons_and_omits_what_is_absent()
    {
        var plain = SampleEntries.Decision(1);
        var plainBody = Encoding.UTF8.GetString(EntryCodec.Encode(plain));
        Assert.DoesNotContain("reasons", plainBody, StringComparison.Ordinal);
        Assert.DoesNotContain("policy_digest", plainBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\"action\":\"block\"", plainBody, StringComparison.Ordinal);

        var gate = plain with
        {
            SubmissionKind = "completion",
            TaskId = "T-9",
            Ref = "refs/heads/main",
            PolicyDigest = "sha256:abc",
            Reasons = ["line 3: sql injection", "uses key AKIAABCDEFGHIJKLMNOP in the query"],
            Findings = [plain.Findings[0] with { Action = "overridden", OverrideId = "ovr-1" }],
        };
        var body = EntryCodec.Encode(gate);
        var text = Encoding.UTF8.GetString(body);
        Assert.DoesNotContain("AKIAABCDEFGHIJKLMNOP", text, StringComparison.Ordinal);
        Assert.Contains("AKIA****", text, StringComparison.Ordinal);
        Assert.Equal(text, Encoding.UTF8.GetString(CanonicalJson.Canonicalize(body)));
        var back = (ScanDecision)EntryCodec.Decode(body);
        Assert.Equal("T-9", back.TaskId);
        var digest = "sha256:" + new string('a', 30) + "0123456789abcdef0123456789abcdef01";
        Assert.Equal(digest, ((ScanDecision)EntryCodec.Decode(EntryCodec.Encode(plain with { SampleId = digest }))).SampleId);
        Assert.Equal("sha256:AKIA****", ((ScanDecision)EntryCodec.Decode(EntryCodec.Encode(plain with { SampleId = "sha256:AKIAABCDEFGHIJKLMNOP" }))).SampleId);
        Assert.Equal("refs/heads/main", back.Ref);
        Assert.Equal("sha256:abc", back.PolicyDigest);
        Assert.Equal("line 3: sql injection", back.Reasons!.Value[0]);
        Assert.Equal("overridden", back.Findings[0].Action);
        Assert.Equal("ovr-1", back.Findings[0].OverrideId);
    }

    [Fact]
    public void A_token_entry_keeps_only_a_hash_prefix()
    {
        const string token = "pcl_live_5f1c2e9a8b7d6c5e4f3a2b1c0d9e8f7a";
        var body = Encoding.UTF8.GetString(EntryCodec.Encode(TokenIssued.For("admin", "tok-1", token, "ci-bot", ["scan"], null)));
        Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        Assert.DoesNotContain(token[..12], body, StringComparison.Ordinal);
        Assert.Contains(TokenIssued.HashPrefix(token), body, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoints_are_c2sp_signed_notes_signed_by_the_pinned_key()
    {
        using var folder = new LedgerFolder();
        using var ledger = folder.Open();
        ledger.Append(SampleEntries.Decision(0));
        var text = ledger.Checkpoint().Text;
        var lines = text.Split('\n');
        Assert.Equal(LedgerOptions.DefaultOrigin, lines[0]);
        Assert.Equal("1", lines[1]);
        Assert.Equal(44, lines[2].Length);
        Assert.Equal("", lines[3]);
        Assert.StartsWith("\u2014 " + LedgerOptions.DefaultOrigin + " ", lines[4], StringComparison.Ordinal);
        Assert.Equal("", lines[5]);
        var parsed = SignedCheckpoint.Parse(text);
        var anchor = LedgerKeyFiles.LoadTrustAnchor(folder.Path, LedgerOptions.DefaultOrigin);
        Assert.True(anchor.Verifies(parsed));
        Assert.Equal(anchor.KeyId, parsed.Signatures[0].KeyId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(LedgerKeyFiles.SigningKeyPath(folder.Path)));
        }
        // A changed byte in the signed text no longer verifies.
        var forged = SignedCheckpoint.Parse(text.Replace("\n1\n", "\n2\n", StringComparison.Ordinal));
        Assert.False(anchor.Verifies(forged));
    }

    [Fact]
    public void A_rotated_key_signs_later_checkpoints_and_the_log_still_verifies_from_the_anchor()
    {
        using var folder = new LedgerFolder();
        using (var ledger = folder.Open())
        {
            var before = ledger.SigningKey.KeyId;
            ledger.Append(SampleEntries.Decision(0));
            var rotation = ledger.RotateKey("admin@example.com", "scheduled rotation");
            Assert.NotEqual(before, ledger.SigningKey.KeyId);
            Assert.Equal(ledger.SigningKey.KeyId, rotation.Checkpoint.Signatures[0].KeyId);
            var after = ledger.Append(SampleEntries.Decision(1));
            Assert.Equal(ledger.SigningKey.KeyId, after.Checkpoint.Signatures[0].KeyId);
            Assert.True(ledger.Verify().Ok, string.Join("\n", ledger.Verify().Problems));
            Assert.Equal(before, LedgerKeyFiles.LoadTrustAnchor(folder.Path, LedgerOptions.DefaultOrigin).KeyId);
        }
        using (var reopened = folder.Open())
        {
            Assert.True(reopened.Verify().Ok);
            Assert.Equal(3, reopened.Append(SampleEntries.Decision(2)).Index);
        }
        using var direct = folder.Open();
        Assert.Throws<ArgumentException>(() => direct.Append(new KeyRotation("x", "o", "a", "b", "c", "d", "e")));
    }

    [Fact]
    public void Retention_prunes_old_bodies_but_keeps_incidents_longer_and_every_proof_verifies()
    {
        using var folder = new LedgerFolder();
        var time = new ManualTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var ledger = folder.Open(time);
        ledger.Append(SampleEntries.Decision(0));
        ledger.Append(new IncidentRecord("secops", "INC-1", "SQL injection shipped", "override without approval", "patched"));
        ledger.RotateKey("admin", "yearly");
        time.Now = time.Now.AddYears(3);
        ledger.Append(SampleEntries.Decision(1));
        var root = ledger.Checkpoint().Checkpoint.RootHash;

        time.Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(1, ledger.Prune());
        Assert.Null(ledger.Read(0)!.Body);
        Assert.NotNull(ledger.Read(1)!.Body);
        Assert.NotNull(ledger.Read(2)!.Body);
        time.Now = new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(1, ledger.Prune());
        Assert.Null(ledger.Read(1)!.Body);
        Assert.NotNull(ledger.Read(3)!.Body);

        var proof = ledger.Prove(0, 4);
        MerkleProofVerifier.VerifyInclusion(0, 4, proof.LeafHash, proof.Hashes, root);
        var report = ledger.Verify();
        Assert.True(report.Ok, string.Join("\n", report.Problems));
    }

    [Fact]
    public void Opening_a_missing_folder_without_create_fails_clearly()
    {
        using var folder = new LedgerFolder();
        var missing = Path.Combine(folder.Path, "nope");
        var e = Assert.Throws<LedgerNotFoundException>(() => Ledger.Open(new LedgerOptions(missing) { CreateIfMissing = false }));
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }
}
