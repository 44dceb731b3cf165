using System.Text;
using System.Text.RegularExpressions;

namespace Portcullis.Gate.Policy;

/// <summary>
/// A path glob: <c>**</c> crosses directories, <c>*</c> and <c>?</c> do not. A pattern matches a path
/// or any tail of it that starts at a directory boundary, so <c>.github/workflows/**</c> catches an
/// absolute path inside any checkout. Paths are normalized first (separators, <c>.</c> and <c>..</c>)
/// and compared without case, so <c>src/../.GitHub/workflows/x.yml</c> cannot slip past.
/// </summary>
public sealed class PathPattern
{
    private readonly Regex _regex;

    public PathPattern(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new PolicyException("a path pattern is empty");
        }
        Pattern = pattern.Trim();
        _regex = new Regex("^" + Translate(Normalize(Pattern).TrimStart('/')) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
    }

    public string Pattern { get; }

    public bool Matches(string path)
    {
        var normalized = Normalize(path).TrimStart('/');
        if (_regex.IsMatch(normalized))
        {
            return true;
        }
        for (var slash = normalized.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = normalized.IndexOf('/', slash + 1))
        {
            if (_regex.IsMatch(normalized[(slash + 1)..]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Forward slashes, no empty, <c>.</c> or <c>..</c> segments (a <c>..</c> at the top is dropped).</summary>
    public static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
                continue;
            }
            segments.Add(segment);
        }
        return (path.StartsWith('/') ? "/" : "") + string.Join('/', segments);
    }

    private static string Translate(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" matches zero or more directories; a trailing "**" matches everything below.
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }
        return regex.ToString();
    }

    public override string ToString() => Pattern;
}
