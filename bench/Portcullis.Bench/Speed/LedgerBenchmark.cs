using System.Diagnostics;
using System.Globalization;
using Portcullis.Core;
using Portcullis.Ledger;
using Portcullis.Ledger.Entries;
using Portcullis.Ledger.Merkle;

namespace Portcullis.Bench.Speed;

/// <summary>
/// <c>ledger appends|scale|crash</c>: group-commit append throughput on SQLite with many concurrent
/// appenders; inclusion-proof latency and full verify at a large size (built with the batch path); and
/// SIGKILL of an appending child process at random points, after which every acknowledged entry must be
/// present and the log must verify.
/// </summary>
internal static class LedgerBenchmark
{
    public static int Run(string[] args, TextWriter output)
    {
        var mode = args.FirstOrDefault() ?? "appends";
        var options = args.Skip(1).Chunk(2).Where(c => c.Length == 2).ToDictionary(c => c[0], c => c[1]);
        int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var dir = Directory.CreateTempSubdirectory("portcullis-ledger-bench-").FullName;
        try
        {
            return mode switch
            {
                "appends" => Appends(dir, Option("--appenders", 64), Option("--count", 20_000), output),
                "scale" => Scale(dir, Option("--entries", 1_000_000), Option("--proofs", 10_000), output),
                "crash" => Crash(dir, Option("--count", 10_000), output),
                _ => throw new ArgumentException($"unknown ledger benchmark '{mode}' (appends, scale, crash)"),
            };
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static ScanDecision Decision(long n) => new(
        "agent:bench", $"sample-{n}", Verdict.Allow, false,
        [new DecisionFinding("python.sql-injection", Severity.High, Confidence.High, ["CWE-89"], ["A03:2021"], [], "app.py", 10, 4, $"fp{n:x12}", true, false)]);

    private static int Appends(string dir, int appenders, int count, TextWriter output)
    {
        using var ledger = Ledger.Ledger.Open(new LedgerOptions(dir));
        ledger.Append(Decision(-1)); // warm up: key, connection pool, JIT
        var checkpointsBefore = ledger.StoredCheckpoints().Count;
        var next = -1L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, appenders).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                await ledger.AppendAsync(Decision(next)).ConfigureAwait(false);
            }
        })).ToArray();
        Task.WaitAll(workers);
        clock.Stop();
        var commits = ledger.StoredCheckpoints().Count - checkpointsBefore;
        output.WriteLine(FormattableString.Invariant(
            $"ledger appends (SQLite, WAL, synchronous=FULL): {count} entries from {appenders} concurrent appenders in {clock.Elapsed.TotalSeconds:F2} s = {count / clock.Elapsed.TotalSeconds:F0} appends/s; {commits} durable commits (mean group {(double)count / commits:F1})"));
        return 0;
    }

    private static int Scale(string dir, int entries, int proofs, TextWriter output)
    {
        using (var ledger = Ledger.Ledger.Open(new LedgerOptions(dir)))
        {
            var build = Stopwatch.StartNew();
            const int chunk = 50_000;
            for (var start = 0; start < entries; start += chunk)
            {
                ledger.AppendBatch([.. Enumerable.Range(start, Math.Min(chunk, entries - start)).Select(i => (LedgerEntry)Decision(i))]);
            }
            output.WriteLine(FormattableString.Invariant($"built {entries} entries with the batch path in {build.Elapsed.TotalSeconds:F1} s"));
        }
        using (var ledger = Ledger.Ledger.Open(new LedgerOptions(dir) { CreateIfMissing = false }))
        {
            var open = Stopwatch.StartNew();
            var size = ledger.Count;
            var root = ledger.Root(size);
            output.WriteLine(FormattableString.Invariant($"reopen and load the tree of {size} leaves: {open.Elapsed.TotalSeconds:F2} s"));
            var random = new Random(1);
            var samples = new List<double>(proofs);
            for (var i = 0; i < proofs; i++)
            {
                var index = random.NextInt64(size);
                var t = Stopwatch.GetTimestamp();
                var proof = ledger.Prove(index, size);
                samples.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (i % 100 == 0)
                {
                    MerkleProofVerifier.VerifyInclusion((ulong)index, (ulong)size, proof.LeafHash, proof.Hashes, root);
                }
            }
            output.WriteLine($"inclusion proof at {size} entries: {Percentiles.Of(samples)}");
            var verify = Stopwatch.StartNew();
            var report = ledger.Verify();
            output.WriteLine(FormattableString.Invariant(
                $"verify of {report.Entries} entries and {report.CheckpointsChecked} checkpoints: {(report.Ok ? "ok" : "FAILED")} in {verify.Elapsed.TotalSeconds:F1} s"));
            return report.Ok ? 0 : 1;
        }
    }

    private static int Crash(string dir, int count, TextWriter output)
    {
        var cli = typeof(Cli.ExitCodes).Assembly.Location;
        var acknowledged = new HashSet<long>();
        var random = new Random(42);
        var kills = 0;
        while (acknowledged.Count < count)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { cli, "ledger", "debug-append", (count - acknowledged.Count).ToString(CultureInfo.InvariantCulture), "--data", dir })
            {
                start.ArgumentList.Add(arg);
            }
            using var child = Process.Start(start)!;
            var killAfter = random.Next(50, 1500);
            var seen = 0;
            while (child.StandardOutput.ReadLine() is { } line)
            {
                if (!acknowledged.Add(long.Parse(line, CultureInfo.InvariantCulture)))
                {
                    output.WriteLine($"index {line} acknowledged twice");
                    return 1;
                }
                if (++seen == killAfter)
                {
                    child.Kill();
                    kills++;
                    break;
                }
            }
            child.WaitForExit();
        }
        using var ledger = Ledger.Ledger.Open(new LedgerOptions(dir) { CreateIfMissing = false });
        var missing = acknowledged.Count(i => ledger.Read(i) is null);
        var report = ledger.Verify();
        output.WriteLine(FormattableString.Invariant(
            $"crash: {acknowledged.Count} acknowledged appends across {kills} SIGKILLs; missing after restart: {missing}; log holds {ledger.Count}; verify: {(report.Ok ? "ok" : report.FirstProblem!.Message)}"));
        return missing == 0 && report.Ok ? 0 : 1;
    }
}
