using System.Text;

namespace Portcullis.Analysis.Fixing;

/// <summary>
/// A unified diff of two versions of one file. Fixes change one contiguous region, so the diff is the
/// common prefix and suffix of lines with one hunk between them (plus three lines of context).
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string path, string before, string after)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        if (prefix == a.Length && prefix == b.Length)
        {
            return string.Empty;
        }
        var start = Math.Max(0, prefix - Context);
        var endA = Math.Min(a.Length, a.Length - suffix + Context);
        var endB = Math.Min(b.Length, b.Length - suffix + Context);
        var diff = new StringBuilder();
        diff.Append("--- a/").Append(path).Append('\n');
        diff.Append("+++ b/").Append(path).Append('\n');
        diff.Append("@@ -").Append(Range(start, endA - start)).Append(" +").Append(Range(start, endB - start)).Append(" @@\n");
        for (var i = start; i < prefix; i++) diff.Append(' ').Append(a[i]).Append('\n');
        for (var i = prefix; i < a.Length - suffix; i++) diff.Append('-').Append(a[i]).Append('\n');
        for (var i = prefix; i < b.Length - suffix; i++) diff.Append('+').Append(b[i]).Append('\n');
        for (var i = a.Length - suffix; i < endA; i++) diff.Append(' ').Append(a[i]).Append('\n');
        return diff.ToString();
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : $"{start + 1},{count}";

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}
