using Portcullis.Bench.Corpora;
using Portcullis.Bench.Speed;
using Portcullis.Cli;
using Portcullis.Syntax;

// portcullis-bench: the project's own measuring stick. Every figure in bench/RESULTS.md comes from here.
const string usage = """
    usage: Portcullis.Bench <command> [options]
      corpus      [--only NAME] [--corpus-dir DIR] [--json]   detection tables and latency over ../shared/bench;
                  [--project]  OWASP corpora also scanned inside their project (helpers, .properties)
                  [--misses FILE]  append the records scored wrongly to FILE
      latency     [--rounds N]                                in-process p50/p95/p99 for 30-line snippets
      coldstart   [--cli PATH] [--file F] [--runs N]          `portcullis scan` of one small file, whole process
      throughput  [--cli PATH] [--runs N]                     directory scan MB/s
      parse       [--analyzers]                               one-thread parse vs scan throughput per corpus; --analyzers adds time and allocation per analyzer
      hook        [--cli PATH] [--runs N]                     Claude Code hook, process start to exit, 30-line Write
      secrets     [--megabytes N] [--rounds N]                secrets detector MB/s on text without secrets, snippet latency
      secrets-code [--rounds N] [--stages]                    secrets detector MB/s on the OWASP Benchmark and CyberSecEval sources; --stages splits it
      ledger      appends [--appenders N] [--count N] | scale [--entries N] | crash [--count N]
      service-latency [--rounds N]                            gate over HTTP, one client, 30-line snippets, p50/p95
      service-load    [--clients N] [--seconds S] [--profile] N concurrent HTTP clients; errors, p99, ledger entries == scans; --profile: CPU per stage
      hook-server     [--cli PATH] [--client PATH] [--runs N] `hook claude --server` and portcullis-hook, process start to exit
      solidity-latency [--rounds N] [--lines N] [--warmup-ms MS] [--stages]
                                                          in-process p50/p95 for a Solidity 0.8 contract (200 lines by default)
    """;
if (args.Length == 0)
{
    Console.Error.WriteLine(usage);
    return 2;
}
var rest = args.Skip(1).ToArray();
switch (args[0])
{
    case "corpus":
        return CorpusCommand.Run(rest, EngineFactory.Create([], ParseLimits.Default, Console.Error), Console.Out);
    case "latency":
        return SnippetLatencyBenchmark.Run(rest, EngineFactory.Create([], ParseLimits.Default, Console.Error), Console.Out);
    case "parse":
        return ParseBenchmark.Run(rest, EngineFactory.Create([], ParseLimits.Default, Console.Error), Console.Out);
    case "secrets":
        return SecretsThroughputBenchmark.Run(rest, Console.Out);
    case "secrets-code":
        return SecretsCodeBenchmark.Run(rest, Console.Out);
    case "solidity-latency":
        return SolidityLatencyBenchmark.Run(rest, EngineFactory.Create([], ParseLimits.Default, Console.Error), Console.Out);
    case "hook":
        return CliBenchmarks.Hook(rest, Console.Out);
    case "service-latency":
        return Portcullis.Bench.Service.ServiceBenchmarks.Latency(rest, Console.Out);
    case "service-load":
        return Portcullis.Bench.Service.ServiceBenchmarks.Load(rest, Console.Out);
    case "hook-server":
        return Portcullis.Bench.Service.ServiceBenchmarks.HookServer(rest, Console.Out);
    case "coldstart":
        return CliBenchmarks.ColdStart(rest, Console.Out);
    case "throughput":
        return CliBenchmarks.Throughput(rest, Console.Out);
    case "ledger":
        return LedgerBenchmark.Run(rest, Console.Out);
    default:
        Console.Error.WriteLine(usage);
        return 2;
}
