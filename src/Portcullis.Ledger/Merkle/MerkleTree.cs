namespace Portcullis.Ledger.Merkle;

/// <summary>
/// An append-only RFC 6962 tree held in memory as the hashes of every complete subtree, level by level
/// (32 bytes each, contiguous per level: about 64 bytes per leaf in all). A root, an inclusion proof or a
/// consistency proof for any size up to <see cref="Size"/> then costs O(log² n) hashes at most, without
/// touching storage.
/// </summary>
public sealed class MerkleTree
{
    private readonly List<HashLevel> _levels = [new HashLevel()];

    public long Size => _levels[0].Count;

    public void Append(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"a leaf hash has {MerkleHash.Size} bytes", nameof(leafHash));
        }
        _levels[0].Add(leafHash);
        var index = _levels[0].Count - 1;
        Span<byte> parent = stackalloc byte[MerkleHash.Size];
        for (var level = 0; (index & 1) == 1; level++)
        {
            // The new node completes a pair: its parent becomes a complete subtree one level up.
            if (_levels.Count == level + 1)
            {
                _levels.Add(new HashLevel());
            }
            MerkleHash.Node(_levels[level].Get(index - 1), _levels[level].Get(index), parent);
            _levels[level + 1].Add(parent);
            index >>= 1;
        }
    }

    /// <summary>The leaf hash at <paramref name="index"/>.</summary>
    public byte[] LeafHash(long index)
    {
        if (index < 0 || index >= Size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"no leaf {index} in a tree of {Size}");
        }
        return _levels[0].Get(index).ToArray();
    }

    public byte[] Root() => Root(Size);

    /// <summary>The root of the tree made of the first <paramref name="size"/> leaves.</summary>
    public byte[] Root(long size)
    {
        RequireSize(size);
        return size == 0 ? MerkleHash.EmptyRoot.ToArray() : SubtreeHash(0, size);
    }

    /// <summary>The RFC 6962 audit path PATH(index, D[0:size]).</summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long size)
    {
        RequireSize(size);
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"leaf {index} is not in a tree of size {size}");
        }
        var proof = new List<byte[]>();
        Path(index, 0, size, proof);
        proof.Reverse();
        return proof;
    }

    /// <summary>The RFC 6962 consistency proof PROOF(oldSize, D[0:newSize]).</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long oldSize, long newSize)
    {
        RequireSize(newSize);
        if (oldSize <= 0 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"a consistency proof needs 0 < old size ≤ new size, not {oldSize} and {newSize}");
        }
        var proof = new List<byte[]>();
        SubProof(oldSize, 0, newSize, completeSubtree: true, proof);
        proof.Reverse();
        return proof;
    }

    // PATH(m, D[start:end]) appended leaf-last; the caller reverses it into leaf-first order.
    private void Path(long m, long start, long end, List<byte[]> proof)
    {
        var n = end - start;
        if (n <= 1)
        {
            return;
        }
        var k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            proof.Add(SubtreeHash(start + k, end));
            Path(m, start, start + k, proof);
        }
        else
        {
            proof.Add(SubtreeHash(start, start + k));
            Path(m - k, start + k, end, proof);
        }
    }

    // SUBPROOF(m, D[start:end], b), collected top-down; the caller reverses it.
    private void SubProof(long m, long start, long end, bool completeSubtree, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!completeSubtree)
            {
                proof.Add(SubtreeHash(start, end));
            }
            return;
        }
        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            proof.Add(SubtreeHash(start + k, end));
            SubProof(m, start, start + k, completeSubtree, proof);
        }
        else
        {
            proof.Add(SubtreeHash(start, start + k));
            SubProof(m - k, start + k, end, completeSubtree: false, proof);
        }
    }

    /// <summary>MTH(D[start:end]): a stored node when the range is a complete aligned subtree, else split.</summary>
    private byte[] SubtreeHash(long start, long end)
    {
        var n = end - start;
        if ((n & (n - 1)) == 0)
        {
            var level = System.Numerics.BitOperations.TrailingZeroCount(n);
            return _levels[level].Get(start >> level).ToArray();
        }
        var k = LargestPowerOfTwoBelow(n);
        return MerkleHash.Node(SubtreeHash(start, start + k), SubtreeHash(start + k, end));
    }

    private static long LargestPowerOfTwoBelow(long n) => 1L << (63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(n - 1)));

    private void RequireSize(long size)
    {
        if (size < 0 || size > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"the tree has {Size} leaves, not {size}");
        }
    }

    /// <summary>One level of complete-subtree hashes in one growable buffer (no object per hash).</summary>
    private sealed class HashLevel
    {
        private byte[] _buffer = new byte[MerkleHash.Size * 16];

        public long Count { get; private set; }

        public void Add(ReadOnlySpan<byte> hash)
        {
            var offset = Count * MerkleHash.Size;
            if (offset + MerkleHash.Size > _buffer.LongLength)
            {
                Array.Resize(ref _buffer, checked((int)Math.Min(Array.MaxLength, _buffer.LongLength * 2)));
            }
            hash.CopyTo(_buffer.AsSpan((int)offset, MerkleHash.Size));
            Count++;
        }

        public ReadOnlySpan<byte> Get(long index) => _buffer.AsSpan(checked((int)(index * MerkleHash.Size)), MerkleHash.Size);
    }
}
