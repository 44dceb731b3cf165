using System.Text;

namespace Portcullis.Gate.Http;

/// <summary>
/// Reads a unified diff (git or plain) into the text each file gains: the added and context lines of
/// every hunk, in order, per new path. Without the rest of the file that is what the patch puts there,
/// so it is what the gate can judge. Deleted files contribute nothing.
/// </summary>
public static class UnifiedDiff
{
    public static IReadOnlyList<(string Path, string Added)> AddedText(string patch)
    {
        var files = new List<(string Path, StringBuilder Text)>();
        StringBuilder? current = null;
        var inHunk = false;
        foreach (var raw in patch.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = PathOf(raw[4..]);
                current = path is null ? null : new StringBuilder();
                if (path is not null)
                {
                    files.Add((path, current!));
                }
                inHunk = false;
                continue;
            }
            if (raw.StartsWith("@@", StringComparison.Ordinal))
            {
                if (current is null && files.Count == 0)
                {
                    throw new GateRequestException(400, "the patch has a hunk before any '+++ path' header");
                }
                inHunk = current is not null;
                continue;
            }
            if (raw.StartsWith("diff ", StringComparison.Ordinal) || raw.StartsWith("--- ", StringComparison.Ordinal))
            {
                inHunk = false;
                continue;
            }
            if (!inHunk || current is null)
            {
                continue;
            }
            if (raw.StartsWith('+') || raw.StartsWith(' '))
            {
                current.Append(raw, 1, raw.Length - 1).Append('\n');
            }
        }
        if (files.Count == 0)
        {
            throw new GateRequestException(400, "the patch names no file ('+++ path' lines): send a unified diff");
        }
        return files.Select(f => (f.Path, f.Text.ToString())).ToList();
    }

    private static string? PathOf(string header)
    {
        var path = header.Split('\t')[0].Trim();
        if (path == "/dev/null")
        {
            return null;
        }
        return path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path;
    }
}
