using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Portcullis.Bench.Corpora;
using Portcullis.Analysis.Pipeline;
using Portcullis.Bench.Speed;
using Portcullis.Cli;
using Portcullis.Gate.Hosting;
using Portcullis.Gate.Http;
using Portcullis.Gate.Identity;
using Portcullis.Syntax;

namespace Portcullis.Bench.Service;

/// <summary>
/// The gate service over loopback HTTP: one-client scan latency, N concurrent clients for a duration
/// (errors, p99, ledger entries against answered scans), and the hook in <c>--server</c> mode. The
/// service runs in this process on a free port with a fresh data folder (SQLite state and log).
/// </summary>
internal static class ServiceBenchmarks
{
    public static int Latency(IReadOnlyList<string> args, TextWriter stdout)
    {
        var rounds = int.TryParse(CorpusCommand.Option(args, "--rounds"), out var r) ? r : 5;
        var snippets = SnippetLatencyBenchmark.Snippets(SharedBench.Locate(CorpusCommand.Option(args, "--corpus-dir"))).ToList();
        return WithService(stdout, async (gate, _, address) =>
        {
            using var client = Client(address, gate.Tokens.Issue(Role.Agent, "bench", "bench", "bench/repo", "main", null, "local").Token);
            foreach (var snippet in snippets.Take(100))
            {
                await Scan(client, snippet);
            }
            var samples = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var snippet in snippets)
                {
                    var stopwatch = Stopwatch.StartNew();
                    await Scan(client, snippet);
                    samples.Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }
            stdout.WriteLine($"HTTP /v1/scan, one client, 30-line snippets ({snippets.Count} snippets x {rounds} rounds): {Percentiles.Of(samples)}");
        });
    }

    public static int Load(IReadOnlyList<string> args, TextWriter stdout)
    {
        var clients = int.TryParse(CorpusCommand.Option(args, "--clients"), out var c) ? c : 64;
        var seconds = double.TryParse(CorpusCommand.Option(args, "--seconds"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 60;
        var snippets = SnippetLatencyBenchmark.Snippets(SharedBench.Locate(CorpusCommand.Option(args, "--corpus-dir"))).ToList();
        var profile = args.Contains("--profile");
        return WithService(stdout, async (gate, engine, address) =>
        {
            if (profile)
            {
                using var profiler = Client(address, gate.Tokens.Issue(Role.Agent, "bench", "bench", "bench/repo", "main", null, "local").Token);
                stdout.WriteLine("where a scan request's CPU goes (each stage alone):");
                await ServiceProfile.Run(gate, engine, profiler, profiler.DefaultRequestHeaders.Authorization!.Parameter!, snippets, stdout);
            }
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var tokens = Enumerable.Range(0, clients).Select(i => gate.Tokens.Issue(Role.Agent, $"bench-{i}", $"task-{i}", "bench/repo", "main", null, "local").Token).ToList();
            var sizeBefore = gate.Log.Size;
            var samples = new ConcurrentBag<double>();
            var errors = new ConcurrentBag<string>();
            var answered = 0L;
            var stop = Stopwatch.StartNew();
            var workers = tokens.Select((token, i) => Task.Run(async () =>
            {
                using var client = Client(address, token);
                var next = i;
                while (stop.Elapsed.TotalSeconds < seconds)
                {
                    var snippet = snippets[next++ % snippets.Count];
                    var stopwatch = Stopwatch.StartNew();
                    try
                    {
                        var status = await Scan(client, snippet);
                        samples.Add(stopwatch.Elapsed.TotalMilliseconds);
                        Interlocked.Increment(ref answered);
                        if (status != 200)
                        {
                            errors.Add($"HTTP {status}");
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        errors.Add(e.GetType().Name + ": " + e.Message);
                    }
                }
            })).ToList();
            await Task.WhenAll(workers);
            var entries = gate.Log.Size - sizeBefore;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HTTP load, {clients} clients, {seconds:F0} s, 30-line snippets: {answered} scans answered ({answered / stop.Elapsed.TotalSeconds:F0}/s), {errors.Count} errors, {Percentiles.Of(samples.ToList())}"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU {cpu.TotalMicroseconds / Math.Max(1, answered):F0} us per answered scan (service and clients)"));
            stdout.WriteLine($"ledger entries added {entries}, answered scans {answered}: {(entries == answered ? "equal" : "NOT EQUAL")}");
            foreach (var error in errors.GroupBy(e => e).Take(5))
            {
                stdout.WriteLine($"  error x{error.Count()}: {error.Key}");
            }
        });
    }

    /// <summary>
    /// A 30-line Write through the gate, process start to exit: `portcullis hook claude --server URL` (the
    /// managed CLI) and the native `portcullis-hook --server URL` (<c>--client PATH</c>, by default beside
    /// the CLI; skipped when absent).
    /// </summary>
    public static int HookServer(IReadOnlyList<string> args, TextWriter stdout)
    {
        var cli = CliBenchmarks.LocateCli(CorpusCommand.Option(args, "--cli"));
        var hookClient = CorpusCommand.Option(args, "--client") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(cli))!, "portcullis-hook");
        var runs = int.TryParse(CorpusCommand.Option(args, "--runs"), out var n) ? n : 21;
        return WithService(stdout, (gate, _, address) =>
        {
            var token = gate.Tokens.Issue(Role.Agent, "bench", "bench", "bench/repo", "main", null, "local").Token;
            var payload = CliBenchmarks.HookPayload();
            var commands = new List<(string Name, string Executable, string[] Arguments)>
            {
                ("`portcullis hook claude --server`", cli, ["hook", "claude", "--server", address.ToString(), "--token", token]),
            };
            if (File.Exists(hookClient))
            {
                commands.Add(("`portcullis-hook --server` (NativeAOT)", hookClient, ["--server", address.ToString(), "--token", token]));
            }
            else
            {
                stdout.WriteLine($"(no native hook client at {hookClient}; pass --client PATH to measure it)");
            }
            foreach (var (_, executable, arguments) in commands)
            {
                CliBenchmarks.RunCli(executable, arguments, payload);
            }
            // Interleaved, so that both see the same machine load.
            var samples = commands.Select(_ => new List<double>()).ToList();
            for (var run = 0; run < runs; run++)
            {
                for (var i = 0; i < commands.Count; i++)
                {
                    samples[i].Add(CliBenchmarks.RunCli(commands[i].Executable, commands[i].Arguments, payload));
                }
            }
            for (var i = 0; i < commands.Count; i++)
            {
                stdout.WriteLine($"hook end to end, {commands[i].Name}, 30-line Write: {Percentiles.Of(samples[i])}");
            }
            return Task.CompletedTask;
        });
    }

    private static int WithService(TextWriter stdout, Func<GateServices, ScanEngine, Uri, Task> run)
    {
        var data = Directory.CreateTempSubdirectory("portcullis-service-bench-").FullName;
        try
        {
            var engine = EngineFactory.Create([], ParseLimits.Default, Console.Error);
            using var gate = GateServices.Open(new GateOptions { DataDirectory = data, Listen = "127.0.0.1:0" }, engine, TimeProvider.System);
            var app = GateServer.Build(gate);
            app.StartAsync().GetAwaiter().GetResult();
            try
            {
                run(gate, engine, GateServer.Address(app)).GetAwaiter().GetResult();
            }
            finally
            {
                app.StopAsync().GetAwaiter().GetResult();
            }
            stdout.WriteLine($"({Environment.ProcessorCount} cores, service and clients in one process)");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal static async Task<int> Scan(HttpClient client, Core.SourceText snippet)
    {
        var body = JsonSerializer.Serialize(new { code = snippet.Text, language = snippet.Language, path = snippet.Path, kind = "completion" });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/v1/scan", content);
        await response.Content.ReadAsByteArrayAsync();
        return (int)response.StatusCode;
    }
}
