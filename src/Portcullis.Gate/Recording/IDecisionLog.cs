namespace Portcullis.Gate.Recording;

/// <summary>
/// What the gate needs from the ledger: append an entry durably and get a receipt, prove inclusion,
/// and read who made an entry (so an agent can be refused other agents' receipts). An Append that
/// throws means "not recorded": callers fail closed.
/// ADAPTER POINT: implemented over Portcullis.Ledger once its Append / Prove / checkpoint API lands.
/// </summary>
public interface IDecisionLog
{
    LogReceipt Append(GateLogEntry entry);

    /// <summary>Append without holding a thread while the entry waits for its durable commit.</summary>
    Task<LogReceipt> AppendAsync(GateLogEntry entry);

    /// <summary>Null when the index is not in the log.</summary>
    InclusionProof? Prove(long index);

    /// <summary>Null when the index is not in the log.</summary>
    LoggedEntry? Read(long index);

    long Size { get; }

    string LatestCheckpoint { get; }
}

/// <summary>Where an entry landed: its index, its RFC 6962 leaf hash (hex) and a checkpoint that covers it.</summary>
public sealed record LogReceipt(long Index, string LeafHash, string Checkpoint);

/// <summary>An RFC 6962 inclusion proof of one leaf in the tree of <see cref="TreeSize"/> leaves.</summary>
public sealed record InclusionProof(long Index, long TreeSize, string LeafHash, IReadOnlyList<string> AuditPath, string RootHash, string Checkpoint);

/// <summary>An entry as stored: its kind, the actor (token id) that caused it and its canonical body.</summary>
public sealed record LoggedEntry(long Index, string Kind, string Actor, string Body);
