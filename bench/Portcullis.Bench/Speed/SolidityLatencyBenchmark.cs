using System.Diagnostics;
using System.Globalization;
using System.Text;
using Portcullis.Analysis;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Solidity;
using Portcullis.Solidity.Detectors;
using Portcullis.Solidity.Model;
using Portcullis.Syntax;

namespace Portcullis.Bench.Speed;

/// <summary>
/// <c>Portcullis.Bench solidity-latency [--rounds N] [--warmup-ms MS] [--lines N] [--stages]</c>: in-process p50 / p95 of scanning a 200-line
/// Solidity 0.8 contract (a vault with deposits, withdrawals, an owner, a fee schedule and a payout loop;
/// it has reentrancy and unchecked-call findings, so the fix paths run too), without and with fix
/// verification. The target is 10 ms p95 for the scan. The machine is shared, so each line also gives
/// the process CPU time per scan, which other processes' load inflates far less than wall time.
/// <c>--stages</c> instead shows where the time of a scan goes: parsing, each other analyzer that applies
/// to Solidity, and the Solidity analyzer's model, path walk and each detector (p50 / p95 per stage),
/// in a process in the same state as the scan series (same warm-up, nothing measured before).
/// By default 20 scans warm up each series, which leaves much of the code at the JIT's first tier while
/// it is measured (what a process that just started sees). <c>--warmup-ms</c> keeps scanning for that
/// long first, past tiered compilation: what a gate service that has been running a while sees.
/// <c>--lines</c> grows the contract (more fee tiers, so more functions) to show how the cost scales.
/// </summary>
internal static class SolidityLatencyBenchmark
{
    public static int Run(IReadOnlyList<string> args, ScanEngine engine, TextWriter stdout)
    {
        var rounds = int.Parse(Corpora.CorpusCommand.Option(args, "--rounds") ?? "300", CultureInfo.InvariantCulture);
        var warmup = TimeSpan.FromMilliseconds(int.Parse(Corpora.CorpusCommand.Option(args, "--warmup-ms") ?? "0", CultureInfo.InvariantCulture));
        var code = Contract(int.Parse(Corpora.CorpusCommand.Option(args, "--lines") ?? "200", CultureInfo.InvariantCulture));
        var source = new SourceText("Vault.sol", "solidity", code);
        var lines = code.Count(c => c == '\n');
        var first = engine.Scan(source);
        if (first.Error is not null)
        {
            stdout.WriteLine($"solidity-latency: {first.Error}");
            return 2;
        }
        if (args.Contains("--stages"))
        {
            Stages(engine, source, rounds, warmup, stdout);
            return 0;
        }
        foreach (var verify in new[] { false, true })
        {
            var warming = Stopwatch.StartNew();
            for (var i = 0; i < 20 || warming.Elapsed < warmup; i++)
            {
                engine.Scan(source, verify);
            }
            var samples = new List<double>(rounds);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < rounds; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                engine.Scan(source, verify);
                samples.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
            var cpuPerScan = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / rounds;
            var kibPerScan = (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / 1024.0 / rounds;
            stdout.WriteLine(FormattableString.Invariant(
                $"solidity {lines}-line 0.8 contract, {first.Findings.Count} findings, {(verify ? "scan + fix verification" : "scan")}{(warmup > TimeSpan.Zero ? $" (after {warmup.TotalMilliseconds:F0} ms warm-up)" : "")}: {Percentiles.Of(samples)} cpu/scan={cpuPerScan:F3} ms alloc/scan={kibPerScan:F0} KiB"));
        }
        return 0;
    }

    /// <summary>Times each stage of a scan separately, in the order the engine and the analyzer run them.</summary>
    private static void Stages(ScanEngine engine, SourceText source, int rounds, TimeSpan warmup, TextWriter stdout)
    {
        var grammar = LanguageIds.GrammarFor(source.Language, source.Text)!;
        var others = engine.Analyzers.Where(a => a.AppliesTo(source.Language) && a is not SolidityAnalyzer).ToList();
        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var allocated = new Dictionary<string, long>(StringComparer.Ordinal);
        void Time(string stage, Action action)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            action();
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            if (!samples.TryGetValue(stage, out var list))
            {
                samples[stage] = list = [];
            }
            list.Add(elapsed);
            allocated[stage] = allocated.GetValueOrDefault(stage) + GC.GetAllocatedBytesForCurrentThread() - bytes;
        }
        var warming = Stopwatch.StartNew();
        var counted = -1;
        for (var i = 0; counted < rounds; i++)
        {
            SyntaxTree? tree = null;
            Time("parse", () => tree = SyntaxParser.Parse(source, grammar));
            var context = new AnalysisContext(source, tree);
            foreach (var analyzer in others)
            {
                Time($"analyzer {analyzer.Name}", () => analyzer.Analyze(context));
            }
            SourceModel? model = null;
            Time("solidity model", () => model = ModelBuilder.Build(tree!));
            Time("solidity file detectors", () => FileDetectors.Run(model!, context));
            foreach (var contract in model!.Contracts.Where(c => c.Kind != ContractKind.Interface))
            {
                ContractAnalysis? analysis = null;
                Time("solidity path walk", () => analysis = ContractAnalysis.Create(model, contract));
                foreach (var (name, run) in SolidityAnalyzer.ContractDetectors)
                {
                    Time($"solidity {name}", () => run(analysis!, context));
                }
            }
            if (counted >= 0)
            {
                counted++;
            }
            else if (i >= 19 && warming.Elapsed >= warmup)
            {
                // The warm-up rounds (as for the scan series) are not counted.
                samples.Clear();
                allocated.Clear();
                counted = 0;
            }
        }
        foreach (var (stage, list) in samples)
        {
            var p = Percentiles.Of(list);
            stdout.WriteLine(FormattableString.Invariant($"  {stage,-32} p50={p.P50:F3} ms p95={p.P95:F3} ms alloc={allocated[stage] / list.Count / 1024.0:F1} KiB"));
        }
    }

    /// <summary>A contract of about <paramref name="lines"/> lines: a fixed core plus fee tiers until the length is reached.</summary>
    internal static string Contract(int lines)
    {
        var text = new StringBuilder("""
            // SPDX-License-Identifier: MIT
            pragma solidity 0.8.20;

            interface IOracle {
                function price(address asset) external view returns (uint256);
            }

            contract Vault {
                address public owner;
                IOracle public oracle;
                mapping(address => uint256) public balances;
                mapping(address => uint256) public lastDeposit;
                address payable[] public payees;
                uint256 public totalDeposits;
                bool private locked;

                event Deposited(address indexed account, uint256 amount);
                event Withdrawn(address indexed account, uint256 amount);

                modifier onlyOwner() {
                    require(msg.sender == owner, "owner");
                    _;
                }

                modifier nonReentrant() {
                    require(!locked, "reentrant");
                    locked = true;
                    _;
                    locked = false;
                }

                constructor(IOracle source) {
                    owner = msg.sender;
                    oracle = source;
                }

                function deposit() external payable {
                    require(msg.value > 0, "zero");
                    balances[msg.sender] += msg.value;
                    lastDeposit[msg.sender] = block.timestamp;
                    totalDeposits += msg.value;
                    emit Deposited(msg.sender, msg.value);
                }

                function withdraw(uint256 amount) external {
                    require(balances[msg.sender] >= amount, "insufficient");
                    (bool success, ) = msg.sender.call{value: amount}("");
                    require(success, "failed");
                    balances[msg.sender] -= amount;
                    totalDeposits -= amount;
                    emit Withdrawn(msg.sender, amount);
                }

                function withdrawGuarded(uint256 amount) external nonReentrant {
                    require(balances[msg.sender] >= amount, "insufficient");
                    balances[msg.sender] -= amount;
                    totalDeposits -= amount;
                    (bool success, ) = msg.sender.call{value: amount}("");
                    require(success, "failed");
                }

                function register() external {
                    payees.push(payable(msg.sender));
                }

                function payout(uint256 share) external onlyOwner {
                    for (uint256 i = 0; i < payees.length; i++) {
                        payees[i].call{value: share}("");
                    }
                }

                function valueOf(address account, address asset) external view returns (uint256) {
                    uint256 unit = oracle.price(asset);
                    return balances[account] * unit;
                }

            """);
        var tier = 0;
        while (text.ToString().Count(c => c == '\n') < lines - 2)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                    function feeTier{{tier}}(uint256 amount) public view returns (uint256 fee) {
                        if (amount > {{(tier + 1) * 1000}} ether && block.timestamp > lastDeposit[msg.sender] + 1 days) {
                            fee = amount / {{100 + tier}};
                        } else {
                            fee = amount / {{50 + tier}};
                        }
                    }

                """);
            tier++;
        }
        text.Append("}\n");
        return text.ToString();
    }
}
