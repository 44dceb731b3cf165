using System.Text;
using Portcullis.Core;

namespace Portcullis.Analysis.Fixing;

/// <summary>Applies byte-range edits to a UTF-8 source.</summary>
public static class TextEdits
{
    /// <summary>The edited text, or null when edits overlap or fall outside the source.</summary>
    public static string? Apply(byte[] source, IReadOnlyList<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.StartByte).ToArray();
        var result = new List<byte>(source.Length + 64);
        var position = 0;
        foreach (var edit in ordered)
        {
            if (edit.StartByte < position || edit.EndByte < edit.StartByte || edit.EndByte > source.Length)
            {
                return null;
            }
            result.AddRange(source.AsSpan(position, edit.StartByte - position));
            result.AddRange(Encoding.UTF8.GetBytes(edit.NewText));
            position = edit.EndByte;
        }
        result.AddRange(source.AsSpan(position));
        return Encoding.UTF8.GetString(result.ToArray());
    }
}
