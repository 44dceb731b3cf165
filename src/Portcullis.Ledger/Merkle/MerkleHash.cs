using System.Buffers;
using System.Security.Cryptography;

namespace Portcullis.Ledger.Merkle;

/// <summary>
/// The RFC 6962 / RFC 9162 hashes: a leaf is SHA-256(0x00 ‖ data), an interior node SHA-256(0x01 ‖ left ‖ right).
/// The distinct prefixes keep a leaf from ever being passed off as an interior node (second preimages).
/// </summary>
public static class MerkleHash
{
    public const int Size = 32;

    /// <summary>The root of the empty tree: SHA-256 of nothing.</summary>
    public static byte[] EmptyRoot { get; } = SHA256.HashData([]);

    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var hash = new byte[Size];
        Leaf(data, hash);
        return hash;
    }

    public static void Leaf(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(data.Length + 1);
        try
        {
            buffer[0] = 0x00;
            data.CopyTo(buffer.AsSpan(1));
            SHA256.HashData(buffer.AsSpan(0, data.Length + 1), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        Node(left, right, hash);
        return hash;
    }

    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[1 + left.Length + right.Length];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + left.Length)..]);
        SHA256.HashData(buffer, destination);
    }
}
