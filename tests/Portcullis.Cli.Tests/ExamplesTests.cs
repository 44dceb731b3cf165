using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Portcullis.Cli.Tests;

/// <summary>The README's first command scans examples/: the secure half must pass, every insecure file must block.</summary>
public sealed class ExamplesTests
{
    [Fact]
    public void The_secure_examples_scan_clean()
    {
        var run = CliRun.Of("scan", Examples("secure"), "--format", "json");

        using var report = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(report.RootElement.GetProperty("findings").EnumerateArray());
    }

    [Theory]
    [InlineData("accounts.py", "python.sql.query-built-from-strings")]
    [InlineData("orders.js", "javascript.code.eval")]
    [InlineData("Vault.sol", "solidity.reentrancy")]
    public void Each_insecure_example_blocks(string file, string rule)
    {
        var run = CliRun.Of("scan", Path.Combine(Examples("insecure"), file), "--format", "json");

        using var report = JsonDocument.Parse(run.Stdout);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(rule, report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()));
    }

    private static string Examples(string half, [CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "examples", half));
}
