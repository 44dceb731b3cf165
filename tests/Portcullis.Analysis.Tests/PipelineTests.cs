using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Tests;

public sealed class PipelineTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly TimeProvider Today = new FixedTime(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_inline_suppression_with_a_reason_marks_the_finding_suppressed_but_keeps_it()
    {
        var engine = RuleHarness.Engine("python", "pattern: eval($X)", time: Today);

        var findings = RuleHarness.Scan(engine, "python", "# portcullis-ignore test.rule reason=\"input is a constant table\"\ny = eval(x)\nz = eval(w)\n");

        Assert.Equal(2, findings.Count);
        Assert.True(findings[0].Suppressed);
        Assert.Equal("input is a constant table", findings[0].Suppression!.Reason);
        Assert.False(findings[1].Suppressed);
        Assert.Equal(Verdict.Block, VerdictPolicy.Default.Decide([new FileScanResult("t", "python", findings, null, TimeSpan.Zero)]));
    }

    [Theory]
    [InlineData("y = eval(x)  # portcullis-ignore test.rule")]
    [InlineData("y = eval(x)  # portcullis-ignore test.rule reason=\"\"")]
    [InlineData("y = eval(x)  # portcullis-ignore other.rule reason=\"why\"")]
    [InlineData("y = eval(x)  # portcullis-ignore test.rule reason=\"why\" until=2026-11-21")]
    public void A_suppression_without_reason_for_another_rule_or_expired_does_nothing(string line)
    {
        var engine = RuleHarness.Engine("python", "pattern: eval($X)", time: Today);

        var finding = Assert.Single(RuleHarness.Scan(engine, "python", line));

        Assert.False(finding.Suppressed);
    }

    [Fact]
    public void A_suppression_until_a_future_date_holds()
    {
        var engine = RuleHarness.Engine("python", "pattern: eval($X)", time: Today);

        var finding = Assert.Single(RuleHarness.Scan(engine, "python", "y = eval(x)  # portcullis-ignore test.rule reason=\"migration\" until=2026-12-31"));

        Assert.Equal(new DateOnly(2026, 12, 31), finding.Suppression?.Until);
    }

    [Fact]
    public void A_verified_fix_carries_the_fixed_code_and_a_unified_diff()
    {
        var engine = RuleHarness.Engine("python", "pattern: yaml.load($X)", fix: "yaml.safe_load($X)");

        var finding = Assert.Single(RuleHarness.Scan(engine, "python", "import yaml\n\ndef read(t):\n    return yaml.load(t)\n"));

        Assert.NotNull(finding.Fix);
        Assert.True(finding.Fix.Verified);
        Assert.Equal("import yaml\n\ndef read(t):\n    return yaml.safe_load(t)\n", finding.Fix.FixedCode);
        Assert.Contains("-    return yaml.load(t)\n+    return yaml.safe_load(t)\n", finding.Fix.Diff, StringComparison.Ordinal);
        Assert.StartsWith("--- a/t\n+++ b/t\n@@ -1,4 +1,4 @@", finding.Fix.Diff, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"yaml.load(($X\"")]
    [InlineData("\"yaml.load($X, also=yaml.load($X))\"")]
    public void A_fix_that_does_not_parse_or_still_fires_is_never_offered(string template)
    {
        var engine = RuleHarness.Engine("python", "pattern: yaml.load($X)", fix: template);

        var finding = Assert.Single(RuleHarness.Scan(engine, "python", "v = yaml.load(t)\n"));

        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("template: \"'sha256'\"\nfocus: $ALG")]
    [InlineData("template: \"sha256_of($ALG)\"")]
    public void A_fix_needing_a_metavariable_this_alternative_did_not_bind_is_not_offered(string fix)
    {
        var engine = RuleHarness.Engine("python", "any:\n  - all:\n      - pattern: new_hash($ALG)\n      - where: {metavariable: $ALG, regex: md5}\n  - pattern: md5_hex(data)", fix: fix);

        var findings = RuleHarness.Scan(engine, "python", "a = new_hash('md5')\nb = md5_hex(data)\n");

        Assert.Equal(2, findings.Count);
        Assert.NotNull(findings[0].Fix);
        Assert.Null(findings[1].Fix);
    }

    [Fact]
    public void Multi_line_fixes_keep_the_indentation_of_the_match()
    {
        var engine = RuleHarness.Engine("python", "pattern: risky($X)", fix: "|\n  check($X)\n  safe($X)");

        var finding = Assert.Single(RuleHarness.Scan(engine, "python", "def f(x):\n    if x:\n        risky(x)\n"));

        Assert.Equal("def f(x):\n    if x:\n        check(x)\n        safe(x)\n", finding.Fix?.FixedCode);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_an_error_that_blocks()
    {
        var engine = new ScanEngine([], new ParseLimits(100, TimeSpan.FromSeconds(5)));

        var result = engine.Scan(new SourceText("big.py", "python", new string('#', 200)));

        Assert.True(result.Failed);
        Assert.Contains("over the 100-byte limit", result.Error, StringComparison.Ordinal);
        Assert.Equal(Verdict.Block, VerdictPolicy.Default.Decide([result]));
    }

    [Theory]
    [InlineData(Severity.Critical, Confidence.Medium, Verdict.Block)]
    [InlineData(Severity.High, Confidence.High, Verdict.Block)]
    [InlineData(Severity.High, Confidence.Low, Verdict.Warn)]
    [InlineData(Severity.Medium, Confidence.High, Verdict.Warn)]
    public void Default_policy_blocks_critical_and_high_of_medium_or_higher_confidence(Severity severity, Confidence confidence, Verdict expected)
    {
        var finding = new Finding("r", severity, confidence, Taxonomy.Empty, "m", "p", default, "s", "f");

        Assert.Equal(expected, VerdictPolicy.Default.Decide([new FileScanResult("p", "python", [finding], null, TimeSpan.Zero)]));
    }

    [Fact]
    public void No_findings_allow()
    {
        Assert.Equal(Verdict.Allow, VerdictPolicy.Default.Decide([new FileScanResult("p", "python", [], null, TimeSpan.Zero)]));
    }

    [Fact]
    public void Fingerprints_survive_code_moving_down_the_file()
    {
        var engine = RuleHarness.Engine("python", "pattern: eval($X)");

        var before = Assert.Single(RuleHarness.Scan(engine, "python", "eval(x)\n"));
        var after = Assert.Single(RuleHarness.Scan(engine, "python", "import os\n\n\neval( x )\n"));

        Assert.Equal(before.Fingerprint, after.Fingerprint);
        Assert.NotEqual(before.Span.StartLine, after.Span.StartLine);
    }
}
