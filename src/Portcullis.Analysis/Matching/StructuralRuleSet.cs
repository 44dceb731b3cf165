using System.Collections.Concurrent;
using Portcullis.Rules.Model;

namespace Portcullis.Analysis.Matching;

/// <summary>
/// The structural rules, compiled once per grammar on first use (a hook scanning one Python file pays
/// for the Python rules only). A rule whose pattern does not parse fails the whole set with its origin.
/// </summary>
internal sealed class StructuralRuleSet(IReadOnlyList<RuleDefinition> rules, Func<string, string?, string?> grammarFor)
{
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<CompiledRule>>> _byGrammar = new(StringComparer.Ordinal);

    public IReadOnlyList<RuleDefinition> Rules { get; } = rules;

    /// <summary>The rules for a language, compiled with the grammar that parsed the target.</summary>
    public IReadOnlyList<CompiledRule> For(string language, string grammarId) =>
        _byGrammar.GetOrAdd(grammarId + "\0" + language, _ => new Lazy<IReadOnlyList<CompiledRule>>(() => Compile(language, grammarId))).Value;

    /// <summary>Compiles every rule for every grammar it names, so load errors surface at once.</summary>
    public void CompileAll()
    {
        foreach (var rule in Rules)
        {
            foreach (var language in rule.Languages)
            {
                if (grammarFor(language, null) is { } grammar)
                {
                    _ = For(language, grammar);
                }
            }
        }
    }

    private List<CompiledRule> Compile(string language, string grammarId) =>
        Rules.Where(r => r.Match is not null && r.Languages.Contains(language)).Select(r => CompiledRule.Compile(r, grammarId)).ToList();
}
