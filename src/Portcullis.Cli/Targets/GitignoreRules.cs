using System.Text;
using System.Text.RegularExpressions;

namespace Portcullis.Cli.Targets;

/// <summary>
/// The patterns of one .gitignore file, applied to paths relative to the folder that holds it.
/// Supports comments, negation (<c>!</c>), directory-only patterns (trailing <c>/</c>), anchoring (a
/// <c>/</c> anywhere but the end), <c>*</c>, <c>?</c>, <c>[...]</c> and <c>**</c>. The last matching
/// pattern wins, as in git.
/// </summary>
internal sealed class GitignoreRules
{
    private readonly List<(Regex Pattern, bool Negated, bool DirectoryOnly)> _rules = [];

    public GitignoreRules(string baseDirectory, IEnumerable<string> lines)
    {
        BaseDirectory = baseDirectory;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            line = line.TrimEnd(' ');
            var negated = line.StartsWith('!');
            if (negated)
            {
                line = line[1..];
            }
            var directoryOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            if (line.Length == 0)
            {
                continue;
            }
            var anchored = line.Contains('/', StringComparison.Ordinal);
            line = line.TrimStart('/');
            _rules.Add((new Regex(ToRegex(line, anchored), RegexOptions.CultureInvariant), negated, directoryOnly));
        }
    }

    public string BaseDirectory { get; }

    /// <summary>True (ignored), false (re-included by a negation) or null (no pattern speaks).</summary>
    public bool? Decide(string relativePath, bool isDirectory)
    {
        bool? decision = null;
        foreach (var (pattern, negated, directoryOnly) in _rules)
        {
            if (directoryOnly && !isDirectory)
            {
                continue;
            }
            if (pattern.IsMatch(relativePath))
            {
                decision = !negated;
            }
        }
        return decision;
    }

    private static string ToRegex(string glob, bool anchored)
    {
        var regex = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slashFollows = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slashFollows ? "(?:.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[')
            {
                var end = glob.IndexOf(']', i + 1);
                if (end < 0)
                {
                    regex.Append("\\[");
                    continue;
                }
                var set = glob[(i + 1)..end].Replace("\\", "\\\\", StringComparison.Ordinal);
                regex.Append('[').Append(set.StartsWith('!') ? "^" + set[1..] : set).Append(']');
                i = end;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }
        return regex.Append("$").ToString();
    }
}
