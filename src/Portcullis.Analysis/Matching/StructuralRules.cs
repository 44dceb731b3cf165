using Portcullis.Analysis.Fixing.Rewrites;
using Portcullis.Rules.Loading;
using Portcullis.Rules.Model;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Matching;

/// <summary>Builds the structural analyzer from the embedded packs and any rule files the user adds.</summary>
public static class StructuralRules
{
    public static IReadOnlyList<RuleDefinition> LoadDefinitions(IEnumerable<string>? extraRulePaths = null, IReadOnlySet<string>? onlyLanguages = null)
    {
        var definitions = EmbeddedRulePacks.Load(LanguageIds.Normalize, onlyLanguages).ToList();
        foreach (var path in extraRulePaths ?? [])
        {
            definitions.AddRange(EmbeddedRulePacks.LoadFrom(path, LanguageIds.Normalize));
        }
        EmbeddedRulePacks.RejectDuplicateIds(definitions);
        return definitions;
    }

    /// <summary>The analyzers that run rule definitions: structural patterns and taint rules.</summary>
    public static IReadOnlyList<IAnalyzer> CreateAnalyzers(IReadOnlyList<RuleDefinition> definitions, bool compileNow = false)
    {
        foreach (var rule in definitions)
        {
            if (rule.Fix?.Rewrite is { } rewrite && CodeRewrites.Find(rewrite) is null)
            {
                throw new RuleLoadException(rule.Origin, $"rule '{rule.Id}': unknown fix rewrite '{rewrite}' (known: {string.Join(", ", CodeRewrites.Names.Order(StringComparer.Ordinal))})");
            }
        }
        var set = new StructuralRuleSet(definitions, LanguageIds.GrammarFor);
        var taint = new Dataflow.TaintAnalyzer(definitions);
        if (compileNow)
        {
            set.CompileAll();
            taint.CompileAll();
        }
        return [new StructuralAnalyzer(set), taint];
    }
}
