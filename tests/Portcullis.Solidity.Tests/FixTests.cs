namespace Portcullis.Solidity.Tests;

/// <summary>Fixes go through the real scan engine: applied, re-parsed and re-scanned; only verified ones survive.</summary>
public sealed class FixTests
{
    [Fact]
    public void Ignored_call_result_is_captured_and_required()
    {
        var result = SolidityHarness.Scan(SolidityHarness.Contract("UncheckedCall.vulnerable.sol"));
        var findings = result.Findings.Where(f => f.RuleId == "solidity.unchecked-call").ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.True(f.Fix is { Verified: true }, f.Message));
        Assert.Contains("(bool success, ) = to.call{value: amount}(\"\");\n        require(success);", findings[0].Fix!.FixedCode, StringComparison.Ordinal);
        Assert.Contains("(bool ok, ) = target.call(data);\n        require(ok);", findings[1].Fix!.FixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void Send_result_is_required_in_place()
    {
        const string code = """
            pragma solidity 0.4.24;
            contract Payer {
                function pay(address to) public { require(msg.sender == 0x1); to.send(1 ether); }
            }
            """;
        var finding = Assert.Single(SolidityHarness.Scan(code).Findings, f => f.RuleId == "solidity.unchecked-call");
        Assert.Contains("require(to.send(1 ether));", finding.Fix!.FixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void Tx_origin_becomes_msg_sender()
    {
        var finding = Assert.Single(SolidityHarness.Scan(SolidityHarness.Contract("TxOrigin.vulnerable.sol")).Findings, f => f.RuleId == "solidity.tx-origin-auth");
        Assert.True(finding.Fix is { Verified: true });
        Assert.Contains("require(msg.sender == owner, \"not owner\");", finding.Fix!.FixedCode, StringComparison.Ordinal);
    }
}
