using Portcullis.Analysis.Matching;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;

namespace Portcullis.Analysis.Tests;

/// <summary>Scans code with every embedded rule (fixes verified), for the tests of the fixes those rules name.</summary>
internal static class EmbeddedRuleFixes
{
    private static readonly Lazy<ScanEngine> Engine = new(() => new ScanEngine([.. StructuralRules.CreateAnalyzers(StructuralRules.LoadDefinitions())]));

    /// <summary>The findings of one rule in the code, or of every rule when none is named.</summary>
    public static IReadOnlyList<Finding> Findings(string language, string code, string? ruleId = null) =>
        [.. Engine.Value.Scan(new SourceText("t", language, code)).Findings.Where(f => ruleId is null || f.RuleId == ruleId)];

    /// <summary>The code after every verified fix was applied one after the other (as <c>portcullis fix</c> does), and how many were.</summary>
    public static (string Code, int Applied) AllFixed(string language, string code)
    {
        var (fixedSource, applied) = Fixing.VerifiedFixes.ApplyAll(Engine.Value, new SourceText("t", language, code));
        return (fixedSource.Text, applied);
    }

    /// <summary>The code after the verified fix of the one finding of the rule, or null when none was offered.</summary>
    public static string? Fixed(string language, string code, string ruleId)
    {
        var finding = Assert.Single(Findings(language, code, ruleId));
        return finding.Fix is { Verified: true } fix ? fix.FixedCode : null;
    }
}
