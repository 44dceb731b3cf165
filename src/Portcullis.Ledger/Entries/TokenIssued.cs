using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Portcullis.Ledger.Entries;

/// <summary>
/// The gate service issued an access token. Only an identifier and a short prefix of the token's SHA-256
/// are recorded: enough to match a token presented later, never enough to use it.
/// </summary>
public sealed record TokenIssued(
    string Actor,
    string TokenId,
    string TokenHashPrefix,
    string Subject,
    ImmutableArray<string> Scopes,
    DateTimeOffset? ExpiresAt) : LedgerEntry(Actor)
{
    public const int HashPrefixLength = 12;

    public override string Kind => "token_issued";

    public static TokenIssued For(string actor, string tokenId, string token, string subject, IEnumerable<string> scopes, DateTimeOffset? expiresAt) =>
        new(actor, tokenId, HashPrefix(token), subject, [.. scopes], expiresAt);

    public static string HashPrefix(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..HashPrefixLength];
}
