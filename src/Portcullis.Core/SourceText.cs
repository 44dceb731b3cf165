using System.Text;

namespace Portcullis.Core;

/// <summary>
/// A text under analysis: its path (or a pseudo-path such as "&lt;stdin&gt;"), its language id and its
/// content, kept both as a string and as the UTF-8 bytes that tree-sitter offsets refer to.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;

    public SourceText(string path, string language, string text)
    {
        Path = path;
        Language = language;
        Text = text;
        Utf8 = Encoding.UTF8.GetBytes(text);
    }

    public string Path { get; }

    /// <summary>Language id from <c>LanguageIds</c>, or "text" when no grammar applies.</summary>
    public string Language { get; }

    public string Text { get; }

    public byte[] Utf8 { get; }

    /// <summary>The text of a UTF-8 byte range.</summary>
    public string Slice(int startByte, int endByte) => Encoding.UTF8.GetString(Utf8, startByte, endByte - startByte);

    /// <summary>The 1-based line and UTF-16 column of a UTF-8 byte offset.</summary>
    public (int Line, int Column) Position(int byteOffset)
    {
        var starts = LineStarts();
        var line = Array.BinarySearch(starts, byteOffset);
        if (line < 0)
        {
            line = ~line - 1;
        }
        var column = Encoding.UTF8.GetCharCount(Utf8, starts[line], byteOffset - starts[line]);
        return (line + 1, column + 1);
    }

    public SourceSpan Span(int startByte, int endByte)
    {
        var (startLine, startColumn) = Position(startByte);
        var (endLine, endColumn) = Position(endByte);
        return new SourceSpan(startLine, startColumn, endLine, endColumn, startByte, endByte);
    }

    /// <summary>The 1-based line number holding a byte offset.</summary>
    public int LineOf(int byteOffset) => Position(byteOffset).Line;

    /// <summary>The text of a 1-based line without its line break.</summary>
    public string Line(int line)
    {
        var starts = LineStarts();
        var start = starts[line - 1];
        var end = line < starts.Length ? starts[line] : Utf8.Length;
        while (end > start && (Utf8[end - 1] == '\n' || Utf8[end - 1] == '\r'))
        {
            end--;
        }
        return Slice(start, end);
    }

    public int LineCount => LineStarts().Length;

    private int[] LineStarts()
    {
        if (_lineStarts is not null)
        {
            return _lineStarts;
        }
        var starts = new List<int> { 0 };
        for (var i = 0; i < Utf8.Length; i++)
        {
            if (Utf8[i] == '\n' && i + 1 <= Utf8.Length)
            {
                starts.Add(i + 1);
            }
        }
        if (starts.Count > 1 && starts[^1] == Utf8.Length)
        {
            starts.RemoveAt(starts.Count - 1);
        }
        return _lineStarts = starts.ToArray();
    }
}
