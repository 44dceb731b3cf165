namespace Portcullis.Ledger.Storage;

/// <summary>A row of the entries table. <see cref="Body"/> is null once retention has pruned it.</summary>
public sealed record StoredEntry(long Index, byte[] LeafHash, byte[]? Body, string Kind, DateTimeOffset RecordedAt);
