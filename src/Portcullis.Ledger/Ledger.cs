using Portcullis.Ledger.Checkpoints;
using Portcullis.Ledger.Entries;
using Portcullis.Ledger.Keys;
using Portcullis.Ledger.Merkle;
using Portcullis.Ledger.Storage;
using Portcullis.Ledger.Verification;

namespace Portcullis.Ledger;

/// <summary>
/// The tamper-evident, append-only record of decisions. Appends from concurrent callers are grouped:
/// one caller writes everything queued so far in one durable transaction with one signed checkpoint,
/// and every caller in the group gets its receipt when that transaction commits. The Merkle tree is
/// held in memory (complete-subtree hashes) and caught up from the store before each write, so other
/// processes appending to the same store are seen.
/// </summary>
public sealed class Ledger : IDisposable
{
    public const string CheckpointFile = "ledger-checkpoint";

    private readonly ILedgerStore _store;
    private readonly LedgerOptions _options;
    private readonly Lock _treeLock = new();
    private readonly Lock _queueLock = new();
    private readonly Lock _checkpointFileLock = new();
    private List<PendingAppend> _queue = [];
    private bool _writing;
    // Built on first use, so a damaged store can still be opened and verified.
    private MerkleTree? _tree;
    private NoteSigner _signer;

    private Ledger(ILedgerStore store, LedgerOptions options, NoteSigner signer)
    {
        _store = store;
        _options = options;
        _signer = signer;
    }

    /// <summary>Opens (or creates) the ledger the options name: SQLite in the data folder, or PostgreSQL.</summary>
    public static Ledger Open(LedgerOptions options)
    {
        var dir = options.DataDirectory;
        var dbPath = Path.Combine(dir, "ledger.db");
        if (!options.CreateIfMissing)
        {
            if (!Directory.Exists(dir))
            {
                throw new LedgerNotFoundException($"no ledger data folder at {dir}");
            }
            if (!File.Exists(LedgerKeyFiles.SigningKeyPath(dir)) || (options.PostgresConnectionString is null && !File.Exists(dbPath)))
            {
                throw new LedgerNotFoundException($"no ledger in {dir} (no signing key or database)");
            }
        }
        Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        ILedgerStore store = options.PostgresConnectionString is { } cs ? new PostgresLedgerStore(cs) : new SqliteLedgerStore(dbPath);
        try
        {
            var signer = LedgerKeyFiles.LoadOrCreateSigner(dir, options.Origin);
            var ledger = new Ledger(store, options, signer);
            ledger.FinishInterruptedRotation();
            return ledger;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public string Description => _store.Description;

    public string Origin => _options.Origin;

    public string DataDirectory => _options.DataDirectory;

    /// <summary>The pinned first public key every checkpoint chain starts from.</summary>
    public NoteKey TrustAnchor => LedgerKeyFiles.LoadTrustAnchor(_options.DataDirectory, _options.Origin);

    /// <summary>The key that signs new checkpoints.</summary>
    public NoteKey SigningKey => _signer.Verifier;

    public long Count
    {
        get
        {
            lock (_treeLock)
            {
                CatchUp(_store.Count(), (from, to) => _store.ReadLeafHashes(from, to));
                return Tree.Size;
            }
        }
    }

    public Receipt Append(LedgerEntry entry) => AppendAsync(entry).GetAwaiter().GetResult();

    /// <summary>Appends an entry; completes once it is durable. Concurrent calls share one transaction.</summary>
    public Task<Receipt> AppendAsync(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry is KeyRotation)
        {
            throw new ArgumentException("key rotations are appended by RotateKey, which signs them", nameof(entry));
        }
        return Enqueue(Prepare(entry, null));
    }

    /// <summary>Appends many entries in one transaction (imports, benchmark setup).</summary>
    public IReadOnlyList<Receipt> AppendBatch(IReadOnlyList<LedgerEntry> entries)
    {
        if (entries.Any(e => e is KeyRotation))
        {
            throw new ArgumentException("key rotations are appended by RotateKey", nameof(entries));
        }
        var pending = entries.Select(e => Prepare(e, null)).ToList();
        WriteBatch(pending);
        return pending.Select(p => p.Completion.Task.Result).ToList();
    }

    /// <summary>
    /// Replaces the signing key. The rotation entry carries the previous key's endorsement of the new one,
    /// so a verifier pinned to the old key follows the change; the checkpoint that includes it is the
    /// first signed by the new key.
    /// </summary>
    public Receipt RotateKey(string actor, string reason)
    {
        var next = NoteSigner.Generate(_options.Origin);
        LedgerKeyFiles.WriteOwnerOnly(LedgerKeyFiles.NextKeyPath(_options.DataDirectory), next.PrivateKeyPem());
        var newPublic = Convert.ToBase64String(next.Verifier.SubjectPublicKeyInfo);
        var endorsement = _signer.SignData(KeyRotation.EndorsedText(_options.Origin, newPublic));
        var rotation = new KeyRotation(actor, _options.Origin, _signer.Verifier.KeyIdHex, next.Verifier.KeyIdHex, newPublic, Convert.ToBase64String(endorsement), reason);
        var receipt = Enqueue(Prepare(rotation, next)).GetAwaiter().GetResult();
        return receipt;
    }

    public LedgerRecord? Read(long index)
    {
        var row = _store.ReadEntry(index);
        return row is null ? null : new LedgerRecord(row.Index, row.LeafHash, row.Kind, row.RecordedAt, row.Body);
    }

    public IEnumerable<LedgerRecord> ReadAll() =>
        _store.ReadEntries(0).Select(row => new LedgerRecord(row.Index, row.LeafHash, row.Kind, row.RecordedAt, row.Body));

    public IReadOnlyList<SignedCheckpoint> StoredCheckpoints() => _store.ReadCheckpoints().Select(SignedCheckpoint.Parse).ToList();

    public SignedCheckpoint? LatestCheckpoint() => _store.LatestCheckpoint() is { } text ? SignedCheckpoint.Parse(text) : null;

    /// <summary>Signs and stores a checkpoint of the whole log now, unless the latest one already covers it.</summary>
    public SignedCheckpoint Checkpoint()
    {
        using var write = _store.BeginWrite();
        lock (_treeLock)
        {
            CatchUp(write.Count(), write.ReadLeafHashes);
            if (LatestCheckpoint() is { } latest && latest.Checkpoint.Size == Tree.Size)
            {
                return latest;
            }
            var signed = _signer.Sign(new Checkpoint(_options.Origin, Tree.Size, Tree.Root()));
            write.InsertCheckpoint(Tree.Size, signed.Text);
            write.Commit();
            SaveLocalCheckpoint(signed);
            return signed;
        }
    }

    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves.</summary>
    public InclusionProof Prove(long index, long size)
    {
        lock (_treeLock)
        {
            EnsureSize(size);
            var hashes = Tree.InclusionProof(index, size);
            return new InclusionProof(index, size, Tree.LeafHash(index), hashes);
        }
    }

    public ConsistencyProof Consistency(long oldSize, long newSize)
    {
        lock (_treeLock)
        {
            EnsureSize(newSize);
            return new ConsistencyProof(oldSize, newSize, Tree.ConsistencyProof(oldSize, newSize));
        }
    }

    public byte[] Root(long size)
    {
        lock (_treeLock)
        {
            EnsureSize(size);
            return Tree.Root(size);
        }
    }

    /// <summary>Re-derives every leaf, the tree and every checkpoint from the stored rows; see <see cref="LedgerVerifier"/>.</summary>
    public VerificationReport Verify(string? witnessDirectory = null) =>
        new LedgerVerifier(_store, _options.Origin, LedgerKeyFiles.LoadTrustAnchor(_options.DataDirectory, _options.Origin))
            .Verify(LocalCheckpoint(), witnessDirectory);

    /// <summary>Clears entry bodies past their retention period; leaf hashes (and so every proof) stay.</summary>
    public int Prune()
    {
        var now = _options.TimeProvider.GetUtcNow();
        return _store.PruneBodies(now - _options.StandardRetention, now - _options.IncidentRetention, "incident_record");
    }

    /// <summary>Copies rows verbatim into this (empty) ledger; they must verify against this folder's trust anchor.</summary>
    public void ImportRows(IReadOnlyList<StoredEntry> rows, IReadOnlyList<string> checkpoints)
    {
        using var write = _store.BeginWrite();
        lock (_treeLock)
        {
            if (write.Count() != 0)
            {
                throw new LedgerCorruptException("import needs an empty ledger");
            }
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Index != i)
                {
                    throw new LedgerCorruptException($"import: entry {i} is missing (found {rows[i].Index})");
                }
                if (rows[i].Body is { } body && !MerkleHash.Leaf(body).AsSpan().SequenceEqual(rows[i].LeafHash))
                {
                    throw new LedgerCorruptException($"import: entry {i} does not match its leaf hash");
                }
            }
            write.InsertEntries(rows);
            foreach (var note in checkpoints)
            {
                write.InsertCheckpoint(SignedCheckpoint.Parse(note).Checkpoint.Size, note);
            }
            write.Commit();
        }
        RebuildTree();
    }

    public void Dispose()
    {
        _signer.Dispose();
        _store.Dispose();
    }

    internal SignedCheckpoint? LocalCheckpoint()
    {
        var path = Path.Combine(_options.DataDirectory, CheckpointFile);
        return File.Exists(path) ? SignedCheckpoint.Parse(File.ReadAllText(path)) : null;
    }

    private Task<Receipt> Enqueue(PendingAppend pending)
    {
        bool lead;
        lock (_queueLock)
        {
            _queue.Add(pending);
            lead = !_writing;
            _writing = true;
        }
        if (lead)
        {
            DrainQueue(leaderOnce: true);
        }
        return pending.Completion.Task;
    }

    // The leader writes one batch (which holds its own entry), then hands the rest to a dedicated thread so
    // it is not held hostage by later arrivals. Not to the thread pool: callers of the synchronous Append
    // block pool threads while they wait, and a starved pool would hold back the very batch they wait for.
    private void DrainQueue(bool leaderOnce)
    {
        while (true)
        {
            List<PendingAppend> batch;
            lock (_queueLock)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }
                var take = Math.Min(_queue.Count, _options.MaxBatch);
                // A rotation ends a batch: the entries after it are signed with the new key.
                var rotation = _queue.FindIndex(p => p.NextSigner is not null);
                if (rotation >= 0)
                {
                    take = Math.Min(take, rotation + 1);
                }
                batch = _queue.GetRange(0, take);
                _queue.RemoveRange(0, take);
            }
            WriteBatch(batch);
            if (leaderOnce)
            {
                lock (_queueLock)
                {
                    if (_queue.Count == 0)
                    {
                        _writing = false;
                        return;
                    }
                }
                _ = Task.Factory.StartNew(() => DrainQueue(leaderOnce: false), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                return;
            }
        }
    }

    private void WriteBatch(List<PendingAppend> batch)
    {
        try
        {
            var next = batch.LastOrDefault(p => p.NextSigner is not null)?.NextSigner;
            var signer = next ?? _signer;
            SignedCheckpoint signed;
            long first;
            using (var write = _store.BeginWrite())
            {
                lock (_treeLock)
                {
                    try
                    {
                        CatchUp(write.Count(), write.ReadLeafHashes);
                        first = Tree.Size;
                        var rows = batch.Select((p, i) => new StoredEntry(first + i, p.Leaf, p.Body, p.Entry.Kind, p.Entry.Timestamp)).ToList();
                        write.InsertEntries(rows);
                        foreach (var p in batch)
                        {
                            Tree.Append(p.Leaf);
                        }
                        signed = signer.Sign(new Checkpoint(_options.Origin, Tree.Size, Tree.Root()));
                        write.InsertCheckpoint(Tree.Size, signed.Text);
                        write.Commit();
                    }
                    catch
                    {
                        // The in-memory tree may be ahead of what was committed: rebuild it from the store.
                        RebuildTree();
                        throw;
                    }
                }
            }
            if (next is not null)
            {
                File.Move(LedgerKeyFiles.NextKeyPath(_options.DataDirectory), LedgerKeyFiles.SigningKeyPath(_options.DataDirectory), overwrite: true);
                var old = _signer;
                _signer = next;
                old.Dispose();
            }
            SaveLocalCheckpoint(signed);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.SetResult(new Receipt(first + i, batch[i].Leaf, signed));
            }
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(e);
            }
        }
    }

    // The last checkpoint this host saw, outside the database: an administrator who truncates the log and
    // its checkpoints table cannot also roll this back. Written after the commit, so it never runs ahead.
    private void SaveLocalCheckpoint(SignedCheckpoint signed)
    {
        lock (_checkpointFileLock)
        {
            var path = Path.Combine(_options.DataDirectory, CheckpointFile);
            if (File.Exists(path) && SignedCheckpoint.Parse(File.ReadAllText(path)).Checkpoint.Size >= signed.Checkpoint.Size)
            {
                return;
            }
            // Unique per write: several ledgers in one process (replicas sharing a data folder) write here too.
            var temp = path + "." + Path.GetRandomFileName() + ".tmp";
            File.WriteAllText(temp, signed.Text);
            File.Move(temp, path, overwrite: true);
        }
    }

    private void EnsureSize(long size)
    {
        if (size > Tree.Size)
        {
            CatchUp(_store.Count(), (from, to) => _store.ReadLeafHashes(from, to));
        }
        if (size < 0 || size > Tree.Size)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"the ledger has {Tree.Size} entries, not {size}");
        }
    }

    private void CatchUp(long storedCount, Func<long, long, IEnumerable<byte[]>> readLeaves)
    {
        if (storedCount < Tree.Size)
        {
            throw new LedgerCorruptException($"the stored log has {storedCount} entries but {Tree.Size} were seen: entries were removed");
        }
        if (storedCount > Tree.Size)
        {
            foreach (var leaf in readLeaves(Tree.Size, storedCount))
            {
                Tree.Append(leaf);
            }
        }
    }

    private MerkleTree Tree
    {
        get
        {
            if (_tree is null)
            {
                var tree = new MerkleTree();
                var count = _store.Count();
                foreach (var leaf in _store.ReadLeafHashes(0, count))
                {
                    tree.Append(leaf);
                }
                _tree = tree;
            }
            return _tree;
        }
    }

    private void RebuildTree()
    {
        lock (_treeLock)
        {
            _tree = null;
        }
    }

    // A crash between committing a rotation and renaming the new key file leaves the new key beside the
    // old one: adopt it when the log holds its rotation, drop it otherwise.
    private void FinishInterruptedRotation()
    {
        var nextPath = LedgerKeyFiles.NextKeyPath(_options.DataDirectory);
        if (!File.Exists(nextPath))
        {
            return;
        }
        var next = NoteSigner.FromPem(_options.Origin, File.ReadAllText(nextPath));
        var rotated = _store.ReadEntries(0)
            .Where(r => r.Kind == "key_rotation" && r.Body is not null)
            .Select(r => EntryCodec.Decode(r.Body!))
            .OfType<KeyRotation>()
            .Any(r => r.NewKeyId == next.Verifier.KeyIdHex);
        if (rotated)
        {
            File.Move(nextPath, LedgerKeyFiles.SigningKeyPath(_options.DataDirectory), overwrite: true);
            _signer.Dispose();
            _signer = next;
        }
        else
        {
            next.Dispose();
            File.Delete(nextPath);
        }
    }

    // Stamped and encoded by the appending caller, in parallel with the other callers: the writer's
    // batch then only inserts, signs and flushes (encoding the canonical JSON was half of its time). The
    // timestamp is the time of the append, which is when the decision it records was made.
    private PendingAppend Prepare(LedgerEntry entry, NoteSigner? nextSigner)
    {
        var stamped = entry with { Timestamp = _options.TimeProvider.GetUtcNow() };
        var body = EntryCodec.Encode(stamped);
        return new PendingAppend(stamped, nextSigner, body, MerkleHash.Leaf(body));
    }

    private sealed record PendingAppend(LedgerEntry Entry, NoteSigner? NextSigner, byte[] Body, byte[] Leaf)
    {
        public TaskCompletionSource<Receipt> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
