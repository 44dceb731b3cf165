using Portcullis.Syntax;

namespace Portcullis.Analysis.Matching;

/// <summary>
/// Language-neutral facts about an expression, read from node kind names that the tree-sitter grammars
/// share ("identifier", "interpolation", "string", "call"...). These back the <c>constant</c> and
/// <c>dynamic-string</c> metavariable constraints; the taint engine has the precise per-language profiles.
/// </summary>
internal static class CodeFacts
{
    private static readonly string[] FormattingCallees =
    [
        ".format", "String.format", "string.Format", "String.Format", "fmt.Sprintf", "sprintf", "snprintf", "format!",
        "String.Concat", "string.Concat", ".concat", "String.join", "string.Join", ".join", "formatted", "str.format",
    ];

    /// <summary>True when the expression's value is fixed in the code: literals and operators on literals.</summary>
    public static bool IsConstant(SyntaxNode node)
    {
        foreach (var descendant in node.Descendants())
        {
            if (descendant.IsNamed && !descendant.IsExtra && ((KindTraits.Of(descendant) & KindTrait.NonConstant) != 0 || IsKotlinTemplateReference(descendant)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Kotlin's grammar gives "$name" inside a string no node of its own: a "$" content piece followed
    /// by the name as another content piece. That pair reads a variable.
    /// </summary>
    private static bool IsKotlinTemplateReference(SyntaxNode node)
    {
        if (node.Kind != "string_content" || node.Text != "$" || node.Parent is not { Kind: "string_literal" } literal)
        {
            return false;
        }
        var next = false;
        foreach (var child in literal.Children)
        {
            if (next)
            {
                return child.Kind == "string_content" && child.Text.Length > 0 && (char.IsLetter(child.Text[0]) || child.Text[0] == '_');
            }
            next = child.StartByte == node.StartByte && child.EndByte == node.EndByte;
        }
        return false;
    }

    /// <summary>
    /// True when the expression builds a string from parts of which at least one is not constant:
    /// concatenation with a string, <c>%</c> formatting, f-strings, template literals, interpolated
    /// strings, and formatting calls such as <c>.format</c>, <c>String.format</c>, <c>sprintf</c>.
    /// </summary>
    public static bool IsDynamicString(SyntaxNode node)
    {
        if (IsConstant(node))
        {
            return false;
        }
        var traits = KindTraits.Of(node);
        // C# and PHP wrap each call argument in an "argument" node, Kotlin in "value_argument": the value inside decides.
        if (node.ChildCount > 0 && node.Kind is "parenthesized_expression" or "argument" or "value_argument")
        {
            return node.NamedChildren.Any(IsDynamicString);
        }
        if ((traits & KindTrait.String) != 0)
        {
            // Not constant and a string: it has an interpolation or substitution inside.
            return true;
        }
        if ((traits & KindTrait.Binary) != 0)
        {
            var op = Operator(node);
            if (op is "+" or "." or "%" or ".." or "<<" or "+=")
            {
                return node.Descendants().Any(d => d.IsNamed && (KindTraits.Of(d) & KindTrait.String) != 0);
            }
            return false;
        }
        if ((traits & KindTrait.Call) != 0)
        {
            var callee = (node.ChildByField("function") ?? node.ChildByField("macro") ?? node.ChildByField("name") ?? FirstNamedChild(node))?.Text ?? "";
            var receiver = node.ChildByField("object")?.Text ?? "";
            var full = receiver.Length > 0 ? receiver + "." + callee : callee;
            return FormattingCallees.Any(f => full.EndsWith(f, StringComparison.Ordinal) || (f.StartsWith('.') && full.Contains(f + "(", StringComparison.Ordinal)));
        }
        return false;
    }

    private static SyntaxNode? FirstNamedChild(SyntaxNode node)
    {
        foreach (var child in node.Children)
        {
            if (child.IsNamed)
            {
                return child;
            }
        }
        return null;
    }

    private static string? Operator(SyntaxNode node)
    {
        var op = node.ChildByField("operator");
        if (op is { } o)
        {
            return o.Text;
        }
        foreach (var child in node.Children)
        {
            if (!child.IsNamed)
            {
                return child.Text;
            }
        }
        return null;
    }
}
