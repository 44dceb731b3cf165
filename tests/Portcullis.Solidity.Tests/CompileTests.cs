namespace Portcullis.Solidity.Tests;

/// <summary>
/// The test contracts and every verified fix of them compile with the real compiler (solc 0.8.20 from
/// npm): a fix that re-parses and re-scans clean but does not compile is no fix to a Solidity author.
/// </summary>
public sealed class CompileTests
{
    private const string CompilerPragma = "pragma solidity 0.8.20;";

    private static IEnumerable<string> CurrentContracts() =>
        System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Contracts"), "*.sol")
            .Select(Path.GetFileName)
            .Where(name => SolidityHarness.Contract(name!).Contains(CompilerPragma, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)!;

    [Fact]
    public void Every_current_test_contract_compiles()
    {
        var names = CurrentContracts().ToList();
        Assert.True(names.Count >= 15, $"only {names.Count} 0.8 test contracts found");

        var errors = SolidityCompiler.Compile(names.ToDictionary(n => n, SolidityHarness.Contract));

        Assert.All(errors, e => Assert.True(e.Value.Count == 0, $"{e.Key}: {string.Join("\n", e.Value)}"));
    }

    [Fact]
    public void Every_verified_fix_of_a_vulnerable_contract_compiles()
    {
        var fixes = new Dictionary<string, string>();
        foreach (var name in CurrentContracts().Where(n => n.EndsWith(".vulnerable.sol", StringComparison.Ordinal)))
        {
            var findings = SolidityHarness.Scan(SolidityHarness.Contract(name)).Findings;
            foreach (var (finding, i) in findings.Where(f => f.Fix is { Verified: true }).Select((f, i) => (f, i)))
            {
                fixes[$"{Path.GetFileNameWithoutExtension(name)}.{finding.RuleId}.{i}.sol"] = finding.Fix!.FixedCode;
            }
        }

        Assert.True(fixes.Count >= 6, $"only {fixes.Count} verified fixes to compile");
        var errors = SolidityCompiler.Compile(fixes);

        Assert.All(errors, e => Assert.True(e.Value.Count == 0, $"{e.Key}: {string.Join("\n", e.Value)}\n{fixes[e.Key]}"));
    }

    [Fact]
    public void A_pinned_floating_pragma_compiles()
    {
        const string code = """
            // SPDX-License-Identifier: MIT
            pragma solidity ^0.8.20;
            contract Counter {
                uint256 public count;
                function increment() external { count += 1; }
            }
            """;
        var finding = Assert.Single(SolidityHarness.Scan(code).Findings, f => f.RuleId == "solidity.floating-pragma");
        Assert.Contains(CompilerPragma, finding.Fix!.FixedCode, StringComparison.Ordinal);

        var errors = SolidityCompiler.Compile(new Dictionary<string, string> { ["Counter.sol"] = finding.Fix.FixedCode });

        Assert.Empty(errors["Counter.sol"]);
    }
}
