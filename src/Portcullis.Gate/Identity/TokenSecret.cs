using System.Security.Cryptography;
using System.Text;

namespace Portcullis.Gate.Identity;

/// <summary>
/// The token format <c>pcg_ID_SECRET</c>: a public 16-hex-digit id (what logs and the ledger name) and
/// 256 random bits. Only SHA-256 of the whole token is stored, compared in constant time.
/// </summary>
public static class TokenSecret
{
    private const string Prefix = "pcg_";

    public static (string Id, string Token) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"{Prefix}{id}_{secret}");
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The id part of a well-formed token, or null.</summary>
    public static string? IdOf(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length < Prefix.Length + 17 || token[Prefix.Length + 16] != '_')
        {
            return null;
        }
        var id = token.Substring(Prefix.Length, 16);
        return id.All(char.IsAsciiHexDigitLower) ? id : null;
    }

    public static bool Matches(string token, string storedHash)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var stored = storedHash.Length == 64 ? Convert.FromHexString(storedHash) : new byte[32];
        return CryptographicOperations.FixedTimeEquals(presented, stored) && storedHash.Length == 64;
    }
}
