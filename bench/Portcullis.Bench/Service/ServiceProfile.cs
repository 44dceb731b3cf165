using System.Diagnostics;
using System.Globalization;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Gate.Hosting;
using Portcullis.Gate.Scanning;
using Portcullis.Ledger.Entries;

namespace Portcullis.Bench.Service;

/// <summary>
/// Where a scan request's CPU goes (<c>service-load --profile</c>): each stage run on its own over the
/// snippets, timed as process CPU per operation (so the ledger's writer thread, Kestrel's and the
/// client's work count where they happen), and wall time per operation. Stages: a trivial HTTP round trip
/// (client + Kestrel), token authentication, the engine's scan, the ledger append (alone and 64 at a
/// time, as under load), the decision journal line, the whole decision in-process, and the whole scan over HTTP.
/// </summary>
internal static class ServiceProfile
{
    public static async Task Run(GateServices gate, ScanEngine engine, HttpClient client, string token, IReadOnlyList<SourceText> snippets, TextWriter stdout)
    {
        // The first pass compiles every language's rules and lets the JIT's tiers settle; the second is reported.
        await Pass(gate, engine, client, token, snippets, TextWriter.Null);
        await Pass(gate, engine, client, token, snippets, stdout);
    }

    private static async Task Pass(GateServices gate, ScanEngine engine, HttpClient client, string token, IReadOnlyList<SourceText> snippets, TextWriter stdout)
    {
        var caller = gate.Tokens.Authenticate(token)!;
        var info = new SubmissionInfo("completion", "bench", null, caller.Task, caller.Repository, caller.Ref);
        var entry = new ScanDecision(caller.Id, "sha256:" + new string('0', 64), Verdict.Block, true,
            [new DecisionFinding("python.deserialization.yaml-load", Severity.Critical, Confidence.High, ["CWE-502"], ["A08:2021"], [], "app.py", 4, 12, "fp", true, false)],
            "bench", caller.Repository, "1", "completion", null, caller.Task, caller.Ref, "sha256:" + new string('1', 64), ["line 4: python.deserialization.yaml-load"]);
        var n = snippets.Count;

        await Stage(stdout, "HTTP round trip, GET /healthz (client + Kestrel)", n, async i => { using var r = await client.GetAsync("/healthz"); await r.Content.ReadAsByteArrayAsync(); });
        await Stage(stdout, "token authentication (SQLite lookup + SHA-256)", n, i => { gate.Tokens.Authenticate(token); return Task.CompletedTask; });
        await Stage(stdout, "engine scan, fixes verified", n, i => { engine.Scan(snippets[i], verifyFixes: true, CancellationToken.None); return Task.CompletedTask; });
        // The caller that finds the ledger idle writes its batch on its own thread, so appends made one
        // after another are one batch each; appends from 64 threads at once share batches, as under load.
        await Stage(stdout, "ledger append, one entry per batch (commit, checkpoint signed)", n, async i => await gate.Log.AppendAsync(entry));
        await Stage(stdout, "ledger append, 64 threads at once (batches shared)", n, async i =>
        {
            if (i % 64 == 0)
            {
                await Task.WhenAll(Enumerable.Range(0, Math.Min(64, n - i)).Select(_ => Task.Run(() => gate.Log.AppendAsync(entry))));
            }
        });
        await Stage(stdout, "decision journal line", n, i => { gate.Journal.Write(entry, null, null); return Task.CompletedTask; });
        await Stage(stdout, "whole decision in-process, serial (scan, policy, ledger, journal, metrics)", n, async i =>
        {
            var s = snippets[i];
            await gate.Scanner.DecideAsync([new Submission(s.Path, s.Language, s.Text)], info, caller, CancellationToken.None);
        });
        await Stage(stdout, "whole scan over HTTP, serial", n, async i => await ServiceBenchmarks.Scan(client, snippets[i]));
    }

    private static async Task Stage(TextWriter stdout, string name, int count, Func<int, Task> operation)
    {
        for (var i = 0; i < Math.Min(count, 50); i++)
        {
            await operation(i);
        }
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await operation(i);
        }
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {cpu.TotalMicroseconds / count,8:F0} us CPU/op, {wall.Elapsed.TotalMicroseconds / count,8:F0} us wall/op ({count} ops)"));
    }
}
