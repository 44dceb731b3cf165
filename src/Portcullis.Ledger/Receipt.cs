using Portcullis.Ledger.Checkpoints;

namespace Portcullis.Ledger;

/// <summary>What an append returns once the entry is durable: its position, its leaf hash and the signed
/// checkpoint of the tree that first included it.</summary>
public sealed record Receipt(long Index, byte[] LeafHash, SignedCheckpoint Checkpoint);
