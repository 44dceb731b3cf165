namespace Portcullis.Analysis.Matching;

/// <summary>One place a clause matched: a byte range and the bindings that made it match.</summary>
internal sealed record PatternMatch(int StartByte, int EndByte, Bindings Bindings)
{
    public bool Contains(PatternMatch other) => StartByte <= other.StartByte && other.EndByte <= EndByte;

    public bool SameRange(PatternMatch other) => StartByte == other.StartByte && EndByte == other.EndByte;
}
