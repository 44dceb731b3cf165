using Portcullis.Ledger.Checkpoints;
using Portcullis.Ledger.Merkle;
using Portcullis.Ledger.Verification;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>ledger witness DIR</c>: keeps a copy of the latest checkpoint in a second place. The first run pins
/// the ledger's trust anchor there; later runs accept a new checkpoint only when it is signed by a key
/// the pinned anchor leads to and a consistency proof shows the witnessed tree is a prefix of it.
/// </summary>
internal static class LedgerWitness
{
    public static int Run(Ledger.Ledger ledger, string dir, TextWriter stdout, TextWriter stderr)
    {
        Directory.CreateDirectory(dir);
        var anchorPath = Path.Combine(dir, WitnessFiles.AnchorFile);
        var checkpointPath = Path.Combine(dir, WitnessFiles.CheckpointFile);
        var ledgerAnchor = ledger.TrustAnchor;
        if (!File.Exists(anchorPath))
        {
            File.WriteAllText(anchorPath, ledgerAnchor.ToPem());
        }
        var pinned = NoteKey.FromPem(ledger.Origin, File.ReadAllText(anchorPath));
        if (pinned.KeyId != ledgerAnchor.KeyId)
        {
            return Refuse(stderr, $"the witness trusts key {pinned.KeyIdHex}, the ledger's anchor is {ledgerAnchor.KeyIdHex}");
        }
        var report = ledger.Verify();
        if (!report.Ok)
        {
            return Refuse(stderr, $"the ledger does not verify: {report.FirstProblem!.Message}");
        }
        var latest = ledger.Checkpoint();
        if (File.Exists(checkpointPath))
        {
            var old = SignedCheckpoint.Parse(File.ReadAllText(checkpointPath));
            var oldSize = old.Checkpoint.Size;
            var newSize = latest.Checkpoint.Size;
            if (newSize < oldSize)
            {
                return Refuse(stderr, $"the ledger's checkpoint covers {newSize} entries, fewer than the {oldSize} witnessed");
            }
            if (newSize == oldSize)
            {
                if (!old.Checkpoint.RootHash.AsSpan().SequenceEqual(latest.Checkpoint.RootHash))
                {
                    return Refuse(stderr, $"the ledger's root at size {newSize} differs from the witnessed one");
                }
            }
            else if (oldSize > 0)
            {
                var proof = ledger.Consistency(oldSize, newSize);
                try
                {
                    MerkleProofVerifier.VerifyConsistency((ulong)oldSize, (ulong)newSize, proof.Hashes, old.Checkpoint.RootHash, latest.Checkpoint.RootHash);
                }
                catch (InvalidProofException e)
                {
                    return Refuse(stderr, $"the new checkpoint is not consistent with the witnessed one: {e.Message}");
                }
            }
        }
        var temp = checkpointPath + ".tmp";
        File.WriteAllText(temp, latest.Text);
        File.Move(temp, checkpointPath, overwrite: true);
        stdout.WriteLine($"witnessed checkpoint of size {latest.Checkpoint.Size} in {dir}");
        return ExitCodes.Allow;
    }

    private static int Refuse(TextWriter stderr, string reason)
    {
        stderr.WriteLine($"witness refused: {reason}");
        return ExitCodes.Block;
    }
}
