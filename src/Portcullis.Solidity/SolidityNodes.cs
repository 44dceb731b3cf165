using System.Runtime.CompilerServices;
using Portcullis.Syntax;

namespace Portcullis.Solidity;

/// <summary>
/// Reading the tree-sitter-solidity tree: it wraps every expression in an <c>expression</c> node and
/// every statement in a <c>statement</c> node; these helpers look through the wrappers.
/// </summary>
internal static class SolidityNodes
{
    /// <summary>The node inside <c>expression</c> / <c>statement</c> / parentheses wrappers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SyntaxNode Unwrap(SyntaxNode node)
    {
        while (node.Kind is "expression" or "statement" or "parenthesized_expression" or "call_argument")
        {
            SyntaxNode? only = null;
            // Children, not NamedChildren: this runs on nearly every node a detector looks at, and the
            // struct enumerator of Children allocates nothing.
            foreach (var child in node.Children)
            {
                if (!child.IsNamed || child.IsExtra)
                {
                    continue;
                }
                if (only is not null)
                {
                    return node;
                }
                only = child;
            }
            if (only is not { } inner)
            {
                return node;
            }
            node = inner;
        }
        return node;
    }

    /// <summary>The parent, skipping wrappers.</summary>
    public static SyntaxNode? Outer(SyntaxNode node)
    {
        var parent = node.Parent;
        while (parent is { } p && p.Kind is "expression" or "parenthesized_expression" or "call_argument")
        {
            parent = p.Parent;
        }
        return parent;
    }

    public static SyntaxNode? Field(SyntaxNode node, string field) => node.ChildByField(field) is { } child ? Unwrap(child) : null;

    /// <summary>The arguments of a call, unwrapped.</summary>
    public static List<SyntaxNode> Arguments(SyntaxNode call)
    {
        var list = new List<SyntaxNode>();
        foreach (var child in call.Children)
        {
            if (child.IsNamed && child.Kind == "call_argument")
            {
                list.Add(Unwrap(child));
            }
        }
        return list;
    }

    /// <summary>The statements of a block, function body or modifier body, unwrapped.</summary>
    public static IEnumerable<SyntaxNode> Statements(SyntaxNode block)
    {
        foreach (var child in block.Children)
        {
            if (!child.IsNamed || child.IsExtra || child.Kind is "unchecked")
            {
                continue;
            }
            yield return Unwrap(child);
        }
    }

    /// <summary>The name a callee or an assignment target is rooted at: <c>a</c> in <c>a.b[c].d</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? RootName(SyntaxNode node)
    {
        node = Unwrap(node);
        while (true)
        {
            switch (node.Kind)
            {
                case "identifier":
                    return node.Text;
                case "member_expression":
                    node = Unwrap(node.ChildByField("object")!.Value);
                    break;
                case "array_access":
                case "slice_access":
                    node = Unwrap(node.ChildByField("base")!.Value);
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>"msg.sender" for a member expression whose object is an identifier, else the text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsMember(SyntaxNode node, string objectName, string property)
    {
        node = Unwrap(node);
        return node.Kind == "member_expression"
            && Field(node, "object") is { Kind: "identifier" } o && o.Text == objectName
            && node.ChildByField("property") is { } p && p.Text == property;
    }

    public static bool IsInsideUnchecked(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor.Kind == "block_statement" && ancestor.NamedChildren.Any(c => c.Kind == "unchecked"))
            {
                return true;
            }
            if (ancestor.Kind is "function_definition" or "modifier_definition" or "constructor_definition")
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>The statement (unwrapped) that holds a node.</summary>
    public static SyntaxNode EnclosingStatement(SyntaxNode node)
    {
        var current = node;
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor.Kind is "statement")
            {
                return Unwrap(ancestor);
            }
            if (ancestor.Kind is "function_body" or "block_statement")
            {
                return current;
            }
            current = ancestor;
        }
        return node;
    }

    /// <summary>The first node (matching), or null: <c>FirstOrDefault</c> on the node struct gives an unusable default node.</summary>
    public static SyntaxNode? FirstOrNull(this IEnumerable<SyntaxNode> nodes, Func<SyntaxNode, bool>? predicate = null)
    {
        foreach (var node in nodes)
        {
            if (predicate is null || predicate(node))
            {
                return node;
            }
        }
        return null;
    }
}
