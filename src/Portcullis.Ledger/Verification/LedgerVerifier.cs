using Portcullis.Ledger.Checkpoints;
using Portcullis.Ledger.Merkle;
using Portcullis.Ledger.Storage;

namespace Portcullis.Ledger.Verification;

/// <summary>
/// Trusts nothing in the store: re-derives every leaf from its body (or takes the stored leaf hash when
/// retention pruned the body), rebuilds the tree, follows key rotations from the pinned anchor, and checks
/// every stored checkpoint's signature and root, plus the checkpoints kept outside the database (this
/// host's last one and a witness copy). Each problem names the first entry it implicates.
/// </summary>
internal sealed class LedgerVerifier(ILedgerStore store, string origin, NoteKey anchor)
{
    public VerificationReport Verify(SignedCheckpoint? local, string? witnessDirectory)
    {
        var problems = new List<VerificationProblem>();
        var tree = new MerkleTree();
        var keys = new KeyChain(anchor);
        try
        {
            foreach (var row in store.ReadEntries(0))
            {
                if (row.Index != tree.Size)
                {
                    problems.Add(new(tree.Size, $"entry {tree.Size} is missing (the next stored entry is {row.Index})"));
                    break;
                }
                var leaf = row.LeafHash;
                if (row.Body is { } body)
                {
                    var derived = MerkleHash.Leaf(body);
                    if (!derived.AsSpan().SequenceEqual(row.LeafHash))
                    {
                        problems.Add(new(row.Index, $"entry {row.Index}: its body does not hash to its stored leaf hash"));
                    }
                    leaf = derived;
                    if (row.Kind == "key_rotation" && keys.Follow(row.Index, body, origin) is { } keyProblem)
                    {
                        problems.Add(new(row.Index, keyProblem));
                    }
                }
                else if (leaf.Length != MerkleHash.Size)
                {
                    problems.Add(new(row.Index, $"entry {row.Index}: pruned, and its stored leaf hash is not a SHA-256"));
                    break;
                }
                tree.Append(leaf);
            }
        }
        catch (Exception e) when (e is InvalidCastException or InvalidOperationException or FormatException)
        {
            problems.Add(new(tree.Size, $"entry {tree.Size} cannot be read: {e.Message}"));
        }

        var notes = store.ReadCheckpoints();
        var parsed = new SignedCheckpoint?[notes.Count];
        var signedByTrustedKey = new bool[notes.Count];
        Parallel.For(0, notes.Count, i =>
        {
            try
            {
                parsed[i] = SignedCheckpoint.Parse(notes[i]);
                signedByTrustedKey[i] = keys.KeyFor(parsed[i]!.Checkpoint.Size).Verifies(parsed[i]!);
            }
            catch (FormatException)
            {
                parsed[i] = null;
            }
        });
        var goodSizes = new List<long> { 0 };
        for (var i = 0; i < notes.Count; i++)
        {
            if (parsed[i] is not { } note)
            {
                problems.Add(new(goodSizes[^1], $"stored checkpoint #{i} is not a well-formed signed note"));
                continue;
            }
            if (CheckCheckpoint(note, signedByTrustedKey[i], tree, keys, goodSizes, "stored checkpoint") is { } problem)
            {
                problems.Add(problem);
            }
            else
            {
                goodSizes.Add(note.Checkpoint.Size);
            }
        }
        if (local is not null && CheckCheckpoint(local, keys.KeyFor(local.Checkpoint.Size).Verifies(local), tree, keys, goodSizes, "this host's last checkpoint") is { } localProblem)
        {
            problems.Add(localProblem);
        }
        if (witnessDirectory is not null)
        {
            CheckWitness(witnessDirectory, tree, keys, goodSizes, problems);
        }
        return new VerificationReport(tree.Size, notes.Count, problems);
    }

    private void CheckWitness(string dir, MerkleTree tree, KeyChain keys, List<long> goodSizes, List<VerificationProblem> problems)
    {
        var checkpointPath = Path.Combine(dir, WitnessFiles.CheckpointFile);
        var anchorPath = Path.Combine(dir, WitnessFiles.AnchorFile);
        if (!File.Exists(checkpointPath) || !File.Exists(anchorPath))
        {
            throw new LedgerNotFoundException($"no witness copy in {dir} (run 'portcullis ledger witness' first)");
        }
        var witnessAnchor = NoteKey.FromPem(origin, File.ReadAllText(anchorPath));
        if (witnessAnchor.KeyId != anchor.KeyId)
        {
            problems.Add(new(0, $"the witness trusts key {witnessAnchor.KeyIdHex} but this ledger's anchor is {anchor.KeyIdHex}: the log was re-signed"));
            return;
        }
        var witnessed = SignedCheckpoint.Parse(File.ReadAllText(checkpointPath));
        if (CheckCheckpoint(witnessed, keys.KeyFor(witnessed.Checkpoint.Size).Verifies(witnessed), tree, keys, goodSizes, "the witness checkpoint") is { } problem)
        {
            problems.Add(problem);
        }
    }

    private VerificationProblem? CheckCheckpoint(SignedCheckpoint note, bool signed, MerkleTree tree, KeyChain keys, List<long> goodSizes, string what)
    {
        var size = note.Checkpoint.Size;
        // The last checkpoint that verified below this one bounds where the damage starts.
        var from = goodSizes.Where(s => s <= size).DefaultIfEmpty(0).Max();
        if (from == size && size > 0)
        {
            from = goodSizes.Where(s => s < size).DefaultIfEmpty(0).Max();
        }
        if (note.Checkpoint.Origin != origin)
        {
            return new(from, $"{what} of size {size} has origin '{note.Checkpoint.Origin}', not '{origin}'");
        }
        if (!signed)
        {
            return new(from, $"{what} of size {size} is not signed by the trusted key {keys.KeyFor(size).KeyIdHex}: entries from {from} cannot be trusted");
        }
        if (size > tree.Size)
        {
            return new(tree.Size, $"{what} covers {size} entries but the log holds {tree.Size}: entry {tree.Size} onward was removed");
        }
        if (!tree.Root(size).AsSpan().SequenceEqual(note.Checkpoint.RootHash))
        {
            var range = size - from == 1 ? $"entry {from}" : $"an entry in {from}..{size - 1}";
            return new(from, $"{what} of size {size}: the root re-derived from the entries differs: {range} was changed, removed or reordered");
        }
        return null;
    }
}
