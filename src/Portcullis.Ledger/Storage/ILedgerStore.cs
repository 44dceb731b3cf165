namespace Portcullis.Ledger.Storage;

/// <summary>
/// Where entries and signed checkpoints live. The store only keeps rows: sequencing, hashing, signing and
/// verifying happen above it, so SQLite and PostgreSQL behave the same.
/// </summary>
internal interface ILedgerStore : IDisposable
{
    /// <summary>A human-readable name of the location, for messages (never a password).</summary>
    string Description { get; }

    /// <summary>Starts the one write transaction that may append: concurrent writers, in this process or
    /// another, wait for it. Rows it inserts are durable once <see cref="ILedgerWriteTransaction.Commit"/> returns.</summary>
    ILedgerWriteTransaction BeginWrite();

    long Count();

    StoredEntry? ReadEntry(long index);

    /// <summary>Entries from <paramref name="fromIndex"/> in index order, streamed.</summary>
    IEnumerable<StoredEntry> ReadEntries(long fromIndex);

    /// <summary>Leaf hashes of [from, to) in order.</summary>
    IEnumerable<byte[]> ReadLeafHashes(long fromIndex, long toIndex);

    /// <summary>Every stored checkpoint, smallest size first.</summary>
    IReadOnlyList<string> ReadCheckpoints();

    string? LatestCheckpoint();

    /// <summary>Clears the body of entries recorded before the cutoff of their retention class; leaf hashes stay.
    /// Key rotations are kept: verifiers follow the key chain through them.</summary>
    int PruneBodies(DateTimeOffset standardCutoff, DateTimeOffset incidentCutoff, string incidentKind);
}

/// <summary>An open append transaction holding the log's write lock.</summary>
internal interface ILedgerWriteTransaction : IDisposable
{
    long Count();

    IEnumerable<byte[]> ReadLeafHashes(long fromIndex, long toIndex);

    void InsertEntries(IReadOnlyList<StoredEntry> entries);

    void InsertCheckpoint(long size, string note);

    void Commit();
}
