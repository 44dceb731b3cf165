namespace Portcullis.Ledger.Merkle;

/// <summary>
/// Checks inclusion and consistency proofs as RFC 9162 §2.1.3.2 and §2.1.4.2 describe. A proof must have
/// exactly the length the sizes call for: a missing, extra or reordered hash fails, as does a consistency
/// proof from the empty tree (it proves nothing: every tree is "consistent" with size 0).
/// </summary>
public static class MerkleProofVerifier
{
    /// <summary>Throws <see cref="InvalidProofException"/> unless <paramref name="leafHash"/> is leaf
    /// <paramref name="index"/> of the tree of <paramref name="size"/> leaves whose root is <paramref name="root"/>.</summary>
    public static void VerifyInclusion(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        var computed = RootFromInclusionProof(index, size, leafHash, proof);
        if (!computed.AsSpan().SequenceEqual(root))
        {
            throw new InvalidProofException($"inclusion proof for leaf {index} in a tree of {size} does not lead to the given root");
        }
    }

    /// <summary>The root that an inclusion proof implies for the given leaf.</summary>
    public static byte[] RootFromInclusionProof(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof)
    {
        if (index >= size)
        {
            throw new InvalidProofException($"leaf index {index} is not below the tree size {size}");
        }
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new InvalidProofException($"leaf hash has {leafHash.Length} bytes, not {MerkleHash.Size}");
        }
        RequireHashSizes(proof);
        var expected = InclusionProofLength(index, size);
        if (proof.Count != expected)
        {
            throw new InvalidProofException($"inclusion proof has {proof.Count} hashes; leaf {index} of {size} needs {expected}");
        }
        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                throw new InvalidProofException("inclusion proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(p, r, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHash.Node(r, p, r);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
        {
            throw new InvalidProofException("inclusion proof is shorter than the tree is deep");
        }
        return r;
    }

    /// <summary>Throws <see cref="InvalidProofException"/> unless the tree of <paramref name="size2"/> leaves
    /// with <paramref name="root2"/> extends the tree of <paramref name="size1"/> leaves with <paramref name="root1"/>.</summary>
    public static void VerifyConsistency(ulong size1, ulong size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        if (size1 == 0)
        {
            throw new InvalidProofException("a consistency proof from the empty tree proves nothing");
        }
        if (size2 < size1)
        {
            throw new InvalidProofException($"the new size {size2} is smaller than the old size {size1}");
        }
        if (size1 == size2)
        {
            if (proof.Count != 0)
            {
                throw new InvalidProofException("equal sizes need an empty consistency proof");
            }
            if (!root1.SequenceEqual(root2))
            {
                throw new InvalidProofException($"two different roots for the same size {size1}");
            }
            return;
        }
        if (root1.Length != MerkleHash.Size || root2.Length != MerkleHash.Size)
        {
            throw new InvalidProofException($"a root has {MerkleHash.Size} bytes");
        }
        RequireHashSizes(proof);
        var expected = ConsistencyProofLength(size1, size2);
        if (proof.Count != expected)
        {
            throw new InvalidProofException($"consistency proof has {proof.Count} hashes; {size1} to {size2} needs {expected}");
        }

        // When the old tree is a complete subtree of the new one, its root is the proof's implicit first hash.
        var path = new List<byte[]>(proof.Count + 1);
        if ((size1 & (size1 - 1)) == 0)
        {
            path.Add(root1.ToArray());
        }
        path.AddRange(proof);

        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = path[0].ToArray();
        var sr = path[0].ToArray();
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                throw new InvalidProofException("consistency proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(c, fr, fr);
                MerkleHash.Node(c, sr, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHash.Node(sr, c, sr);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
        {
            throw new InvalidProofException("consistency proof is too short");
        }
        if (!fr.AsSpan().SequenceEqual(root1))
        {
            throw new InvalidProofException($"consistency proof does not lead to the old root (size {size1})");
        }
        if (!sr.AsSpan().SequenceEqual(root2))
        {
            throw new InvalidProofException($"consistency proof does not lead to the new root (size {size2})");
        }
    }

    /// <summary>Hashes in an inclusion proof: the inner path below the split where index and size-1 part,
    /// plus one hash per set bit of the border above it (RFC 9162 decomposition).</summary>
    public static int InclusionProofLength(ulong index, ulong size)
    {
        var inner = InnerProofSize(index, size);
        var border = System.Numerics.BitOperations.PopCount(index >> inner);
        return inner + border;
    }

    public static int ConsistencyProofLength(ulong size1, ulong size2)
    {
        if (size1 == 0 || size1 >= size2)
        {
            return 0;
        }
        var inner = InnerProofSize(size1 - 1, size2);
        var shift = System.Numerics.BitOperations.TrailingZeroCount(size1);
        var border = System.Numerics.BitOperations.PopCount((size1 - 1) >> inner);
        var innerWithoutShared = inner - shift;
        // The old root itself is the first hash when size1 is a power of two; otherwise one extra seed hash.
        var seed = (size1 & (size1 - 1)) == 0 ? 0 : 1;
        return seed + innerWithoutShared + border;
    }

    private static int InnerProofSize(ulong index, ulong size) => 64 - System.Numerics.BitOperations.LeadingZeroCount(index ^ (size - 1));

    private static void RequireHashSizes(IReadOnlyList<byte[]> proof)
    {
        for (var i = 0; i < proof.Count; i++)
        {
            if (proof[i].Length != MerkleHash.Size)
            {
                throw new InvalidProofException($"proof hash {i} has {proof[i].Length} bytes, not {MerkleHash.Size}");
            }
        }
    }
}
