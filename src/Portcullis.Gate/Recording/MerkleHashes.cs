using System.Security.Cryptography;

namespace Portcullis.Gate.Recording;

/// <summary>RFC 6962 hashing: leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ left ‖ right).</summary>
internal static class MerkleHashes
{
    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var buffer = new byte[entry.Length + 1];
        entry.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>MTH over leaves[start..start+count).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves, int start, int count)
    {
        if (count == 0)
        {
            return SHA256.HashData([]);
        }
        if (count == 1)
        {
            return leaves[start];
        }
        var split = LargestPowerOfTwoBelow(count);
        return Node(Root(leaves, start, split), Root(leaves, start + split, count - split));
    }

    /// <summary>PATH(m, D[start..start+count)) of RFC 6962 §2.1.1.</summary>
    public static void AuditPath(IReadOnlyList<byte[]> leaves, int index, int start, int count, List<byte[]> path)
    {
        if (count <= 1)
        {
            return;
        }
        var split = LargestPowerOfTwoBelow(count);
        if (index < split)
        {
            AuditPath(leaves, index, start, split, path);
            path.Add(Root(leaves, start + split, count - split));
        }
        else
        {
            AuditPath(leaves, index - split, start + split, count - split, path);
            path.Add(Root(leaves, start, split));
        }
    }

    public static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }
        return k;
    }
}
