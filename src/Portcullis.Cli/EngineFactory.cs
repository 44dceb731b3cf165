using Portcullis.Analysis;
using Portcullis.Analysis.Matching;
using Portcullis.Analysis.Pipeline;
using Portcullis.Rules.Model;
using Portcullis.Syntax;

namespace Portcullis.Cli;

/// <summary>Assembles the scan engine: structural rules (embedded and user files) and the C# analyzers.</summary>
internal static class EngineFactory
{
    /// <summary>
    /// The engine; when the languages to scan are known up front (named files, standard input, a
    /// hook's one write), only the embedded packs for them are loaded, which is most of a cold start.
    /// </summary>
    public static ScanEngine Create(IReadOnlyList<string> userRulePaths, ParseLimits limits, TextWriter stderr, IReadOnlySet<string>? languages = null)
    {
        var definitions = LoadRules(userRulePaths, stderr, languages);
        IAnalyzer[] analyzers =
        [
            .. StructuralRules.CreateAnalyzers(definitions),
            new Secrets.SecretsAnalyzer(),
            new Solidity.SolidityAnalyzer(),
        ];
        return new ScanEngine(analyzers, limits);
    }

    /// <summary>
    /// Embedded rules are tested in CI before they ship. Rule files a user adds are tested here, at load:
    /// a rule whose own tests fail does not load, and the user is told which and why.
    /// </summary>
    public static IReadOnlyList<RuleDefinition> LoadRules(IReadOnlyList<string> userRulePaths, TextWriter stderr, IReadOnlySet<string>? languages = null)
    {
        var all = StructuralRules.LoadDefinitions(userRulePaths, languages).ToList();
        if (userRulePaths.Count == 0)
        {
            return all;
        }
        var embedded = StructuralRules.LoadDefinitions(onlyLanguages: languages).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var loaded = new List<RuleDefinition>();
        foreach (var rule in all)
        {
            if (!embedded.Contains(rule.Id) && RuleTestRunner.Run(rule) is { Count: > 0 } failures)
            {
                foreach (var failure in failures)
                {
                    stderr.WriteLine($"portcullis: rule '{rule.Id}' not loaded ({failure.Origin}): {failure.Reason} [{failure.Language}]");
                }
                continue;
            }
            loaded.Add(rule);
        }
        return loaded;
    }
}
