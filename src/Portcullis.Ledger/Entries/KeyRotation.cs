namespace Portcullis.Ledger.Entries;

/// <summary>
/// The checkpoint signing key changed. <see cref="Endorsement"/> is the previous key's signature over
/// <see cref="EndorsedText"/>, so a verifier that trusts the previous key learns the new one, and a log
/// re-signed under a key nobody endorsed is refused.
/// </summary>
public sealed record KeyRotation(
    string Actor,
    string Origin,
    string PreviousKeyId,
    string NewKeyId,
    string NewPublicKey,
    string Endorsement,
    string Reason) : LedgerEntry(Actor)
{
    public override string Kind => "key_rotation";

    /// <summary>What the previous key signs: the origin and the new key's SubjectPublicKeyInfo.</summary>
    public static byte[] EndorsedText(string origin, string newPublicKeyBase64) =>
        System.Text.Encoding.UTF8.GetBytes($"portcullis key rotation\n{origin}\n{newPublicKeyBase64}\n");
}
