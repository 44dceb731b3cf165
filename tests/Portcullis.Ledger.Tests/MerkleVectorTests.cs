using Portcullis.Ledger.Merkle;

namespace Portcullis.Ledger.Tests;

/// <summary>Every inclusion and consistency vector, the edge cases included, gives the expected answer.</summary>
public sealed class MerkleVectorTests
{
    [Fact]
    public void Every_inclusion_vector_passes()
    {
        var files = MerkleVectors.Files("inclusion").ToList();
        Assert.True(files.Count >= 80, $"only {files.Count} inclusion vectors found");
        var failures = new List<string>();
        foreach (var file in files)
        {
            var v = MerkleVectors.Load(file);
            var wantError = v.GetProperty("wantErr").GetBoolean();
            string? error = null;
            try
            {
                MerkleProofVerifier.VerifyInclusion(
                    v.GetProperty("leafIdx").GetUInt64(),
                    v.GetProperty("treeSize").GetUInt64(),
                    MerkleVectors.Bytes(v.GetProperty("leafHash")),
                    MerkleVectors.Proof(v.GetProperty("proof")),
                    MerkleVectors.Bytes(v.GetProperty("root")));
            }
            catch (InvalidProofException e)
            {
                error = e.Message;
            }
            if ((error is not null) != wantError)
            {
                failures.Add($"{MerkleVectors.Relative(file)}: wantErr={wantError}, got {error ?? "success"}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void Every_consistency_vector_passes()
    {
        var files = MerkleVectors.Files("consistency").ToList();
        Assert.True(files.Count >= 80, $"only {files.Count} consistency vectors found");
        var failures = new List<string>();
        foreach (var file in files)
        {
            var v = MerkleVectors.Load(file);
            var wantError = v.GetProperty("wantErr").GetBoolean();
            string? error = null;
            try
            {
                MerkleProofVerifier.VerifyConsistency(
                    v.GetProperty("size1").GetUInt64(),
                    v.GetProperty("size2").GetUInt64(),
                    MerkleVectors.Proof(v.GetProperty("proof")),
                    MerkleVectors.Bytes(v.GetProperty("root1")),
                    MerkleVectors.Bytes(v.GetProperty("root2")));
            }
            catch (InvalidProofException e)
            {
                error = e.Message;
            }
            if ((error is not null) != wantError)
            {
                failures.Add($"{MerkleVectors.Relative(file)}: wantErr={wantError}, got {error ?? "success"}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void A_consistency_proof_from_size_zero_is_an_error_even_between_equal_empty_trees()
    {
        var empty = MerkleHash.EmptyRoot;
        Assert.Throws<InvalidProofException>(() => MerkleProofVerifier.VerifyConsistency(0, 0, [], empty, empty));
        Assert.Throws<InvalidProofException>(() => MerkleProofVerifier.VerifyConsistency(0, 5, [], empty, empty));
    }
}
