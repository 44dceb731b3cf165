using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Portcullis.Ledger.Checkpoints;

/// <summary>
/// An ECDSA P-256 note verifier key: its name, its SubjectPublicKeyInfo and the key id, the first four
/// bytes of SHA-256(SPKI) (the form Sigstore and transparency-dev use for ECDSA checkpoint signers).
/// Signatures are DER-encoded ECDSA over SHA-256 of the note text.
/// </summary>
public sealed class NoteKey
{
    private readonly ECDsa _key;

    private NoteKey(string name, ECDsa key, byte[] spki)
    {
        Name = name;
        _key = key;
        SubjectPublicKeyInfo = spki;
        KeyId = ComputeKeyId(spki);
    }

    public string Name { get; }

    public byte[] SubjectPublicKeyInfo { get; }

    public uint KeyId { get; }

    public string KeyIdHex => KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    public static uint ComputeKeyId(ReadOnlySpan<byte> spki) => BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(spki));

    public static NoteKey FromSubjectPublicKeyInfo(string name, byte[] spki)
    {
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(spki, out var read);
        if (read != spki.Length || key.KeySize != 256)
        {
            key.Dispose();
            throw new CryptographicException("the public key is not a P-256 SubjectPublicKeyInfo");
        }
        return new NoteKey(name, key, spki);
    }

    public static NoteKey FromPem(string name, string pem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return FromSubjectPublicKeyInfo(name, key.ExportSubjectPublicKeyInfo());
    }

    public string ToPem() => PemEncoding.WriteString("PUBLIC KEY", SubjectPublicKeyInfo);

    public bool Verifies(byte[] text, NoteSignature signature) =>
        signature.KeyName == Name && signature.KeyId == KeyId &&
        _key.VerifyData(text, signature.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>Checks a DER ECDSA signature over arbitrary data (key rotation endorsements).</summary>
    public bool VerifiesRaw(byte[] data, byte[] signature) =>
        _key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>True when one of the note's signatures is this key's and is valid.</summary>
    public bool Verifies(SignedCheckpoint note)
    {
        var body = note.Checkpoint.BodyBytes();
        return note.Signatures.Any(s => Verifies(body, s));
    }
}
