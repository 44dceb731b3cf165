using Portcullis.Bench.Corpora;
using Portcullis.Bench.Speed;
using Portcullis.Cli;
using Portcullis.Syntax;

// portcullis-bench: the project's own measuring stick. Every figure in bench/RESULTS.md comes from here.
const string usage = """
    usage: Portcullis.Bench <command> [options]
      corpus      [--only NAME] [--corpus-dir DIR] [--json]   detection tables and latency over ../shared/bench
      latency     [--rounds N]                                in-process p50/p95/p99 for 30-line snippets
      coldstart   [--cli PATH] [--file F] [--runs N]          `portcullis scan` of one small file, whole process
      throughput  [--cli PATH] [--runs N]                     directory scan MB/s
      parse                                                   one-thread parse vs scan throughput per corpus
      hook        [--cli PATH] [--runs N]                     Claude Code hook, process start to exit, 30-line Write
      solidity-latency [--rounds N]                           in-process p50/p95 for a 200-line Solidity 0.8 contract
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
    case "solidity-latency":
        return SolidityLatencyBenchmark.Run(rest, EngineFactory.Create([], ParseLimits.Default, Console.Error), Console.Out);
    case "hook":
        return CliBenchmarks.Hook(rest, Console.Out);
    case "coldstart":
        return CliBenchmarks.ColdStart(rest, Console.Out);
    case "throughput":
        return CliBenchmarks.Throughput(rest, Console.Out);
    default:
        Console.Error.WriteLine(usage);
        return 2;
}
