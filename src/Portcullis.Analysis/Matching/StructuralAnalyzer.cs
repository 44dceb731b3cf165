using Portcullis.Core;
using Portcullis.Rules.Model;

namespace Portcullis.Analysis.Matching;

/// <summary>
/// Runs the YAML structural rules over the one parsed tree: rules for the language whose literal
/// prefilter passes and whose start kinds occur in the tree are evaluated; each match is a finding,
/// with the rule's fix template as a proposal for the fix stage to verify.
/// </summary>
internal sealed class StructuralAnalyzer(StructuralRuleSet rules) : IAnalyzer
{
    public string Name => "structural";

    public IReadOnlyList<RuleDescriptor> Rules { get; } = rules.Rules.Where(r => r.Match is not null).Select(r => r.Descriptor).ToArray();

    public bool AppliesTo(string language) => true;

    public void Analyze(AnalysisContext context)
    {
        if (context.Tree is not { } tree)
        {
            return;
        }
        var compiled = rules.For(context.Source.Language, tree.Grammar.Id);
        if (compiled.Count == 0)
        {
            return;
        }
        var index = new TreeIndex(tree);
        var evaluator = new ClauseEvaluator(tree, index);
        var wordCache = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var rule in compiled)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!rule.Prefilter.Passes(context.Source.Text, wordCache))
            {
                continue;
            }
            if (rule.StartKinds.Count > 0 && !rule.StartKinds.Any(index.HasKind))
            {
                continue;
            }
            foreach (var match in Outermost(evaluator.Evaluate(rule.Clause)))
            {
                var proposal = rule.Definition.Fix is { } fix ? FixTemplateRenderer.Render(fix, match, tree) : null;
                context.Report(rule.Definition.Descriptor, match.StartByte, match.EndByte, proposal: proposal);
            }
        }
    }

    /// <summary>One finding per place: a match nested inside another match of the same rule is dropped.</summary>
    private static IEnumerable<PatternMatch> Outermost(List<PatternMatch> matches) =>
        matches.Where(m => !matches.Any(o => !ReferenceEquals(o, m) && o.Contains(m) && !o.SameRange(m)))
            .DistinctBy(m => (m.StartByte, m.EndByte));
}
