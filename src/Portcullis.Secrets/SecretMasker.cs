using System.Security.Cryptography;
using System.Text;

namespace Portcullis.Secrets;

/// <summary>
/// The only form in which a secret leaves the gate: at most its first four characters (fewer for short
/// values) and a salted HMAC-SHA-256 fingerprint, so two reports of the same secret can be matched
/// without either of them holding it. The salt is per installation (PORTCULLIS_SECRETS_SALT); without
/// it a built-in salt still keeps the raw value out of every output.
/// </summary>
public sealed class SecretMasker
{
    private const string DefaultSalt = "portcullis/secrets/v1";
    private readonly byte[] _salt;

    public SecretMasker(string? salt = null)
    {
        _salt = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(salt) ? DefaultSalt : salt);
    }

    public static SecretMasker Default { get; } = new();

    /// <summary>A masker salted from the environment variable PORTCULLIS_SECRETS_SALT when it is set.</summary>
    public static SecretMasker FromEnvironment() =>
        Environment.GetEnvironmentVariable("PORTCULLIS_SECRETS_SALT") is { Length: > 0 } salt ? new SecretMasker(salt) : Default;

    /// <summary>Hex of the first 8 bytes of HMAC-SHA-256(salt, value).</summary>
    public string Fingerprint(string value)
    {
        var hash = HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(value));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>
    /// <c>ghp_…[secret:1a2b3c4d5e6f7a8b]</c>. Values shorter than 12 characters show fewer leading
    /// characters (a quarter of the value at most) so a short password is not half printed.
    /// </summary>
    public string Mask(string value)
    {
        var visible = Math.Min(4, value.Length / 4);
        var prefix = value[..visible];
        return $"{prefix}…[secret:{Fingerprint(value)}]";
    }
}
