using System.Collections.Immutable;
using Portcullis.Core;
using Portcullis.Gate.Policy;

namespace Portcullis.Gate.Tests;

public sealed class PolicyTests
{
    internal static Finding Finding(string rule, Severity severity, Confidence confidence, string cwe = "CWE-89", string path = "src/app.py") =>
        new(rule, severity, confidence, new Taxonomy([cwe], ["A03:2021"], ImmutableArray<string>.Empty), "m", path, new SourceSpan(0, 1, 1, 1, 1, 2), "x", "fp-" + rule);

    private static SubmissionContext Context(string path = "src/app.py", string language = "python", string? repository = null, string? agent = null) =>
        new(path, language, repository, agent);

    [Fact]
    public void The_embedded_default_blocks_high_findings_of_medium_confidence_and_warns_on_the_rest()
    {
        var policy = GatePolicy.Default;

        Assert.Equal(PolicyAction.Block, policy.ActionFor(Finding("r", Severity.High, Confidence.Medium), Context()));
        Assert.Equal(PolicyAction.Warn, policy.ActionFor(Finding("r", Severity.High, Confidence.Low), Context()));
        Assert.Equal(PolicyAction.Warn, policy.ActionFor(Finding("r", Severity.Medium, Confidence.High), Context()));
        Assert.StartsWith("sha256:", policy.Digest, StringComparison.Ordinal);
        Assert.Equal(1, policy.Version);
    }

    [Fact]
    public void A_rule_setting_beats_a_cwe_setting_and_a_scoped_setting_beats_a_global_one()
    {
        var policy = GatePolicy.Parse("""
            version: 2
            block: { severity: high, confidence: medium }
            settings:
              - cwe: CWE-89
                action: warn
              - rule: py.sql
                action: block
                when: { repositories: [payments] }
              - rule: py.sql
                action: ignore
            """);
        var finding = Finding("py.sql", Severity.Critical, Confidence.High);

        Assert.Equal(PolicyAction.Block, policy.ActionFor(finding, Context(repository: "payments")));
        Assert.Equal(PolicyAction.Ignore, policy.ActionFor(finding, Context(repository: "blog")));
        Assert.Equal(PolicyAction.Warn, policy.ActionFor(Finding("other", Severity.Critical, Confidence.High), Context()));
    }

    [Fact]
    public void A_scope_changes_the_threshold_only_where_it_matches()
    {
        var policy = GatePolicy.Parse("""
            version: 3
            block: { severity: high, confidence: medium }
            scopes:
              - when: { paths: ["tests/**"], languages: [python] }
                block: { severity: critical, confidence: high }
            """);
        var high = Finding("r", Severity.High, Confidence.High);

        Assert.Equal(PolicyAction.Warn, policy.ActionFor(high, Context("repo/tests/test_app.py")));
        Assert.Equal(PolicyAction.Block, policy.ActionFor(high, Context("repo/tests/test_app.js", "javascript")));
        Assert.Equal(PolicyAction.Block, policy.ActionFor(high, Context("repo/src/app.py")));
    }

    [Theory]
    [InlineData("/home/dev/repo/.github/workflows/ci.yml")]
    [InlineData(".github/workflows/deploy/release.yaml")]
    [InlineData("src/../.GitHub/Workflows/ci.yml")]
    [InlineData("C:\\repo\\.github\\workflows\\ci.yml")]
    [InlineData("/srv/app/config/id_rsa")]
    [InlineData("keys/prod.pem")]
    public void Protected_paths_match_wherever_the_checkout_is_and_however_the_path_is_spelled(string path)
    {
        Assert.NotNull(GatePolicy.Default.ProtectedPathMatching(path));
    }

    [Theory]
    [InlineData("src/github/workflows.py")]
    [InlineData("docs/pem.md")]
    public void Ordinary_paths_are_not_protected(string path)
    {
        Assert.Null(GatePolicy.Default.ProtectedPathMatching(path));
    }

    [Theory]
    [InlineData("version: 1\nblock: { severity: extreme }\n", "block.severity")]
    [InlineData("version: 1\nblock: { severity: high }\nthresholds: {}\n", "unknown key 'thresholds'")]
    [InlineData("block: { severity: high }\n", "no 'version'")]
    [InlineData("version: 1\nblock: { severity: high }\nsettings:\n  - rule: x\n    cwe: CWE-1\n    action: warn\n", "exactly one")]
    [InlineData("version: 1\nblock: [", "invalid YAML")]
    public void An_invalid_policy_is_refused_with_the_reason(string yaml, string reason)
    {
        var error = Assert.Throws<PolicyException>(() => GatePolicy.Parse(yaml));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raising_the_threshold_removing_a_protected_path_or_ignoring_a_rule_loosens_blocking()
    {
        var current = GatePolicy.Parse("version: 1\nblock: { severity: high, confidence: medium }\nprotectedPaths: [\".github/workflows/**\"]\n");

        Assert.NotEmpty(PolicyLoosening.Reasons(current, GatePolicy.Parse("version: 2\nblock: { severity: critical, confidence: medium }\nprotectedPaths: [\".github/workflows/**\"]\n")));
        Assert.NotEmpty(PolicyLoosening.Reasons(current, GatePolicy.Parse("version: 2\nblock: { severity: high, confidence: medium }\n")));
        Assert.NotEmpty(PolicyLoosening.Reasons(current, GatePolicy.Parse("version: 2\nblock: { severity: high, confidence: medium }\nprotectedPaths: [\".github/workflows/**\"]\nsettings: [{ rule: py.sql, action: ignore }]\n")));
        Assert.NotEmpty(PolicyLoosening.Reasons(current, GatePolicy.Parse("version: 2\nblock: { severity: high, confidence: medium }\nprotectedPaths: [\".github/workflows/**\"]\nscopes: [{ when: { paths: [\"tests/**\"] }, block: { severity: critical } }]\n")));
    }

    [Fact]
    public void Lowering_the_threshold_or_adding_blocking_settings_does_not_loosen()
    {
        var current = GatePolicy.Parse("version: 1\nblock: { severity: high, confidence: medium }\nprotectedPaths: [\".github/workflows/**\"]\n");
        var stricter = GatePolicy.Parse("version: 2\nblock: { severity: medium, confidence: low }\nprotectedPaths: [\".github/workflows/**\", \"deploy/**\"]\nsettings: [{ cwe: CWE-798, action: block }]\n");

        Assert.Empty(PolicyLoosening.Reasons(current, stricter));
    }
}
