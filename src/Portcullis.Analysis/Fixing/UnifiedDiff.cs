using System.Text;

namespace Portcullis.Analysis.Fixing;

/// <summary>
/// A unified diff of two versions of one file, hunks with three lines of context. The lines both
/// versions share at the start and end are set aside first; what is left between (for a fix, a few
/// lines) is aligned by longest common subsequence, so a fix that adds an import at the top and changes
/// a call further down shows as two small hunks. A middle too large to align falls back to one hunk.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Largest middle region (lines before × lines after) aligned line by line.</summary>
    private const long MaxAlignedCells = 4_000_000;

    public static string Create(string path, string before, string after)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var operations = Align(a, b);
        if (operations.All(o => o.Kind == ' '))
        {
            return string.Empty;
        }
        var diff = new StringBuilder();
        diff.Append("--- a/").Append(path).Append('\n');
        diff.Append("+++ b/").Append(path).Append('\n');
        foreach (var (first, last) in Hunks(operations))
        {
            AppendHunk(diff, operations, first, last);
        }
        return diff.ToString();
    }

    private readonly record struct Line(char Kind, string Text, int LineA, int LineB);

    /// <summary>The edit script: ' ' kept, '-' removed, '+' added, with each line's 0-based index in a and b.</summary>
    private static List<Line> Align(string[] a, string[] b)
    {
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
        var lines = new List<Line>(a.Length + b.Length);
        for (var i = 0; i < prefix; i++)
        {
            lines.Add(new Line(' ', a[i], i, i));
        }
        AlignMiddle(a, b, prefix, a.Length - suffix, b.Length - suffix, lines);
        for (var k = suffix; k > 0; k--)
        {
            lines.Add(new Line(' ', a[^k], a.Length - k, b.Length - k));
        }
        return lines;
    }

    private static void AlignMiddle(string[] a, string[] b, int start, int endA, int endB, List<Line> lines)
    {
        int n = endA - start, m = endB - start;
        if ((long)n * m > MaxAlignedCells)
        {
            for (var i = start; i < endA; i++) lines.Add(new Line('-', a[i], i, -1));
            for (var j = start; j < endB; j++) lines.Add(new Line('+', b[j], -1, j));
            return;
        }
        // common[i, j]: length of the longest common subsequence of a[start+i..endA) and b[start+j..endB).
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                common[i, j] = a[start + i] == b[start + j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[start + x] == b[start + y])
            {
                lines.Add(new Line(' ', a[start + x], start + x, start + y));
                x++;
                y++;
            }
            else if (x < n && (y == m || common[x + 1, y] >= common[x, y + 1]))
            {
                lines.Add(new Line('-', a[start + x], start + x, -1));
                x++;
            }
            else
            {
                lines.Add(new Line('+', b[start + y], -1, start + y));
                y++;
            }
        }
    }

    /// <summary>Ranges of the script to print: each change with its context, overlapping ranges joined.</summary>
    private static List<(int First, int Last)> Hunks(List<Line> lines)
    {
        var hunks = new List<(int First, int Last)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind == ' ')
            {
                continue;
            }
            var first = Math.Max(0, i - Context);
            var last = Math.Min(lines.Count - 1, i + Context);
            if (hunks.Count > 0 && first <= hunks[^1].Last + 1)
            {
                hunks[^1] = (hunks[^1].First, last);
            }
            else
            {
                hunks.Add((first, last));
            }
        }
        return hunks;
    }

    private static void AppendHunk(StringBuilder diff, List<Line> lines, int first, int last)
    {
        var slice = lines.GetRange(first, last - first + 1);
        var countA = slice.Count(l => l.Kind != '+');
        var countB = slice.Count(l => l.Kind != '-');
        // A hunk's start is the first line it holds in each file; with none, the line before it.
        var startA = slice.FirstOrDefault(l => l.LineA >= 0) is { LineA: >= 0 } la ? la.LineA : StartBefore(lines, first, l => l.LineA);
        var startB = slice.FirstOrDefault(l => l.LineB >= 0) is { LineB: >= 0 } lb ? lb.LineB : StartBefore(lines, first, l => l.LineB);
        diff.Append("@@ -").Append(Range(startA, countA)).Append(" +").Append(Range(startB, countB)).Append(" @@\n");
        foreach (var line in slice)
        {
            diff.Append(line.Kind).Append(line.Text).Append('\n');
        }
    }

    private static int StartBefore(List<Line> lines, int index, Func<Line, int> lineOf)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (lineOf(lines[i]) >= 0)
            {
                return lineOf(lines[i]) + 1;
            }
        }
        return 0;
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
