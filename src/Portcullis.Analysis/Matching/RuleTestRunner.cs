using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Rules.Model;

namespace Portcullis.Analysis.Matching;

/// <summary>One failed expectation of a rule's own tests.</summary>
public sealed record RuleTestFailure(string RuleId, SourceLocation Origin, string Language, string Reason, string Snippet);

/// <summary>
/// Runs every rule's <c>tests</c>: each <c>match</c> snippet must produce a finding of that rule in
/// every language the rule names, each <c>no-match</c> snippet none; when the rule has a fix, the fix of
/// each <c>match</c> snippet must verify.
/// </summary>
public static class RuleTestRunner
{
    public static IReadOnlyList<RuleTestFailure> Run(IReadOnlyList<RuleDefinition> rules)
    {
        var failures = new List<RuleTestFailure>();
        foreach (var rule in rules)
        {
            failures.AddRange(Run(rule));
        }
        return failures;
    }

    public static IReadOnlyList<RuleTestFailure> Run(RuleDefinition rule)
    {
        var failures = new List<RuleTestFailure>();
        ScanEngine engine;
        try
        {
            engine = new ScanEngine([.. StructuralRules.CreateAnalyzers([rule], compileNow: true)]);
        }
        catch (RuleLoadException e)
        {
            return [new RuleTestFailure(rule.Id, e.Location, "*", e.Reason, "")];
        }
        foreach (var language in rule.Languages)
        {
            var fixedAny = false;
            foreach (var snippet in rule.Tests.Match)
            {
                var result = engine.Scan(new SourceText("test", language, snippet), verifyFixes: rule.Fix is not null);
                var hits = result.Findings.Where(f => f.RuleId == rule.Id).ToList();
                if (result.Error is not null)
                {
                    failures.Add(new RuleTestFailure(rule.Id, rule.Origin, language, result.Error, snippet));
                }
                else if (hits.Count == 0)
                {
                    failures.Add(new RuleTestFailure(rule.Id, rule.Origin, language, "expected a match, found none", snippet));
                }
                else if (hits.Any(h => h.Proposal is not null && h.Fix is null))
                {
                    failures.Add(new RuleTestFailure(rule.Id, rule.Origin, language, "the rule's fix did not verify (it does not parse, or the rule still fires)", snippet));
                }
                else if (rule.Fix is { Rewrite: null } && hits.Any(h => h.Fix is null))
                {
                    failures.Add(new RuleTestFailure(rule.Id, rule.Origin, language, "the rule's fix template gave no fix here", snippet));
                }
                fixedAny |= hits.Any(h => h.Fix is not null);
            }
            if (rule.Fix is not null && !fixedAny)
            {
                // A rewrite may decline a case it cannot rewrite exactly, but one that never fixes is broken.
                failures.Add(new RuleTestFailure(rule.Id, rule.Origin, language, "the rule has a fix, but no 'match' test got a verified one", ""));
            }
            foreach (var snippet in rule.Tests.NoMatch)
            {
                var result = engine.Scan(new SourceText("test", language, snippet), verifyFixes: false);
                if (result.Findings.Any(f => f.RuleId == rule.Id))
                {
                    failures.Add(new RuleTestFailure(rule.Id, rule.Origin, language, "expected no match, found one", snippet));
                }
            }
        }
        return failures;
    }
}
