using Portcullis.Rules.Model;

namespace Portcullis.Analysis.Matching;

/// <summary>
/// A structural rule compiled for one grammar: its clause, its text prefilter and the node kinds its
/// matches can start at (empty when a match can start anywhere).
/// </summary>
internal sealed record CompiledRule(RuleDefinition Definition, CompiledClause Clause, LiteralPrefilter Prefilter, IReadOnlySet<ushort> StartKinds)
{
    public static CompiledRule Compile(RuleDefinition definition, string grammarId)
    {
        var clause = ClauseCompiler.Compile(definition.Match ?? throw new ArgumentException($"rule {definition.Id} is not structural"), grammarId);
        return new CompiledRule(definition, clause, LiteralPrefilter.From(clause), StartKindsOf(clause));
    }

    private static HashSet<ushort> StartKindsOf(CompiledClause clause)
    {
        var kinds = new HashSet<ushort>();
        return Collect(clause, kinds) ? kinds : [];
    }

    /// <summary>False when some positive alternative can start at any node (then no kind filter applies).</summary>
    private static bool Collect(CompiledClause clause, HashSet<ushort> kinds) => clause switch
    {
        CompiledPatternClause { Pattern.StartKind: { } kind } => kinds.Add(kind) || true,
        CompiledPatternClause => false,
        CompiledAny any => any.Clauses.All(c => Collect(c, kinds)),
        CompiledAll all => Collect(all.Positive[0], kinds),
        _ => false,
    };
}
