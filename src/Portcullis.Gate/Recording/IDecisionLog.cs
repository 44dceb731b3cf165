using Portcullis.Ledger.Entries;

namespace Portcullis.Gate.Recording;

/// <summary>
/// What the gate needs from the ledger: append an entry durably and get a receipt, prove inclusion
/// against a signed checkpoint, and read who made an entry (so an agent can be refused other agents'
/// receipts). An Append that throws means "not recorded": callers fail closed.
/// <see cref="LedgerDecisionLog"/> implements it over <see cref="Portcullis.Ledger.Ledger"/>.
/// </summary>
public interface IDecisionLog
{
    LogReceipt Append(LedgerEntry entry);

    /// <summary>Append without holding a thread while the entry waits for its durable group commit.</summary>
    Task<LogReceipt> AppendAsync(LedgerEntry entry);

    /// <summary>The inclusion proof of an entry in the tree of the latest signed checkpoint; null when the index is not in the log.</summary>
    ReceiptProof? Prove(long index);

    /// <summary>Null when the index is not in the log.</summary>
    LoggedEntry? Read(long index);

    long Size { get; }

    /// <summary>The latest signed checkpoint (C2SP signed note), or an empty string for an empty log.</summary>
    string LatestCheckpoint { get; }
}

/// <summary>Where an entry landed: its index, its RFC 6962 leaf hash (hex) and the signed checkpoint that first covered it.</summary>
public sealed record LogReceipt(long Index, string LeafHash, string Checkpoint);

/// <summary>
/// An RFC 6962 inclusion proof of one leaf in the tree of <see cref="TreeSize"/> leaves, whose root
/// <see cref="RootHash"/> (hex) is the one signed in <see cref="Checkpoint"/>.
/// </summary>
public sealed record ReceiptProof(long Index, long TreeSize, string LeafHash, IReadOnlyList<string> AuditPath, string RootHash, string Checkpoint);

/// <summary>
/// An entry as stored: its kind, the actor (token id) that caused it and its canonical body. Actor and
/// body are null once retention pruned the body (the leaf hash stays).
/// </summary>
public sealed record LoggedEntry(long Index, string Kind, string? Actor, string? Body);
