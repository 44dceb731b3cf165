using Portcullis.Ledger.Merkle;

namespace Portcullis.Ledger.Tests;

/// <summary>The tree builds the RFC 6962 roots and proofs: known answers, then proofs that round-trip.</summary>
public sealed class MerkleTreeTests
{
    // The leaves of the RFC 6962 reference tests (also behind the shared vectors).
    private static readonly byte[][] ReferenceLeaves =
    [
        [],
        [0x00],
        [0x10],
        [0x20, 0x21],
        [0x30, 0x31],
        [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    private static readonly string[] ReferenceRoots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    private static MerkleTree ReferenceTree()
    {
        var tree = new MerkleTree();
        foreach (var leaf in ReferenceLeaves)
        {
            tree.Append(MerkleHash.Leaf(leaf));
        }
        return tree;
    }

    [Fact]
    public void Roots_of_the_reference_tree_match_RFC_6962_known_answers()
    {
        var tree = ReferenceTree();
        for (var size = 1; size <= 8; size++)
        {
            Assert.Equal(ReferenceRoots[size - 1], Convert.ToHexStringLower(tree.Root(size)));
        }
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(new MerkleTree().Root()));
    }

    [Fact]
    public void Generated_proofs_equal_the_happy_path_vectors()
    {
        var tree = ReferenceTree();
        var checkedCount = 0;
        foreach (var file in MerkleVectors.Files("inclusion").Where(f => f.EndsWith("happy-path.json", StringComparison.Ordinal)))
        {
            var v = MerkleVectors.Load(file);
            var size = (long)v.GetProperty("treeSize").GetUInt64();
            var index = (long)v.GetProperty("leafIdx").GetUInt64();
            Assert.Equal(Convert.ToBase64String(tree.Root(size)), v.GetProperty("root").GetString());
            Assert.Equal(MerkleVectors.Proof(v.GetProperty("proof")).Select(Convert.ToHexString), tree.InclusionProof(index, size).Select(Convert.ToHexString));
            checkedCount++;
        }
        foreach (var file in MerkleVectors.Files("consistency").Where(f => f.EndsWith("happy-path.json", StringComparison.Ordinal)))
        {
            var v = MerkleVectors.Load(file);
            var size1 = (long)v.GetProperty("size1").GetUInt64();
            var size2 = (long)v.GetProperty("size2").GetUInt64();
            Assert.Equal(MerkleVectors.Proof(v.GetProperty("proof")).Select(Convert.ToHexString), tree.ConsistencyProof(size1, size2).Select(Convert.ToHexString));
            checkedCount++;
        }
        Assert.True(checkedCount >= 8, $"only {checkedCount} happy paths compared");
    }

    [Fact]
    public void Every_inclusion_and_consistency_proof_up_to_size_70_verifies_and_has_the_expected_length()
    {
        var tree = new MerkleTree();
        for (var i = 0; i < 70; i++)
        {
            tree.Append(MerkleHash.Leaf(BitConverter.GetBytes(i)));
        }
        for (long size = 1; size <= 70; size++)
        {
            var root = tree.Root(size);
            for (long index = 0; index < size; index++)
            {
                var proof = tree.InclusionProof(index, size);
                Assert.Equal(MerkleProofVerifier.InclusionProofLength((ulong)index, (ulong)size), proof.Count);
                MerkleProofVerifier.VerifyInclusion((ulong)index, (ulong)size, tree.LeafHash(index), proof, root);
                if (size > 1)
                {
                    // The same proof must not prove a neighbouring leaf.
                    var other = (index + 1) % size;
                    Assert.Throws<InvalidProofException>(() => MerkleProofVerifier.VerifyInclusion((ulong)other, (ulong)size, tree.LeafHash(index), proof, root));
                }
            }
            for (long old = 1; old <= size; old++)
            {
                var proof = tree.ConsistencyProof(old, size);
                MerkleProofVerifier.VerifyConsistency((ulong)old, (ulong)size, proof, tree.Root(old), root);
                if (old < size)
                {
                    var wrongOld = MerkleHash.Leaf([0xff]);
                    Assert.Throws<InvalidProofException>(() => MerkleProofVerifier.VerifyConsistency((ulong)old, (ulong)size, proof, wrongOld, root));
                }
            }
        }
    }
}
