using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>Where a Python name got the value it has at a use, for rewrites that move that value.</summary>
internal static class PythonValues
{
    /// <summary>
    /// The value of the last plain assignment to the name before the use, in the same function, when
    /// that assignment runs whenever the use does (its block holds the use) — <c>q = ...</c> then
    /// <c>q = f(q)</c> is followed to the assignment that holds at the use.
    /// </summary>
    public static SyntaxNode? LastAssignmentBefore(SyntaxNode use)
    {
        if (Scope(use) is not { } scope)
        {
            return null;
        }
        SyntaxNode? last = null;
        foreach (var node in scope.Descendants())
        {
            if (node.StartByte >= use.StartByte)
            {
                break;
            }
            if (!AssignsTo(node, use.Text) || node.Contains(use))
            {
                continue;
            }
            var statement = node.Parent;
            last = node.Kind == "assignment" && node.ChildByField("right") is { } value && statement?.Parent is { } block
                && block.Contains(use) ? value : null;
        }
        return last;
    }

    /// <summary>True when the name is assigned (in any way) between the end of one node and the start of another.</summary>
    public static bool AssignedBetween(string name, SyntaxNode from, SyntaxNode to) =>
        Scope(to) is { } scope && scope.Descendants().Any(d => d.StartByte >= from.EndByte && d.EndByte <= to.StartByte && AssignsTo(d, name));

    /// <summary>The name a call's result is assigned to (<c>name = call(...)</c>).</summary>
    public static string? AssignedName(SyntaxNode call) =>
        call.Parent is { Kind: "assignment" } assignment && assignment.ChildByField("right") == call
            && assignment.ChildByField("left") is { Kind: "identifier" } left ? left.Text : null;

    /// <summary>The calls <c>name(...)</c> after the node, up to the name's next assignment.</summary>
    public static IEnumerable<SyntaxNode> CallsOf(string name, SyntaxNode after)
    {
        if (Scope(after) is not { } scope)
        {
            yield break;
        }
        foreach (var node in scope.Descendants())
        {
            if (node.StartByte < after.EndByte)
            {
                continue;
            }
            if (AssignsTo(node, name))
            {
                yield break;
            }
            if (node.Kind == "call" && node.ChildByField("function") is { Kind: "identifier" } function && function.Text == name)
            {
                yield return node;
            }
        }
    }

    private static SyntaxNode? Scope(SyntaxNode node) => node.Ancestors().FirstOrNull(a => a.Kind is "function_definition" or "module");

    private static bool AssignsTo(SyntaxNode node, string name) => node.Kind switch
    {
        "assignment" or "augmented_assignment" => node.ChildByField("left") is { } left
            && (left.Text == name || left.Kind is "pattern_list" or "tuple_pattern" && left.NamedChildren.Any(c => c.Text == name)),
        "for_statement" or "for_in_clause" => node.ChildByField("left")?.Text == name,
        "named_expression" => node.ChildByField("name")?.Text == name,
        _ => false,
    };
}
