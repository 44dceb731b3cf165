namespace Portcullis.Bench.Corpora;

/// <summary>Finds ../shared/bench: given with --corpus-dir, or beside the repository the bench runs from.</summary>
internal static class SharedBench
{
    public static string Locate(string? given)
    {
        if (given is not null)
        {
            return Directory.Exists(given) ? given : throw new DirectoryNotFoundException($"no corpus folder at {given}");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "bench");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("cannot find ../shared/bench; pass --corpus-dir");
    }
}
