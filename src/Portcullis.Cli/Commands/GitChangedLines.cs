using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Portcullis.Cli.Commands;

/// <summary>
/// The lines added or changed since a git revision, per file (<c>git diff --unified=0 REV</c>), so that
/// <c>scan --diff REV</c> reports only findings on those lines.
/// </summary>
internal sealed partial class GitChangedLines
{
    private readonly Dictionary<string, List<(int Start, int Count)>> _hunks;

    private GitChangedLines(Dictionary<string, List<(int, int)>> hunks) => _hunks = hunks;

    public static GitChangedLines Since(string revision)
    {
        if (revision.StartsWith('-'))
        {
            throw new UsageException($"--diff takes a git revision, not '{revision}'");
        }
        var root = RunGit(["rev-parse", "--show-toplevel"]).Trim();
        var diff = RunGit(["-C", root, "diff", "--unified=0", "--no-color", "--no-ext-diff", revision, "--"]);
        var hunks = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        List<(int, int)>? current = null;
        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var name = line[4..].Trim();
                current = null;
                if (name.StartsWith("b/", StringComparison.Ordinal))
                {
                    hunks[Path.GetFullPath(Path.Combine(root, name[2..]))] = current = [];
                }
            }
            else if (current is not null && HunkHeader().Match(line) is { Success: true } m)
            {
                var start = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                var count = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                if (count > 0)
                {
                    current.Add((start, count));
                }
            }
        }
        return new GitChangedLines(hunks);
    }

    /// <summary>True when any line of [startLine, endLine] of the file was changed.</summary>
    public bool Touches(string path, int startLine, int endLine) =>
        _hunks.TryGetValue(Path.GetFullPath(path), out var hunks) && hunks.Any(h => h.Start <= endLine && startLine < h.Start + h.Count);

    public bool Changed(string path) => _hunks.ContainsKey(Path.GetFullPath(path));

    private static string RunGit(string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new UsageException("cannot run git");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new UsageException($"git {string.Join(' ', arguments)} failed: {error.Trim()}");
        }
        return output.Result;
    }

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex HunkHeader();
}
