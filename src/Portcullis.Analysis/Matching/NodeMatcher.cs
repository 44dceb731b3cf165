using System.Collections.Frozen;
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

    public static Bindings? Match(PatternNode pattern, SyntaxNode target, Bindings bindings, IReadOnlyDictionary<string, FrozenSet<string>>? allowed = null)
    {
        var state = new MatchState(allowed);
        return MatchNode(pattern, target, bindings, ref state);
    }

    /// <summary>Matches a statement sequence against a window of siblings starting at <paramref name="siblings"/>[start].</summary>
    public static (Bindings Bindings, int LastIndex)? MatchSequenceAt(PatternNode[] pattern, IReadOnlyList<SyntaxNode> siblings, int start, Bindings bindings, IReadOnlyDictionary<string, FrozenSet<string>>? allowed = null)
    {
        var state = new MatchState(allowed);
        return MatchSequencePrefix(pattern, 0, siblings, start, bindings, ref state);
    }

    /// <summary>The backtracking budget and the names metavariables may bind, carried through one match.</summary>
    private struct MatchState(IReadOnlyDictionary<string, FrozenSet<string>>? allowed)
    {
        public int Budget = StepBudget;

        public readonly IReadOnlyDictionary<string, FrozenSet<string>>? Allowed = allowed is { Count: > 0 } ? allowed : null;
    }

    private static Bindings? MatchNode(PatternNode pattern, SyntaxNode target, Bindings bindings, ref MatchState state)
    {
        if (--state.Budget < 0)
        {
            return null;
        }
        switch (pattern.Role)
        {
            case PatternNodeRole.Ellipsis:
                return bindings;
            case PatternNodeRole.Metavariable:
            case PatternNodeRole.SequenceMetavariable:
                if (state.Allowed is { } allowed && allowed.TryGetValue(pattern.Name!, out var names) && !AllowedNames.Contains(names, target.Utf8))
                {
                    return null;
                }
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
        if (!pattern.HasWildcardChild && target.ChildCount < pattern.Children.Length)
        {
            return null;
        }
        // Child indexes go to a stack buffer: matching runs for every candidate node, so no allocation.
        Span<int> buffer = stackalloc int[Math.Min(target.ChildCount, 64)];
        var children = target.ChildCount <= 64 ? buffer : new int[target.ChildCount];
        var count = SignificantChildren(target, children);
        return MatchChildren(pattern.Children, 0, target.Tree, children[..count], 0, bindings, ref state);
    }

    /// <summary>All pattern children must consume all target children.</summary>
    private static Bindings? MatchChildren(PatternNode[] pattern, int p, SyntaxTree tree, ReadOnlySpan<int> target, int t, Bindings bindings, ref MatchState state)
    {
        if (p == pattern.Length)
        {
            return t == target.Length ? bindings : null;
        }
        var current = pattern[p];
        if (current.IsSequenceWildcard)
        {
            for (var take = 0; t + take <= target.Length; take++)
            {
                var bound = current.Role == PatternNodeRole.SequenceMetavariable
                    ? BindSequence(current.Name!, tree, target, t, take, bindings)
                    : bindings;
                if (bound is not null && MatchChildren(pattern, p + 1, tree, target, t + take, bound, ref state) is { } result)
                {
                    return result;
                }
                if (--state.Budget < 0)
                {
                    return null;
                }
            }
            return null;
        }
        if (t == target.Length)
        {
            return null;
        }
        var matched = MatchNode(current, tree.Node(target[t]), bindings, ref state);
        return matched is null ? null : MatchChildren(pattern, p + 1, tree, target, t + 1, matched, ref state);
    }

    /// <summary>Like <see cref="MatchChildren"/> but the pattern may end before the siblings do.</summary>
    private static (Bindings, int)? MatchSequencePrefix(PatternNode[] pattern, int p, IReadOnlyList<SyntaxNode> siblings, int t, Bindings bindings, ref MatchState state)
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
                if (MatchSequencePrefix(pattern, p + 1, siblings, t + take, bindings, ref state) is { } result)
                {
                    return result;
                }
                if (--state.Budget < 0)
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
        var matched = MatchNode(current, siblings[t], bindings, ref state);
        return matched is null ? null : MatchSequencePrefix(pattern, p + 1, siblings, t + 1, matched, ref state);
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

    private static Bindings? BindSequence(string name, SyntaxTree tree, ReadOnlySpan<int> target, int start, int count, Bindings bindings)
    {
        if (target.Length == 0)
        {
            return bindings;
        }
        if (count == 0)
        {
            var anchor = tree.Node(target[Math.Min(start, target.Length - 1)]);
            var at = start < target.Length ? anchor.StartByte : anchor.EndByte;
            return BindOrCompare(name, anchor, at, at, bindings);
        }
        var first = tree.Node(target[start]);
        return BindOrCompare(name, first, first.StartByte, tree.Node(target[start + count - 1]).EndByte, bindings);
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

    /// <summary>Writes the indexes of the children that take part in matching; returns how many.</summary>
    private static int SignificantChildren(SyntaxNode node, Span<int> into)
    {
        var count = 0;
        foreach (var child in node.Children)
        {
            if (PatternCompiler.IsSignificant(child))
            {
                into[count++] = child.Index;
            }
        }
        return count;
    }
}
