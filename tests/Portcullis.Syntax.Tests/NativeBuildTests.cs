using System.Diagnostics;

namespace Portcullis.Syntax.Tests;

/// <summary>native/build.sh names what is missing instead of failing somewhere inside a compiler.</summary>
public sealed class NativeBuildTests
{
    [Theory]
    [InlineData("npm", "npm is not installed")]
    [InlineData("cc", "no C compiler")]
    public void The_native_build_names_a_missing_tool(string missing, string message)
    {
        var tools = Directory.CreateTempSubdirectory("portcullis-path-");
        try
        {
            // A PATH holding only the basic tools the script needs, minus the one under test.
            foreach (var tool in new[] { "bash", "cat", "sha256sum", "cut", "dirname", "npm", "cc", "env" }.Where(t => t != missing))
            {
                var found = Which(tool);
                if (found is not null)
                {
                    File.CreateSymbolicLink(Path.Combine(tools.FullName, tool), found);
                }
            }
            var start = new ProcessStartInfo(Which("bash")!) { RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "native", "build.sh"));
            start.ArgumentList.Add(Path.Combine(tools.FullName, "out"));
            start.Environment["PATH"] = tools.FullName;
            start.Environment.Remove("CC");
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains(message, stderr, StringComparison.Ordinal);
        }
        finally
        {
            tools.Delete(recursive: true);
        }
    }

    private static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portcullis.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("repository root not found");
    }
}
