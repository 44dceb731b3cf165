using System.Security.Cryptography;
using Portcullis.Ledger.Checkpoints;

namespace Portcullis.Ledger.Keys;

/// <summary>
/// The key material in the data folder: the current private signing key (owner-only), the trust anchor
/// (the first public key, pinned: a log re-signed under another key does not verify against it) and a
/// key being rotated in, kept beside the current one until the rotation entry is durable.
/// </summary>
internal static class LedgerKeyFiles
{
    public const string SigningKeyFile = "ledger-signing-key.pem";
    public const string NextKeyFile = "ledger-signing-key.next.pem";
    public const string TrustAnchorFile = "ledger-trust-anchor.pub";

    public static string SigningKeyPath(string dir) => Path.Combine(dir, SigningKeyFile);

    public static string NextKeyPath(string dir) => Path.Combine(dir, NextKeyFile);

    public static string TrustAnchorPath(string dir) => Path.Combine(dir, TrustAnchorFile);

    /// <summary>Loads the signing key, generating it (and pinning its public half) on first use.</summary>
    public static NoteSigner LoadOrCreateSigner(string dir, string origin)
    {
        var keyPath = SigningKeyPath(dir);
        if (!File.Exists(keyPath))
        {
            var signer = NoteSigner.Generate(origin);
            WriteOwnerOnly(keyPath, signer.PrivateKeyPem());
            if (!File.Exists(TrustAnchorPath(dir)))
            {
                WriteOwnerOnly(TrustAnchorPath(dir), signer.Verifier.ToPem());
            }
            return signer;
        }
        var loaded = NoteSigner.FromPem(origin, File.ReadAllText(keyPath));
        if (!File.Exists(TrustAnchorPath(dir)))
        {
            throw new CryptographicException($"the trust anchor {TrustAnchorPath(dir)} is missing: the ledger cannot prove which key it trusts");
        }
        return loaded;
    }

    public static NoteKey LoadTrustAnchor(string dir, string origin)
    {
        var path = TrustAnchorPath(dir);
        if (!File.Exists(path))
        {
            throw new CryptographicException($"no trust anchor at {path}");
        }
        return NoteKey.FromPem(origin, File.ReadAllText(path));
    }

    /// <summary>Writes a file readable and writable by its owner only, atomically (temp file, then rename).</summary>
    public static void WriteOwnerOnly(string path, string content)
    {
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
