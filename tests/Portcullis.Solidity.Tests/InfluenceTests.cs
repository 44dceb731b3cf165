namespace Portcullis.Solidity.Tests;

/// <summary>SWC-101 traces operands back through locals: chains, and locals assigned from each other.</summary>
public sealed class InfluenceTests
{
    [Fact]
    public void Locals_assigned_from_each_other_holding_only_literals_are_not_reported()
    {
        // b = a; a = b; once sent the trace round the cycle until the stack overflowed (the process died).
        const string code = """
            pragma solidity 0.4.24;
            contract Loop {
                function f() public pure returns (uint256) {
                    uint256 a = 1;
                    uint256 b = a;
                    a = b;
                    uint256 c = a + 1;
                    return c;
                }
            }
            """;
        Assert.DoesNotContain("solidity.integer-overflow", SolidityHarness.Rules(code));
    }

    [Fact]
    public void A_parameter_reaching_a_cycle_of_locals_is_reported()
    {
        const string code = """
            pragma solidity 0.4.24;
            contract Loop {
                function f(uint256 amount) public pure returns (uint256) {
                    uint256 a = 1;
                    uint256 b = a;
                    a = b;
                    b = amount;
                    uint256 c = a * 3;
                    return c;
                }
            }
            """;
        var findings = SolidityHarness.Analyze(code).Where(f => f.RuleId == "solidity.integer-overflow").ToList();
        Assert.Single(findings);
        Assert.Equal(8, findings[0].Span.StartLine);
    }

    [Fact]
    public void Unchecked_arithmetic_on_a_chain_of_locals_from_a_parameter_is_reported_and_on_literals_is_not()
    {
        const string code = """
            pragma solidity 0.8.20;
            contract Chain {
                function f(uint256 amount) external pure returns (uint256 r, uint256 s) {
                    uint256 x = amount;
                    uint256 y = x;
                    uint256 k = 2;
                    unchecked {
                        r = y * 7;
                        s = k * 7;
                    }
                }
            }
            """;
        var findings = SolidityHarness.Analyze(code).Where(f => f.RuleId == "solidity.integer-overflow").ToList();
        Assert.Single(findings);
        Assert.Equal(8, findings[0].Span.StartLine);
    }
}
