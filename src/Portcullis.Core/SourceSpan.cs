namespace Portcullis.Core;

/// <summary>
/// A region of a source text. Lines and columns are 1-based; columns count UTF-16 code units, as SARIF
/// expects by default. Byte offsets are 0-based into the UTF-8 text, end exclusive.
/// </summary>
public readonly record struct SourceSpan(int StartLine, int StartColumn, int EndLine, int EndColumn, int StartByte, int EndByte)
{
    public bool Contains(SourceSpan other) => StartByte <= other.StartByte && other.EndByte <= EndByte;

    public bool Overlaps(SourceSpan other) => StartByte < other.EndByte && other.StartByte < EndByte;
}
