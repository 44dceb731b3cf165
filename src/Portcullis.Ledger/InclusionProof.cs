namespace Portcullis.Ledger;

/// <summary>An RFC 6962 audit path: leaf <see cref="Index"/> is in the tree of <see cref="Size"/> leaves.</summary>
public sealed record InclusionProof(long Index, long Size, byte[] LeafHash, IReadOnlyList<byte[]> Hashes);

/// <summary>An RFC 6962 consistency proof: the tree of <see cref="OldSize"/> is a prefix of the tree of <see cref="NewSize"/>.</summary>
public sealed record ConsistencyProof(long OldSize, long NewSize, IReadOnlyList<byte[]> Hashes);
