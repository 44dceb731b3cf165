using Portcullis.Syntax;

namespace Portcullis.Analysis.Matching;

/// <summary>
/// Matches compiled patterns against syntax nodes. Kinds must be equal, leaves must have equal text,
/// and children are matched as sequences in which ellipses and sequence metavariables absorb any
/// number of nodes (with backtracking). Comments and list commas are ignored on both sides.
/// </summary>
internal static class NodeMatcher
{
    /// <summary>Bounds backtracking on pathological inputs; real patterns need a few dozen steps.</summary>
    private const int StepBudget = 20_000;

    public static Bindings? Match(PatternNode pattern, SyntaxNode target, Bindings bindings)
    {
        var budget = StepBudget;
        return MatchNode(pattern, target, bindings, ref budget);
    }

    /// <summary>Matches a statement sequence against a window of siblings starting at <paramref name="siblings"/>[start].</summary>
    public static (Bindings Bindings, int LastIndex)? MatchSequenceAt(PatternNode[] pattern, IReadOnlyList<SyntaxNode> siblings, int start, Bindings bindings)
    {
        var budget = StepBudget;
        return MatchSequencePrefix(pattern, 0, siblings, start, bindings, ref budget);
    }

    private static Bindings? MatchNode(PatternNode pattern, SyntaxNode target, Bindings bindings, ref int budget)
    {
        if (--budget < 0)
        {
            return null;
        }
        switch (pattern.Role)
        {
            case PatternNodeRole.Ellipsis:
                return bindings;
            case PatternNodeRole.Metavariable:
            case PatternNodeRole.SequenceMetavariable:
                return BindOrCompare(pattern.Name!, target, target.StartByte, target.EndByte, bindings);
            case PatternNodeRole.AnyString:
                return target.KindId == pattern.Kind && HasStringPrefix(target, pattern.Name!) ? bindings : null;
        }
        if (target.KindId != pattern.Kind)
        {
            return null;
        }
        if (pattern.IsLeaf)
        {
            return CodeEquality.SameBytes(pattern.LeafText, target.Utf8) ? bindings : null;
        }
        var children = Children(target);
        return MatchChildren(pattern.Children, 0, children, 0, bindings, ref budget);
    }

    /// <summary>All pattern children must consume all target children.</summary>
    private static Bindings? MatchChildren(PatternNode[] pattern, int p, List<SyntaxNode> target, int t, Bindings bindings, ref int budget)
    {
        if (p == pattern.Length)
        {
            return t == target.Count ? bindings : null;
        }
        var current = pattern[p];
        if (current.IsSequenceWildcard)
        {
            for (var take = 0; t + take <= target.Count; take++)
            {
                var bound = current.Role == PatternNodeRole.SequenceMetavariable
                    ? BindSequence(current.Name!, target, t, take, bindings)
                    : bindings;
                if (bound is not null && MatchChildren(pattern, p + 1, target, t + take, bound, ref budget) is { } result)
                {
                    return result;
                }
                if (--budget < 0)
                {
                    return null;
                }
            }
            return null;
        }
        if (t == target.Count)
        {
            return null;
        }
        var matched = MatchNode(current, target[t], bindings, ref budget);
        return matched is null ? null : MatchChildren(pattern, p + 1, target, t + 1, matched, ref budget);
    }

    /// <summary>Like <see cref="MatchChildren"/> but the pattern may end before the siblings do.</summary>
    private static (Bindings, int)? MatchSequencePrefix(PatternNode[] pattern, int p, IReadOnlyList<SyntaxNode> siblings, int t, Bindings bindings, ref int budget)
    {
        if (p == pattern.Length)
        {
            return (bindings, t - 1);
        }
        var current = pattern[p];
        if (current.IsSequenceWildcard)
        {
            if (p == pattern.Length - 1)
            {
                // A trailing ellipsis reaches to the end of the block, so "inside" such a sequence
                // means anywhere after its first statement.
                return (bindings, Math.Max(t - 1, siblings.Count - 1));
            }
            for (var take = 0; t + take < siblings.Count; take++)
            {
                if (MatchSequencePrefix(pattern, p + 1, siblings, t + take, bindings, ref budget) is { } result)
                {
                    return result;
                }
                if (--budget < 0)
                {
                    return null;
                }
            }
            return null;
        }
        if (t >= siblings.Count)
        {
            return null;
        }
        var matched = MatchNode(current, siblings[t], bindings, ref budget);
        return matched is null ? null : MatchSequencePrefix(pattern, p + 1, siblings, t + 1, matched, ref budget);
    }

    private static Bindings? BindOrCompare(string name, SyntaxNode node, int start, int end, Bindings bindings)
    {
        var existing = bindings.Find(name);
        if (existing is null)
        {
            return bindings.Bind(name, node, start, end);
        }
        return CodeEquality.SameCode(node.Tree.Source.Utf8, existing.StartByte, existing.EndByte, start, end) ? bindings : null;
    }

    private static Bindings? BindSequence(string name, List<SyntaxNode> target, int start, int count, Bindings bindings)
    {
        if (count == 0)
        {
            var at = start < target.Count ? target[start].StartByte : (target.Count > 0 ? target[^1].EndByte : 0);
            var anchor = start < target.Count ? target[start] : (target.Count > 0 ? target[^1] : default);
            return anchor.Tree is null ? bindings : BindOrCompare(name, anchor, at, at, bindings);
        }
        return BindOrCompare(name, target[start], target[start].StartByte, target[start + count - 1].EndByte, bindings);
    }

    private static bool HasStringPrefix(SyntaxNode target, string prefix)
    {
        var text = target.Utf8;
        var i = 0;
        while (i < text.Length && text[i] is not ((byte)'"' or (byte)'\'' or (byte)'`'))
        {
            i++;
        }
        return System.Text.Ascii.EqualsIgnoreCase(text[..i], System.Text.Encoding.ASCII.GetBytes(prefix));
    }

    public static List<SyntaxNode> Children(SyntaxNode node) => PatternCompiler.Significant(node).ToList();
}
