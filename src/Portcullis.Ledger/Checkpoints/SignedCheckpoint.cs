namespace Portcullis.Ledger.Checkpoints;

/// <summary>
/// A checkpoint as a C2SP signed note: the body, a blank line, then one or more signature lines.
/// <see cref="Text"/> is exactly what was stored or received, so it can be re-verified byte for byte.
/// </summary>
public sealed record SignedCheckpoint(Checkpoint Checkpoint, IReadOnlyList<NoteSignature> Signatures, string Text)
{
    public static SignedCheckpoint Create(Checkpoint checkpoint, IEnumerable<NoteSignature> signatures)
    {
        var list = signatures.ToList();
        return new SignedCheckpoint(checkpoint, list, checkpoint.Body() + "\n" + string.Concat(list.Select(s => s.Line())));
    }

    public static SignedCheckpoint Parse(string text)
    {
        if (text.Length > 1_000_000)
        {
            throw new FormatException("a signed note is at most 1 MB");
        }
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new FormatException("a signed note has a blank line between its text and its signatures");
        }
        var body = text[..(split + 1)];
        var signatureText = text[(split + 2)..];
        if (!signatureText.EndsWith('\n'))
        {
            throw new FormatException("a signed note ends with a newline");
        }
        var signatures = signatureText[..^1].Split('\n').Select(NoteSignature.ParseLine).ToList();
        if (signatures.Count == 0)
        {
            throw new FormatException("a signed note has at least one signature");
        }
        return new SignedCheckpoint(Checkpoint.ParseBody(body), signatures, text);
    }
}
