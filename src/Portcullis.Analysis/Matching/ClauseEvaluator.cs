using System.Collections.Frozen;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Matching;

/// <summary>
/// Evaluates a compiled clause over a whole tree and returns where it matched. Patterns only visit
/// nodes of their start kind (from <see cref="TreeIndex"/>); <c>all</c> intersects ranges and unifies
/// bindings, then applies its filters.
/// </summary>
internal sealed class ClauseEvaluator(SyntaxTree tree, TreeIndex index)
{
    private static readonly IReadOnlyDictionary<string, FrozenSet<string>> NoConstraints = new Dictionary<string, FrozenSet<string>>();

    public List<PatternMatch> Evaluate(CompiledClause clause) => Evaluate(clause, NoConstraints);

    /// <param name="allowed">Names metavariables may bind, from the enclosing <c>all</c>.</param>
    private List<PatternMatch> Evaluate(CompiledClause clause, IReadOnlyDictionary<string, FrozenSet<string>> allowed) => clause switch
    {
        CompiledPatternClause p => EvaluatePattern(p.Pattern, allowed),
        CompiledAny any => any.Clauses.SelectMany(c => Evaluate(c, allowed)).DistinctBy(m => (m.StartByte, m.EndByte)).ToList(),
        CompiledAll all => EvaluateAll(all),
        _ => throw new InvalidOperationException($"{clause.GetType().Name} is only valid inside 'all'"),
    };

    private List<PatternMatch> EvaluateAll(CompiledAll all)
    {
        var matches = Evaluate(all.Positive[0], all.AllowedNames);
        for (var i = 1; i < all.Positive.Count && matches.Count > 0; i++)
        {
            var others = Evaluate(all.Positive[i], all.AllowedNames);
            matches = matches.SelectMany(m => others.Where(o => o.SameRange(m)).Select(o => Merge(m, o)).OfType<PatternMatch>().Take(1)).ToList();
        }
        foreach (var filter in all.Filters)
        {
            if (matches.Count == 0)
            {
                break;
            }
            matches = Apply(filter, matches);
        }
        return matches;
    }

    private List<PatternMatch> Apply(CompiledClause filter, List<PatternMatch> matches)
    {
        switch (filter)
        {
            case CompiledWhere where:
                return matches.Where(m => MetavariableConstraints.Hold(where, m.Bindings, tree)).ToList();
            case CompiledNot not:
            {
                var excluded = Evaluate(not.Clause);
                return matches.Where(m => !excluded.Any(e => e.SameRange(m) && Merge(m, e) is not null)).ToList();
            }
            case CompiledInside inside:
            {
                var contexts = Evaluate(inside.Clause);
                return matches.Select(m => contexts.Where(c => c.Contains(m)).Select(c => Merge(m, c)).FirstOrDefault(x => x is not null)).OfType<PatternMatch>().ToList();
            }
            case CompiledNotInside notInside:
            {
                var contexts = Evaluate(notInside.Clause);
                return matches.Where(m => !contexts.Any(c => c.Contains(m) && Merge(m, c) is not null)).ToList();
            }
            default:
                throw new InvalidOperationException($"{filter.GetType().Name} is not a filter");
        }
    }

    private PatternMatch? Merge(PatternMatch match, PatternMatch other) =>
        match.Bindings.Merge(other.Bindings, tree.Source.Utf8) is { } merged ? match with { Bindings = merged } : null;

    private List<PatternMatch> EvaluatePattern(CompiledPattern pattern, IReadOnlyDictionary<string, FrozenSet<string>> allowed)
    {
        var results = new List<PatternMatch>();
        if (pattern.Sequence is { } sequence)
        {
            // A sequence that starts with concrete code can only start at a node of that kind.
            var first = sequence[0];
            var parents = first.Role is PatternNodeRole.Literal or PatternNodeRole.AnyString
                ? index.OfKind(first.Kind).Select(i => tree.Node(i).Parent).OfType<SyntaxNode>().Select(p => p.Index).Distinct()
                : index.Parents;
            foreach (var parent in parents)
            {
                var siblings = NodeMatcher.Children(tree.Node(parent));
                for (var start = 0; start < siblings.Count; start++)
                {
                    if (first.Role == PatternNodeRole.Literal && siblings[start].KindId != first.Kind)
                    {
                        continue;
                    }
                    if (NodeMatcher.MatchSequenceAt(sequence, siblings, start, Bindings.Empty, allowed) is { } found && found.LastIndex >= start)
                    {
                        results.Add(new PatternMatch(siblings[start].StartByte, siblings[found.LastIndex].EndByte, found.Bindings));
                    }
                }
            }
            return results;
        }
        var root = pattern.Root!;
        var candidates = pattern.StartKind is { } kind ? index.OfKind(kind) : index.Named;
        foreach (var candidate in candidates)
        {
            var node = tree.Node(candidate);
            if (NodeMatcher.Match(root, node, Bindings.Empty, allowed) is { } bindings)
            {
                results.Add(new PatternMatch(node.StartByte, node.EndByte, bindings));
            }
        }
        return results;
    }
}
