using Portcullis.Rules.Loading;
using Portcullis.Rules.Model;
using Portcullis.Syntax;

namespace Portcullis.Rules.Tests;

public sealed class RuleFileParserTests
{
    private const string ValidRule = """
        rules:
          - id: python.test.eval
            languages: [python]
            severity: high
            confidence: high
            cwe: [CWE-94]
            owasp: [A03:2021]
            message: eval of input
            match:
              pattern: eval($X)
            tests:
              match: ["eval(x)"]
              no-match: ["print(x)"]
        """;

    [Fact]
    public void A_valid_rule_file_loads_with_its_metadata()
    {
        var rule = Assert.Single(RuleFileParser.Parse("ok.yaml", ValidRule, LanguageIds.Normalize));

        Assert.Equal("python.test.eval", rule.Id);
        Assert.Equal(["python"], rule.Languages);
        Assert.Equal(Core.Severity.High, rule.Descriptor.Severity);
        Assert.Equal(["CWE-94"], rule.Descriptor.Taxonomy.Cwe.ToArray());
        Assert.IsType<PatternClause>(rule.Match);
    }

    [Theory]
    [InlineData("severity: high", "severity: severe", "'severe' is not one of info/low/medium/high/critical")]
    [InlineData("cwe: [CWE-94]", "cwe: [94]", "'94' is not a CWE id")]
    [InlineData("owasp: [A03:2021]", "owasp: [A3]", "not an OWASP Top 10 2021 id")]
    [InlineData("languages: [python]", "languages: [cobol]", "unknown language 'cobol'")]
    [InlineData("    message: eval of input\n", "    message: eval of input\n    mesage: typo\n", "unknown key 'mesage'")]
    [InlineData("      pattern: eval($X)", "      patern: eval($X)", "unknown match clause 'patern'")]
    [InlineData("    tests:\n      match: [\"eval(x)\"]\n      no-match: [\"print(x)\"]", "", "has no tests")]
    [InlineData("      no-match: [\"print(x)\"]", "      no-match: []", "needs at least one 'match' and one 'no-match' test")]
    public void A_malformed_rule_is_rejected_with_file_line_and_reason(string find, string replace, string reason)
    {
        var yaml = ValidRule.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(ValidRule, yaml);

        var error = Assert.Throws<RuleLoadException>(() => RuleFileParser.Parse("bad.yaml", yaml, LanguageIds.Normalize));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal("bad.yaml", error.Location.File);
        Assert.True(error.Location.Line >= 1);
        Assert.StartsWith($"bad.yaml:{error.Location.Line}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("first", null)]
    public void A_taint_sink_may_name_the_list_element_that_reaches_it(string element, int? expected)
    {
        var yaml = ValidRule.Replace("    match:\n      pattern: eval($X)\n", $$"""
                taint:
                  sources: [{pattern: input()}]
                  sinks:
                    - pattern: eval($X)
                      argument: $X
                      element: {{element}}

            """, StringComparison.Ordinal);
        Assert.NotEqual(ValidRule, yaml);

        if (expected is null)
        {
            var error = Assert.Throws<RuleLoadException>(() => RuleFileParser.Parse("bad.yaml", yaml, LanguageIds.Normalize));
            Assert.Contains($"sink element '{element}' is not a list index", error.Message, StringComparison.Ordinal);
            return;
        }
        var rule = Assert.Single(RuleFileParser.Parse("ok.yaml", yaml, LanguageIds.Normalize));
        Assert.Equal(expected, Assert.Single(rule.Taint!.Sinks).Element);
    }

    [Fact]
    public void Invalid_yaml_names_the_line_it_breaks_on()
    {
        var error = Assert.Throws<RuleLoadException>(() => RuleFileParser.Parse("broken.yaml", "rules:\n  - id: x\n    languages: [python\n", LanguageIds.Normalize));

        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Location.Line >= 2);
    }

    [Fact]
    public void Duplicate_rule_ids_are_rejected()
    {
        var rules = RuleFileParser.Parse("a.yaml", ValidRule, LanguageIds.Normalize).Concat(RuleFileParser.Parse("b.yaml", ValidRule, LanguageIds.Normalize));

        var error = Assert.Throws<RuleLoadException>(() => EmbeddedRulePacks.RejectDuplicateIds(rules));

        Assert.Contains("also defined at a.yaml", error.Message, StringComparison.Ordinal);
    }
}
