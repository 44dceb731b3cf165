namespace Portcullis.Cli.Targets;

/// <summary>
/// Expands the paths given on the command line into files to scan: directories are walked respecting
/// every .gitignore on the way down, skipping version-control and vendored folders.
/// </summary>
internal static class FileCollector
{
    /// <summary>Folders of other people's code or tool state: scanning them is noise, not signal.</summary>
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "node_modules", "bower_components", "vendor", "third_party", "third-party",
        ".venv", "venv", "site-packages", "__pycache__", "Pods", ".tox", ".mypy_cache", ".gradle", ".idea",
    };

    /// <summary>Files and whether each was named explicitly (explicit files get stricter errors).</summary>
    public static IEnumerable<(string Path, bool Explicit)> Collect(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return (path, true);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Walk(path, []))
                {
                    yield return (file, false);
                }
            }
            else
            {
                throw new UsageException($"no such file or directory: {path}");
            }
        }
    }

    private static IEnumerable<string> Walk(string directory, List<GitignoreRules> inherited)
    {
        var rules = inherited;
        var gitignore = Path.Combine(directory, ".gitignore");
        if (File.Exists(gitignore))
        {
            rules = [.. inherited, new GitignoreRules(directory, File.ReadLines(gitignore))];
        }
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal).ToList();
        }
        catch (UnauthorizedAccessException)
        {
            yield break;
        }
        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            var isDirectory = Directory.Exists(entry);
            if (new FileInfo(entry).LinkTarget is not null)
            {
                continue;
            }
            if (isDirectory && SkippedDirectories.Contains(name))
            {
                continue;
            }
            if (Ignored(entry, isDirectory, rules))
            {
                continue;
            }
            if (isDirectory)
            {
                foreach (var file in Walk(entry, rules))
                {
                    yield return file;
                }
            }
            else
            {
                yield return entry;
            }
        }
    }

    private static bool Ignored(string path, bool isDirectory, List<GitignoreRules> rules)
    {
        bool? decision = null;
        foreach (var rule in rules)
        {
            var relative = Path.GetRelativePath(rule.BaseDirectory, path).Replace('\\', '/');
            decision = rule.Decide(relative, isDirectory) ?? decision;
        }
        return decision == true;
    }
}
