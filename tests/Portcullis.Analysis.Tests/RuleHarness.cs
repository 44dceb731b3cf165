using Portcullis.Analysis.Matching;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Rules.Loading;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Tests;

/// <summary>Builds a scan engine from one YAML rule, for tests of the match language.</summary>
internal static class RuleHarness
{
    public static ScanEngine Engine(string language, string match, string? fix = null, TimeProvider? time = null)
    {
        var indented = string.Join("\n", match.Split('\n').Select(l => "      " + l));
        var fixYaml = fix is null ? "" : $"    fix:\n{string.Join("\n", fix.Split('\n').Select(l => "      " + l))}\n";
        var yaml = $"""
            rules:
              - id: test.rule
                languages: [{language}]
                severity: high
                confidence: high
                cwe: [CWE-94]
                owasp: [A03:2021]
                message: test rule
                match:
            {indented}
            {fixYaml}    tests:
                  match: ["x"]
                  no-match: ["y"]
            """;
        var rules = RuleFileParser.Parse("test.yaml", yaml, LanguageIds.Normalize);
        return new ScanEngine([.. StructuralRules.CreateAnalyzers(rules, compileNow: true)], time: time);
    }

    public static IReadOnlyList<Finding> Scan(ScanEngine engine, string language, string code) =>
        engine.Scan(new SourceText("t", language, code)).Findings;

    public static IReadOnlyList<string> Matches(string language, string match, string code) =>
        Scan(Engine(language, match), language, code).Select(f => f.Snippet).ToList();
}
