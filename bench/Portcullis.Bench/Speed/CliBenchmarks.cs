using System.Diagnostics;
using System.Globalization;
using Portcullis.Bench.Corpora;

namespace Portcullis.Bench.Speed;

/// <summary>
/// Whole-process measurements of the <c>portcullis</c> command: the cold start a hook pays for one small
/// file, and directory-scan throughput over the OWASP Benchmark sources written out as a project.
/// </summary>
internal static class CliBenchmarks
{
    public static int ColdStart(IReadOnlyList<string> args, TextWriter stdout)
    {
        var cli = LocateCli(CorpusCommand.Option(args, "--cli"));
        var file = CorpusCommand.Option(args, "--file") ?? Path.Combine(RepositoryRoot(), "examples", "secure", "accounts.py");
        var runs = int.TryParse(CorpusCommand.Option(args, "--runs"), out var n) ? n : 21;
        RunCli(cli, ["scan", file]);
        var samples = Enumerable.Range(0, runs).Select(_ => RunCli(cli, ["scan", file])).ToList();
        stdout.WriteLine($"cold start, `portcullis scan {Path.GetFileName(file)}` ({new FileInfo(file).Length} bytes): {Percentiles.Of(samples)}");
        return 0;
    }

    /// <summary>Claude Code's PreToolUse hook, process start to exit, for a 30-line Write.</summary>
    public static int Hook(IReadOnlyList<string> args, TextWriter stdout)
    {
        var cli = LocateCli(CorpusCommand.Option(args, "--cli"));
        var runs = int.TryParse(CorpusCommand.Option(args, "--runs"), out var n) ? n : 21;
        var payload = HookPayload();
        RunCli(cli, ["hook", "claude"], payload);
        var samples = Enumerable.Range(0, runs).Select(_ => RunCli(cli, ["hook", "claude"], payload)).ToList();
        stdout.WriteLine($"hook end to end, `portcullis hook claude`, 30-line Write: {Percentiles.Of(samples)}");
        return 0;
    }

    /// <summary>Claude Code's PreToolUse payload for a 30-line Python Write.</summary>
    internal static string HookPayload()
    {
        var lines = new List<string> { "import json", "", "def handler(request):" };
        lines.AddRange(Enumerable.Range(0, 26).Select(i => $"    v{i} = request.args.get('k{i}')"));
        lines.Add("    return json.dumps({'ok': True})");
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            session_id = "bench",
            transcript_path = "/tmp/bench.jsonl",
            cwd = Path.GetTempPath(),
            permission_mode = "default",
            hook_event_name = "PreToolUse",
            tool_name = "Write",
            tool_input = new { file_path = Path.Combine(Path.GetTempPath(), "portcullis-hook-bench", "app.py"), content = string.Join('\n', lines) + "\n" },
            tool_use_id = "toolu_bench",
        });
    }

    public static int Throughput(IReadOnlyList<string> args, TextWriter stdout)
    {
        var cli = LocateCli(CorpusCommand.Option(args, "--cli"));
        var directory = SharedBench.Locate(CorpusCommand.Option(args, "--corpus-dir"));
        var project = Path.Combine(Path.GetTempPath(), "portcullis-throughput");
        if (Directory.Exists(project))
        {
            Directory.Delete(project, recursive: true);
        }
        long bytes = 0;
        var files = 0;
        foreach (var name in new[] { "owasp-benchmark-java.jsonl", "owasp-benchmark-python.jsonl" })
        {
            foreach (var record in CorpusRecord.Load(Path.Combine(directory, name)))
            {
                var path = Path.Combine(project, record.Path ?? record.Id);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, record.Code);
                bytes += new FileInfo(path).Length;
                files++;
            }
        }
        var runs = int.TryParse(CorpusCommand.Option(args, "--runs"), out var n) ? n : 3;
        var samples = Enumerable.Range(0, runs).Select(_ => RunCli(cli, ["scan", project, "--format", "json", "--output", "/dev/null"])).Order().ToList();
        var median = samples[samples.Count / 2];
        var megabytes = bytes / 1024.0 / 1024.0;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"directory scan: {files} files, {megabytes:F1} MB, median {median / 1000:F2} s over {runs} runs → {megabytes / (median / 1000):F1} MB/s ({Environment.ProcessorCount} cores)"));
        Directory.Delete(project, recursive: true);
        return 0;
    }

    internal static double RunCli(string cli, string[] arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        if (process.ExitCode == 2)
        {
            throw new InvalidOperationException($"{cli} {string.Join(' ', arguments)} failed with exit code 2");
        }
        return elapsed;
    }

    internal static string LocateCli(string? given)
    {
        if (given is not null)
        {
            return given;
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "portcullis");
        return File.Exists(beside) ? beside : throw new FileNotFoundException("cannot find the portcullis executable; pass --cli PATH");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portcullis.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("cannot find the repository root (Portcullis.slnx)");
    }
}
