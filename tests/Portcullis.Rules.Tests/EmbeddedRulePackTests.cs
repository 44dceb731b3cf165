using Portcullis.Analysis.Matching;
using Portcullis.Rules.Loading;
using Portcullis.Syntax;
using Xunit.Abstractions;

namespace Portcullis.Rules.Tests;

/// <summary>Every embedded rule ships only when its own tests pass: this is that gate.</summary>
public sealed class EmbeddedRulePackTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_embedded_rule_passes_its_own_tests()
    {
        var rules = EmbeddedRulePacks.Load(LanguageIds.Normalize);

        var failures = RuleTestRunner.Run(rules);

        foreach (var failure in failures)
        {
            output.WriteLine($"{failure.RuleId} ({failure.Origin}) [{failure.Language}]: {failure.Reason}\n{failure.Snippet}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void The_first_pack_covers_python_javascript_and_java()
    {
        var languages = EmbeddedRulePacks.Load(LanguageIds.Normalize).SelectMany(r => r.Languages).ToHashSet();

        Assert.Contains("python", languages);
        Assert.Contains("javascript", languages);
        Assert.Contains("java", languages);
    }

    [Fact]
    public void A_rule_whose_test_fails_is_reported_with_its_origin()
    {
        var yaml = """
            rules:
              - id: python.test.wrong
                languages: [python]
                severity: low
                confidence: low
                cwe: [CWE-94]
                message: m
                match: eval($X)
                tests:
                  match: ["exec(x)"]
                  no-match: ["eval(x)"]
            """;
        var rule = Assert.Single(RuleFileParser.Parse("wrong.yaml", yaml, LanguageIds.Normalize));

        var failures = RuleTestRunner.Run(rule);

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Reason == "expected a match, found none");
        Assert.Contains(failures, f => f.Reason == "expected no match, found one");
        Assert.All(failures, f => Assert.Equal("wrong.yaml", f.Origin.File));
    }

    [Fact]
    public void A_pattern_that_does_not_parse_is_a_load_error_naming_the_rule_file()
    {
        var yaml = """
            rules:
              - id: java.test.broken
                languages: [java]
                severity: low
                confidence: low
                cwe: [CWE-94]
                message: m
                match: "foo(((("
                tests:
                  match: ["class A { void f() { foo(x); } }"]
                  no-match: ["class A {}"]
            """;
        var rule = Assert.Single(RuleFileParser.Parse("broken.yaml", yaml, LanguageIds.Normalize));

        var failure = Assert.Single(RuleTestRunner.Run(rule));

        Assert.Equal("broken.yaml", failure.Origin.File);
        Assert.Equal(8, failure.Origin.Line);
        Assert.Contains("does not parse as java", failure.Reason, StringComparison.Ordinal);
    }
}
