using System.Globalization;
using System.Text;
using Portcullis.Ledger.Merkle;

namespace Portcullis.Ledger.Checkpoints;

/// <summary>
/// A C2SP tlog-checkpoint body: the log's origin line, the tree size in decimal, the base64 root hash,
/// each on its own line ending in a newline. This is the text a signed note signs.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] RootHash)
{
    public string Body() =>
        string.Create(CultureInfo.InvariantCulture, $"{Origin}\n{Size}\n{Convert.ToBase64String(RootHash)}\n");

    /// <summary>Parses a checkpoint body strictly: any deviation from the format is an error.</summary>
    public static Checkpoint ParseBody(string body)
    {
        if (!body.EndsWith('\n'))
        {
            throw new FormatException("a checkpoint body ends with a newline");
        }
        var lines = body[..^1].Split('\n');
        if (lines.Length < 3)
        {
            throw new FormatException("a checkpoint has an origin, a size and a root hash line");
        }
        var origin = lines[0];
        if (origin.Length == 0 || origin.Trim() != origin)
        {
            throw new FormatException("the checkpoint origin line is empty or padded");
        }
        var sizeText = lines[1];
        if (sizeText.Length == 0 || !sizeText.All(char.IsAsciiDigit) || (sizeText.Length > 1 && sizeText[0] == '0')
            || !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw new FormatException($"the checkpoint size '{sizeText}' is not a decimal number without leading zeros");
        }
        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException)
        {
            throw new FormatException("the checkpoint root hash is not base64");
        }
        if (root.Length != MerkleHash.Size || Convert.ToBase64String(root) != lines[2])
        {
            throw new FormatException("the checkpoint root hash is not a canonical base64 SHA-256");
        }
        // Extension lines are allowed by the format; this log writes none and refuses empty ones.
        if (lines.Skip(3).Any(l => l.Length == 0))
        {
            throw new FormatException("a checkpoint has no empty lines before the signatures");
        }
        return new Checkpoint(origin, size, root);
    }

    public byte[] BodyBytes() => Encoding.UTF8.GetBytes(Body());

    public bool SameAs(Checkpoint other) =>
        Origin == other.Origin && Size == other.Size && RootHash.AsSpan().SequenceEqual(other.RootHash);
}
