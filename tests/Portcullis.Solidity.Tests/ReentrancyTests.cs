namespace Portcullis.Solidity.Tests;

public sealed class ReentrancyTests
{
    [Fact]
    public void Balance_written_after_call_with_value_is_reentrancy()
    {
        var findings = SolidityHarness.Analyze(SolidityHarness.Contract("Reentrancy.vulnerable.sol"));
        var finding = Assert.Single(findings, f => f.RuleId == "solidity.reentrancy");
        Assert.Contains("SWC-107", finding.Taxonomy.Swc);
        Assert.Contains("CWE-841", finding.Taxonomy.Cwe);
        Assert.Equal(Core.Severity.Critical, finding.Severity);
        Assert.StartsWith("msg.sender.call{value: amount}", finding.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reentrancy.fixed.sol")]
    [InlineData("ReentrancyGuarded.fixed.sol")]
    public void Checks_effects_interactions_or_a_guard_is_not_reported(string contract) =>
        Assert.DoesNotContain(SolidityHarness.Analyze(SolidityHarness.Contract(contract)), f => f.Taxonomy.Swc.Contains("SWC-107"));

    [Fact]
    public void Fix_moves_the_update_before_the_call_and_keeps_indentation()
    {
        var result = SolidityHarness.Scan(SolidityHarness.Contract("Reentrancy.vulnerable.sol"));
        var fix = Assert.Single(result.Findings, f => f.RuleId == "solidity.reentrancy").Fix;
        Assert.NotNull(fix);
        Assert.True(fix.Verified);
        Assert.Contains("checks-effects-interactions", fix.Description, StringComparison.Ordinal);
        var update = fix.FixedCode.IndexOf("        balances[msg.sender] -= amount;\n", StringComparison.Ordinal);
        var call = fix.FixedCode.IndexOf("        (bool success, ) = msg.sender.call{value: amount}(\"\");", StringComparison.Ordinal);
        Assert.True(update > 0 && call > update, fix.FixedCode);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(fix.FixedCode, @"balances\[msg\.sender\] -= amount"));
    }

    [Fact]
    public void Update_that_the_call_reads_gets_a_guard_instead_of_a_move()
    {
        const string code = """
            pragma solidity 0.8.20;
            contract Bank {
                mapping(address => uint256) public balances;
                function withdrawAll() external {
                    require(balances[msg.sender] > 0);
                    (bool ok, ) = msg.sender.call{value: balances[msg.sender]}("");
                    require(ok);
                    balances[msg.sender] = 0;
                }
            }
            """;
        var result = SolidityHarness.Scan(code);
        var fix = Assert.Single(result.Findings, f => f.RuleId == "solidity.reentrancy").Fix;
        Assert.NotNull(fix);
        Assert.Contains("nonReentrant", fix.Description, StringComparison.Ordinal);
        Assert.Contains("modifier nonReentrant()", fix.FixedCode, StringComparison.Ordinal);
        Assert.Contains("function withdrawAll() external nonReentrant {", fix.FixedCode, StringComparison.Ordinal);
        Assert.DoesNotContain(SolidityHarness.Analyze(fix.FixedCode), f => f.Taxonomy.Swc.Contains("SWC-107"));
    }

    [Fact]
    public void Old_call_value_syntax_in_a_require_is_reentrancy()
    {
        const string code = """
            pragma solidity 0.4.24;
            contract Dao {
                mapping (address => uint) public credit;
                function withdraw(uint amount) public {
                    if (credit[msg.sender] >= amount) {
                        require(msg.sender.call.value(amount)());
                        credit[msg.sender] -= amount;
                    }
                }
            }
            """;
        Assert.Contains("solidity.reentrancy", SolidityHarness.Rules(code));
    }

    [Fact]
    public void Check_in_a_modifier_before_a_call_in_another_modifier_is_reentrancy()
    {
        const string code = """
            pragma solidity 0.8.20;
            interface IBank { function supports() external returns (bool); }
            contract Drop {
                mapping(address => uint256) public tokens;
                IBank bank;
                modifier noBalance() { require(tokens[msg.sender] == 0); _; }
                modifier supported() { require(bank.supports()); _; }
                function airDrop() external noBalance supported { tokens[msg.sender] += 20; }
            }
            """;
        Assert.Contains("solidity.reentrancy", SolidityHarness.Rules(code));
        // The check after the call sees the re-entered update: safe.
        Assert.DoesNotContain("solidity.reentrancy", SolidityHarness.Rules(code.Replace("noBalance supported", "supported noBalance", StringComparison.Ordinal)));
    }

    [Fact]
    public void Write_read_by_another_entry_point_is_cross_function_reentrancy()
    {
        var rules = SolidityHarness.Rules(SolidityHarness.Contract("CrossFunction.vulnerable.sol"));
        Assert.Contains("solidity.reentrancy-cross-function", rules);
    }

    [Fact]
    public void Write_exposed_by_a_view_is_read_only_reentrancy()
    {
        const string code = """
            pragma solidity 0.8.20;
            contract Pool {
                uint256 private totalShares;
                uint256 private totalAssets;
                function price() external view returns (uint256) { return totalAssets / totalShares; }
                function exit(uint256 shares, uint256 assets) external {
                    (bool ok, ) = msg.sender.call{value: assets}("");
                    require(ok);
                    totalShares -= shares;
                }
            }
            """;
        Assert.Contains("solidity.reentrancy-read-only", SolidityHarness.Rules(code));
    }

    [Fact]
    public void Safe_transfer_hook_is_an_external_call()
    {
        Assert.Contains("solidity.reentrancy", SolidityHarness.Rules(SolidityHarness.Contract("ReceiverHook.vulnerable.sol")));
    }

    [Fact]
    public void Transfer_and_send_forward_too_little_gas_to_reenter()
    {
        const string code = """
            pragma solidity 0.8.20;
            contract Bank {
                mapping(address => uint256) public balances;
                function withdraw() external {
                    require(balances[msg.sender] > 0);
                    payable(msg.sender).transfer(balances[msg.sender]);
                    balances[msg.sender] = 0;
                }
            }
            """;
        Assert.DoesNotContain(SolidityHarness.Analyze(code), f => f.Taxonomy.Swc.Contains("SWC-107"));
    }

    [Fact]
    public void Branch_on_a_constant_that_makes_the_write_unreachable_is_not_reported()
    {
        const string code = """
            pragma solidity 0.8.20;
            contract Bank {
                mapping(address => uint256) public balances;
                bool constant PAUSED = true;
                function withdraw() external {
                    require(balances[msg.sender] > 0);
                    (bool ok, ) = msg.sender.call{value: 1}("");
                    require(ok);
                    if (PAUSED) { return; }
                    balances[msg.sender] = 0;
                }
            }
            """;
        Assert.DoesNotContain("solidity.reentrancy", SolidityHarness.Rules(code));
    }

    [Fact]
    public void Call_compared_in_a_condition_is_still_an_external_call()
    {
        // The grammar parses `x == bank.f()` as `(x == bank).f()`; the call still goes to bank.
        const string code = """
            pragma solidity 0.5.0;
            contract Drop {
                mapping(address => uint256) public tokens;
                Bank bank;
                modifier noBalance() { require(tokens[msg.sender] == 0); _; }
                modifier supported() { require(keccak256("t") == bank.supports()); _; }
                function airDrop() public noBalance supported { tokens[msg.sender] += 20; }
            }
            contract Bank { function supports() external returns (bytes32) { return keccak256("t"); } }
            """;
        Assert.Contains("solidity.reentrancy", SolidityHarness.Rules(code));
    }
}
