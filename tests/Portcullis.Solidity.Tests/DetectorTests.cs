namespace Portcullis.Solidity.Tests;

/// <summary>Each detector on its own 0.8 contract, vulnerable and fixed (and old-compiler cases where the class needs one).</summary>
public sealed class DetectorTests
{
    [Theory]
    [InlineData("Overflow.vulnerable.sol", "solidity.integer-overflow", "SWC-101")]
    [InlineData("Overflow.vulnerable.sol", "solidity.narrowing-cast", "SWC-101")]
    [InlineData("UncheckedCall.vulnerable.sol", "solidity.unchecked-call", "SWC-104")]
    [InlineData("Delegatecall.vulnerable.sol", "solidity.controlled-delegatecall", "SWC-112")]
    [InlineData("TxOrigin.vulnerable.sol", "solidity.tx-origin-auth", "SWC-115")]
    [InlineData("Selfdestruct.vulnerable.sol", "solidity.unprotected-selfdestruct", "SWC-106")]
    [InlineData("Selfdestruct.vulnerable.sol", "solidity.unprotected-ether-withdrawal", "SWC-105")]
    [InlineData("Randomness.vulnerable.sol", "solidity.block-randomness", "SWC-120")]
    [InlineData("Randomness.vulnerable.sol", "solidity.timestamp-dependence", "SWC-116")]
    [InlineData("Malleable.vulnerable.sol", "solidity.signature-malleability", "SWC-117")]
    [InlineData("Signature.vulnerable.sol", "solidity.signature-replay", "SWC-121")]
    [InlineData("DenialOfService.vulnerable.sol", "solidity.dos-failed-call", "SWC-113")]
    [InlineData("DenialOfService.vulnerable.sol", "solidity.dos-unbounded-loop", "SWC-128")]
    [InlineData("StoragePointer.vulnerable.sol", "solidity.uninitialized-storage-pointer", "SWC-109")]
    [InlineData("StoragePointer.vulnerable.sol", "solidity.default-function-visibility", "SWC-100")]
    public void Vulnerable_contract_is_reported_with_its_swc(string contract, string rule, string swc)
    {
        var findings = SolidityHarness.Analyze(SolidityHarness.Contract(contract));
        var matching = findings.Where(f => f.RuleId == rule).ToList();
        Assert.NotEmpty(matching);
        Assert.All(matching, f => Assert.Contains(swc, f.Taxonomy.Swc));
        Assert.All(matching, f => Assert.NotEmpty(f.Taxonomy.Cwe));
    }

    [Theory]
    [InlineData("Overflow.fixed.sol", "SWC-101")]
    [InlineData("UncheckedCall.fixed.sol", "SWC-104")]
    [InlineData("Delegatecall.fixed.sol", "SWC-112")]
    [InlineData("TxOrigin.fixed.sol", "SWC-115")]
    [InlineData("Selfdestruct.fixed.sol", "SWC-106")]
    [InlineData("Selfdestruct.fixed.sol", "SWC-105")]
    [InlineData("Signature.fixed.sol", "SWC-117")]
    [InlineData("Signature.fixed.sol", "SWC-121")]
    public void Fixed_contract_is_not_reported_for_that_swc(string contract, string swc) =>
        Assert.DoesNotContain(SolidityHarness.Analyze(SolidityHarness.Contract(contract)), f => f.Taxonomy.Swc.Contains(swc));

    [Fact]
    public void Fixed_contracts_raise_nothing_of_high_severity()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Contracts"), "*.fixed.sol"))
        {
            var findings = SolidityHarness.Analyze(File.ReadAllText(file));
            Assert.True(findings.All(f => f.Severity < Core.Severity.High), $"{Path.GetFileName(file)}: {string.Join(", ", findings.Select(f => f.RuleId))}");
        }
    }

    [Fact]
    public void Arithmetic_before_0_8_is_checked_only_without_safemath_or_a_comparison()
    {
        const string code = """
            pragma solidity 0.4.24;
            contract Token {
                mapping(address => uint256) public balanceOf;
                function transfer(address to, uint256 value) public {
                    balanceOf[msg.sender] -= value;
                    balanceOf[to] += value;
                }
                function safeTransfer(address to, uint256 value) public {
                    require(balanceOf[msg.sender] >= value);
                    require(balanceOf[to] + value >= balanceOf[to]);
                    balanceOf[msg.sender] -= value;
                    balanceOf[to] += value;
                }
                function viaLibrary(address to, uint256 value) public {
                    balanceOf[to] = balanceOf[to].add(value);
                }
            }
            """;
        var findings = SolidityHarness.Analyze(code).Where(f => f.RuleId == "solidity.integer-overflow").ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.InRange(f.Span.StartLine, 5, 6));
    }

    [Fact]
    public void Checked_arithmetic_from_0_8_is_not_reported()
    {
        const string code = """
            pragma solidity ^0.8.0;
            contract Token {
                mapping(address => uint256) public balanceOf;
                function transfer(address to, uint256 value) external {
                    balanceOf[msg.sender] -= value;
                    balanceOf[to] += value;
                }
            }
            """;
        Assert.DoesNotContain("solidity.integer-overflow", SolidityHarness.Rules(code));
    }

    [Fact]
    public void Caller_equals_origin_is_not_authorization()
    {
        Assert.DoesNotContain("solidity.tx-origin-auth", SolidityHarness.Rules(SolidityHarness.Contract("TxOrigin.fixed.sol")));
    }

    [Fact]
    public void Anyone_can_take_ownership_unprotects_selfdestruct()
    {
        const string code = """
            pragma solidity 0.8.20;
            contract Wallet {
                address public owner;
                function initWallet(address newOwner) external { owner = newOwner; }
                function kill() external { require(msg.sender == owner); selfdestruct(payable(owner)); }
            }
            """;
        var finding = Assert.Single(SolidityHarness.Analyze(code), f => f.RuleId == "solidity.unprotected-selfdestruct");
        Assert.Contains("initWallet", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Floating_pragma_is_low_and_pinned_by_the_fix()
    {
        var result = SolidityHarness.Scan("pragma solidity ^0.8.19;\ncontract A { uint256 public x; }\n");
        var finding = Assert.Single(result.Findings, f => f.RuleId == "solidity.floating-pragma");
        Assert.Equal(Core.Severity.Low, finding.Severity);
        Assert.Contains("SWC-103", finding.Taxonomy.Swc);
        Assert.True(finding.Fix is { Verified: true });
        Assert.StartsWith("pragma solidity 0.8.19;", finding.Fix!.FixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void State_variable_without_visibility_is_reported()
    {
        Assert.Contains("solidity.default-state-visibility", SolidityHarness.Rules("pragma solidity 0.8.20;\ncontract A { uint256 x; }\n"));
        Assert.DoesNotContain("solidity.default-state-visibility", SolidityHarness.Rules("pragma solidity 0.8.20;\ncontract A { uint256 private x; }\n"));
    }

    [Fact]
    public void Interfaces_and_broken_code_do_not_fail_the_analyzer()
    {
        Assert.Empty(SolidityHarness.Analyze("pragma solidity 0.8.20;\ninterface I { function f() external; }\n"));
        _ = SolidityHarness.Analyze("pragma solidity 0.8.20;\ncontract A { function f( external { x.call{value: }(\"\"); }\n");
        _ = SolidityHarness.Analyze("contract { modifier m { _; } function () { _; } }");
        _ = SolidityHarness.Analyze("");
    }

    [Fact]
    public void State_that_only_takes_literals_decides_branches()
    {
        // initialized is only ever 0 or 1, so the selfdestruct behind `!= 2` is unreachable.
        const string code = """
            pragma solidity 0.8.20;
            contract Once {
                uint256 private initialized = 0;
                function init() external { initialized = 1; }
                function run() external {
                    if (initialized != 2) { return; }
                    selfdestruct(payable(msg.sender));
                }
            }
            """;
        Assert.DoesNotContain("solidity.unprotected-selfdestruct", SolidityHarness.Rules(code));
        Assert.Contains("solidity.unprotected-selfdestruct", SolidityHarness.Rules(code.Replace("initialized = 1;", "initialized = 2;", StringComparison.Ordinal)));
    }

    [Fact]
    public void Recovery_without_a_signature_key_is_not_malleability()
    {
        Assert.DoesNotContain("solidity.signature-malleability", SolidityHarness.Rules(SolidityHarness.Contract("Signature.vulnerable.sol")));
    }

    [Fact]
    public void Product_checked_only_against_an_unrelated_value_is_reported()
    {
        const string code = """
            pragma solidity 0.4.24;
            contract Token {
                mapping(address => uint256) balances;
                function batch(address[] receivers, uint256 value) public {
                    uint256 amount = receivers.length * value;
                    require(value > 0 && balances[msg.sender] >= amount);
                    balances[msg.sender] -= amount;
                }
                function mul(uint256 a, uint256 b) public pure returns (uint256) {
                    uint256 c = a * b;
                    require(a == 0 || c / a == b);
                    return c;
                }
            }
            """;
        var overflow = SolidityHarness.Analyze(code).Where(f => f.RuleId == "solidity.integer-overflow").Select(f => f.Span.StartLine).ToList();
        Assert.Contains(5, overflow);
        Assert.DoesNotContain(10, overflow);
    }

    [Fact]
    public void Delegatecall_required_to_fail_keeps_no_effects()
    {
        const string code = """
            pragma solidity 0.4.24;
            contract Probe {
                function probe(address to, bytes data) external {
                    require(to.delegatecall(data));
                }
                function dryRun(address to, bytes data) external {
                    require(!to.delegatecall(data));
                }
            }
            """;
        var lines = SolidityHarness.Analyze(code).Where(f => f.RuleId == "solidity.controlled-delegatecall").Select(f => f.Span.StartLine).ToList();
        Assert.Equal([4], lines);
    }
}
