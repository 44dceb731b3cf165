using Portcullis.Analysis.Fixing;
using Portcullis.Analysis.Matching;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Rules.Loading;
using Portcullis.Rules.Model;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Tests;

/// <summary>
/// The secure pattern library is guidance agents are given, so it is held to what it claims: the
/// secure example scans clean, the insecure one is caught by the rule the entry names, and the fix
/// engine turns the insecure one into code that scans clean.
/// </summary>
public sealed class SecurePatternLibraryTests
{
    private static readonly Lazy<ScanEngine> Engine = new(() => new ScanEngine([.. StructuralRules.CreateAnalyzers(StructuralRules.LoadDefinitions())]));

    private static readonly IReadOnlyList<SecurePattern> Library = EmbeddedSecurePatterns.Load(LanguageIds.Normalize);

    public static TheoryData<string> PatternIds => [.. Library.Select(p => p.Id)];

    private static SecurePattern Pattern(string id) => Library.Single(p => p.Id == id);

    private static FileScanResult Scan(SecurePattern pattern, string code) =>
        Engine.Value.Scan(new SourceText($"example.{pattern.Language}", pattern.Language, code));

    [Fact]
    public void The_library_covers_several_languages_and_topics_and_names_only_loaded_rules()
    {
        var rules = Engine.Value.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

        Assert.True(Library.Select(p => p.Language).Distinct().Count() >= 3);
        Assert.True(Library.Select(p => p.Topic).Distinct().Count() >= 8);
        Assert.All(Library, p =>
        {
            Assert.True(rules.TryGetValue(p.RuleId, out var rule), $"{p.Id} names unknown rule {p.RuleId}");
            Assert.Contains(p.Language, rule!.Languages);
            Assert.NotEmpty(p.Cwe.Intersect(rule.Taxonomy.Cwe));
        });
    }

    [Theory]
    [MemberData(nameof(PatternIds))]
    public void The_secure_example_scans_clean(string id)
    {
        var pattern = Pattern(id);

        var result = Scan(pattern, pattern.Secure);

        Assert.False(result.Failed, result.Error);
        Assert.Empty(result.Findings.Select(f => $"{f.RuleId} at line {f.Span.StartLine}"));
    }

    [Theory]
    [MemberData(nameof(PatternIds))]
    public void The_insecure_example_is_caught_by_the_named_rule(string id)
    {
        var pattern = Pattern(id);

        var result = Scan(pattern, pattern.Insecure);

        Assert.Contains(result.Findings, f => f.RuleId == pattern.RuleId);
    }

    [Theory]
    [MemberData(nameof(PatternIds))]
    public void The_fix_engine_turns_the_insecure_example_into_code_that_scans_clean(string id)
    {
        var pattern = Pattern(id);

        var (fixedCode, applied) = VerifiedFixes.ApplyAll(Engine.Value, new SourceText($"example.{pattern.Language}", pattern.Language, pattern.Insecure));

        Assert.True(applied > 0, $"no verified fix for {pattern.RuleId}");
        Assert.Empty(Scan(pattern, fixedCode.Text).Findings.Select(f => $"{f.RuleId} at line {f.Span.StartLine}"));
    }
}
