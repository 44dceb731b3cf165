using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// The value a local variable holds where it is used, when the code gives it exactly one: the variable
/// is assigned once, before the use, in the same function, and never changed after. Rewrites that move
/// a built string's values elsewhere follow a query or command kept in a variable this way.
/// </summary>
internal static class SingleAssignment
{
    private static readonly HashSet<string> Scopes = new(StringComparer.Ordinal)
    {
        "function_definition", "function_declaration", "method_declaration", "method_definition", "arrow_function",
        "function_expression", "function", "constructor_declaration", "module", "program",
    };

    /// <summary>
    /// Where a variable, named at its declaration, is next passed as the first argument of a call: a
    /// rule that matched "declare, then call" may bind the name at the declaration.
    /// </summary>
    public static SyntaxNode? NextUseAsFirstArgument(SyntaxNode name)
    {
        var scope = name.Ancestors().FirstOrNull(a => Scopes.Contains(a.Kind));
        return scope?.Descendants().FirstOrNull(d => d.StartByte > name.EndByte && d.Kind == "identifier" && d.Text == name.Text
            && d.Parent is { Kind: "arguments" or "argument_list" } arguments && arguments.NamedChildren.FirstOrNull(c => !c.IsExtra) == d);
    }

    /// <summary>The assigned value node, or null when there is not exactly one plain assignment.</summary>
    public static SyntaxNode? ValueOf(SyntaxNode identifier)
    {
        var scope = identifier.Ancestors().FirstOrNull(a => Scopes.Contains(a.Kind));
        if (scope is not { } body)
        {
            return null;
        }
        SyntaxNode? value = null;
        foreach (var node in body.Descendants())
        {
            var (target, assigned) = node.Kind switch
            {
                "assignment" or "assignment_expression" => (node.ChildByField("left"), node.ChildByField("right")),
                "variable_declarator" => (node.ChildByField("name"), node.ChildByField("value")),
                "augmented_assignment" or "augmented_assignment_expression" or "update_expression" => (node.ChildByField("left") ?? node.ChildByField("argument"), (SyntaxNode?)null),
                _ => (null, null),
            };
            if (target?.Text != identifier.Text)
            {
                continue;
            }
            if (assigned is null || value is not null || node.StartByte > identifier.StartByte)
            {
                return null;
            }
            value = assigned;
        }
        return value;
    }
}
