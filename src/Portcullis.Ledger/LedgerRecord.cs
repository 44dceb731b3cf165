using Portcullis.Ledger.Entries;

namespace Portcullis.Ledger;

/// <summary>A stored entry as read back: <see cref="Body"/> (and <see cref="Entry"/>) are null once retention pruned it.</summary>
public sealed record LedgerRecord(long Index, byte[] LeafHash, string Kind, DateTimeOffset RecordedAt, byte[]? Body)
{
    public LedgerEntry? Entry => Body is null ? null : EntryCodec.Decode(Body);
}
