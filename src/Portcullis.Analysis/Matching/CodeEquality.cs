namespace Portcullis.Analysis.Matching;

/// <summary>Two pieces of code are the same when they differ at most in whitespace.</summary>
internal static class CodeEquality
{
    public static bool SameCode(byte[] source, int aStart, int aEnd, int bStart, int bEnd)
    {
        if (aStart == bStart && aEnd == bEnd)
        {
            return true;
        }
        var i = aStart;
        var j = bStart;
        while (true)
        {
            while (i < aEnd && IsSpace(source[i])) i++;
            while (j < bEnd && IsSpace(source[j])) j++;
            if (i == aEnd || j == bEnd)
            {
                return i == aEnd && j == bEnd;
            }
            if (source[i] != source[j])
            {
                return false;
            }
            i++;
            j++;
        }
    }

    public static bool SameBytes(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => a.SequenceEqual(b);

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';
}
