using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Portcullis.Solidity.Tests;

/// <summary>
/// The pinned npm solc (Compiler/package.json, installed by the build): compiles contracts and returns
/// each one's errors. A missing node or compiler fails the test that asked, with the reason.
/// </summary>
internal static class SolidityCompiler
{
    private static readonly string Directory = typeof(SolidityCompiler).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SolidityCompilerDirectory").Value!;

    /// <summary>Compiles every source (name → text) in one compiler process; answers name → error messages.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Compile(IReadOnlyDictionary<string, string> sources)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("portcullis-solc-");
        try
        {
            var fileOf = new Dictionary<string, string>();
            foreach (var (name, text) in sources)
            {
                var file = Path.Combine(folder.FullName, name);
                File.WriteAllText(file, text);
                fileOf[file] = name;
            }

            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory };
            start.ArgumentList.Add(Path.Combine(Directory, "compile.js"));
            foreach (var file in fileOf.Keys)
            {
                start.ArgumentList.Add(file);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("solc did not finish within two minutes");
            }

            Assert.True(process.ExitCode == 0, $"solc failed (exit {process.ExitCode}); is {Directory}/node_modules installed? {stderr.Result}");
            var errors = JsonSerializer.Deserialize<Dictionary<string, string[]>>(stdout)!;
            return errors.ToDictionary(e => fileOf[e.Key], e => (IReadOnlyList<string>)e.Value);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
