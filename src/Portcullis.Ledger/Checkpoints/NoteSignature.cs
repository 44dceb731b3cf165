namespace Portcullis.Ledger.Checkpoints;

/// <summary>One signature line of a signed note: <c>— name base64(key id ‖ signature)</c>.</summary>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature)
{
    public const string Dash = "\u2014";

    public string Line()
    {
        var blob = new byte[4 + Signature.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(blob, KeyId);
        Signature.CopyTo(blob, 4);
        return $"{Dash} {KeyName} {Convert.ToBase64String(blob)}\n";
    }

    public static NoteSignature ParseLine(string line)
    {
        if (!line.StartsWith(Dash + " ", StringComparison.Ordinal))
        {
            throw new FormatException("a signature line starts with an em dash and a space");
        }
        var parts = line[2..].Split(' ');
        if (parts.Length != 2 || parts[0].Length == 0)
        {
            throw new FormatException("a signature line has a key name and a base64 signature");
        }
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            throw new FormatException("a note signature is not base64");
        }
        if (blob.Length < 5)
        {
            throw new FormatException("a note signature is too short");
        }
        return new NoteSignature(parts[0], System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(blob), blob[4..]);
    }
}
