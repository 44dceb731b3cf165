using Portcullis.Ledger.Checkpoints;
using Portcullis.Ledger.Entries;

namespace Portcullis.Ledger.Verification;

/// <summary>
/// Which key signs checkpoints of which sizes: the pinned anchor from the start, then each key a
/// rotation entry introduced with a valid endorsement by the key before it, for trees that include
/// that entry.
/// </summary>
internal sealed class KeyChain(NoteKey anchor)
{
    private readonly List<(long FromSize, NoteKey Key)> _keys = [(0, anchor)];

    public NoteKey Current => _keys[^1].Key;

    public NoteKey KeyFor(long size) => _keys.Last(k => k.FromSize <= size).Key;

    /// <summary>Follows a rotation entry at <paramref name="index"/>; returns a problem when it is not endorsed.</summary>
    public string? Follow(long index, byte[] body, string origin)
    {
        KeyRotation rotation;
        try
        {
            rotation = EntryCodec.Decode(body) as KeyRotation ?? throw new System.Text.Json.JsonException("not a key rotation");
        }
        catch (System.Text.Json.JsonException e)
        {
            return $"entry {index} claims to be a key rotation but is not one ({e.Message})";
        }
        if (rotation.PreviousKeyId != Current.KeyIdHex)
        {
            return $"entry {index} rotates from key {rotation.PreviousKeyId}, but the trusted key is {Current.KeyIdHex}";
        }
        try
        {
            var next = NoteKey.FromSubjectPublicKeyInfo(origin, Convert.FromBase64String(rotation.NewPublicKey));
            if (next.KeyIdHex != rotation.NewKeyId)
            {
                return $"entry {index}: the new key id {rotation.NewKeyId} is not that of its public key";
            }
            if (!Current.VerifiesRaw(KeyRotation.EndorsedText(origin, rotation.NewPublicKey), Convert.FromBase64String(rotation.Endorsement)))
            {
                return $"entry {index}: the key rotation is not endorsed by the trusted key {Current.KeyIdHex}";
            }
            _keys.Add((index + 1, next));
            return null;
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return $"entry {index}: the key rotation is malformed ({e.Message})";
        }
    }
}
