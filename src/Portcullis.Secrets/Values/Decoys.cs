using System.Text.RegularExpressions;

namespace Portcullis.Secrets.Values;

/// <summary>
/// High-entropy values that are not secrets: UUIDs, digests and commit SHAs, subresource integrity
/// hashes, data URIs, public keys and certificates.
/// </summary>
internal static partial class Decoys
{
    public static bool IsUuid(string value) => Uuid().IsMatch(value);

    public static bool IsDecoy(string value) =>
        Uuid().IsMatch(value)
        || value.StartsWith("sha256-", StringComparison.Ordinal) || value.StartsWith("sha384-", StringComparison.Ordinal) || value.StartsWith("sha512-", StringComparison.Ordinal)
        || value.StartsWith("data:", StringComparison.Ordinal)
        || value.StartsWith("ssh-rsa ", StringComparison.Ordinal) || value.StartsWith("ssh-ed25519 ", StringComparison.Ordinal)
        || value.Contains("PUBLIC KEY", StringComparison.Ordinal) || value.Contains("CERTIFICATE", StringComparison.Ordinal)
        || DigestWithAlgorithm().IsMatch(value)
        || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith('/') || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("~/", StringComparison.Ordinal);

    [GeneratedRegex("^[{]?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}[}]?$")]
    private static partial Regex Uuid();

    /// <summary><c>sha256:…</c>, <c>md5:…</c>: a digest labelled with its algorithm.</summary>
    [GeneratedRegex("^(?:sha1|sha224|sha256|sha384|sha512|md5|blake2b|blake3)[:=][0-9a-fA-F]{32,128}$", RegexOptions.IgnoreCase)]
    private static partial Regex DigestWithAlgorithm();
}
