using System.Security.Cryptography;
using System.Text;

namespace Portcullis.Ledger.Checkpoints;

/// <summary>Signs checkpoints (and key endorsements) with an ECDSA P-256 private key.</summary>
public sealed class NoteSigner : IDisposable
{
    private readonly ECDsa _key;

    public NoteSigner(string name, ECDsa key)
    {
        if (key.KeySize != 256)
        {
            throw new CryptographicException("checkpoint keys are ECDSA P-256");
        }
        _key = key;
        Verifier = NoteKey.FromSubjectPublicKeyInfo(name, key.ExportSubjectPublicKeyInfo());
    }

    public NoteKey Verifier { get; }

    public static NoteSigner Generate(string name) => new(name, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static NoteSigner FromPem(string name, string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return new NoteSigner(name, key);
    }

    public string PrivateKeyPem() => PemEncoding.WriteString("PRIVATE KEY", _key.ExportPkcs8PrivateKey());

    public byte[] SignData(byte[] data) => _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public SignedCheckpoint Sign(Checkpoint checkpoint)
    {
        var signature = new NoteSignature(Verifier.Name, Verifier.KeyId, SignData(Encoding.UTF8.GetBytes(checkpoint.Body())));
        return SignedCheckpoint.Create(checkpoint, [signature]);
    }

    public void Dispose() => _key.Dispose();
}
