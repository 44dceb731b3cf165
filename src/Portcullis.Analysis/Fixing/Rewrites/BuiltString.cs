using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>One piece of a string built in code: literal text (as written in the source, escapes
/// kept) or an expression whose value is spliced in. <see cref="Formatted"/>: the value is converted
/// to text by the formatting (an f-string field), not required to be a string already (<c>+</c>).</summary>
internal sealed record StringPart(string? Literal, SyntaxNode? Expression, bool Formatted = false)
{
    public bool IsLiteral => Literal is not null;
}

/// <summary>
/// A string the code builds from literals and values — concatenation, f-strings, <c>str.format</c>,
/// <c>%</c> formatting, template literals, C# interpolation and <c>string.Format</c> — taken apart so a rewrite can put the values somewhere
/// else (query parameters, argument lists). Null when the construction is anything the rewrites
/// cannot reproduce exactly (format specs, byte or raw strings, named placeholders, escapes of braces).
/// </summary>
internal static partial class BuiltString
{
    public static IReadOnlyList<StringPart>? Decompose(SyntaxNode node)
    {
        var parts = new List<StringPart>();
        return Collect(node, parts) ? Merge(parts) : null;
    }

    private static bool Collect(SyntaxNode node, List<StringPart> parts)
    {
        switch (node.Kind)
        {
            case "parenthesized_expression":
                return node.NamedChildren.FirstOrNull(c => !c.IsExtra) is { } inner && Collect(inner, parts);
            case "binary_operator" or "binary_expression" when Operator(node) == "+":
                return node.ChildByField("left") is { } left && node.ChildByField("right") is { } right && Collect(left, parts) && Collect(right, parts);
            case "binary_operator" when Operator(node) == "%":
                return PercentFormat(node, parts);
            case "concatenated_string":
                return node.NamedChildren.Where(c => !c.IsExtra).All(c => Collect(c, parts));
            case "string" when node.Tree.Grammar.Id == "python":
                return PythonString(node, parts);
            case "string_literal" when node.Tree.Grammar.Id == "c_sharp":
                return CSharpLiteral(node) is { } text && Literal(parts, text);
            case "interpolated_string_expression":
                return CSharpInterpolated(node, parts);
            case "invocation_expression" when node.ChildByField("function")?.Text is "string.Format" or "String.Format":
                return CSharpFormat(node, parts);
            case "string" or "string_literal":
                return QuotedString(node, parts);
            case "template_string":
                return TemplateString(node, parts);
            case "call" when FormatCall(node, parts) is { } formatted:
                return formatted;
            default:
                parts.Add(new StringPart(null, node));
                return true;
        }
    }

    private static string? Operator(SyntaxNode node) => node.ChildByField("operator")?.Text;

    private static bool Literal(List<StringPart> parts, string text)
    {
        parts.Add(new StringPart(text, null));
        return true;
    }

    /// <summary>Python strings: plain or f-strings; byte, raw and unicode-escape prefixes are refused.</summary>
    private static bool PythonString(SyntaxNode node, List<StringPart> parts)
    {
        var start = node.Children.FirstOrNull(c => c.Kind == "string_start");
        var prefix = start?.Text.TrimEnd('"', '\'').ToLowerInvariant() ?? "";
        if (prefix.Except("f").Any() || start is not { } opening || opening.Text.EndsWith("\"\"\"", StringComparison.Ordinal) || opening.Text.EndsWith("'''", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var child in node.Children)
        {
            switch (child.Kind)
            {
                case "string_start" or "string_end":
                    break;
                case "interpolation":
                    if (child.ChildByField("format_specifier") is not null || child.ChildByField("type_conversion") is not null
                        || child.ChildByField("expression") is not { } expression)
                    {
                        return false;
                    }
                    parts.Add(new StringPart(null, expression, Formatted: true));
                    break;
                case "escape_sequence" when child.Text is "{{" or "}}":
                    return false;
                default:
                    parts.Add(new StringPart(child.Text, null));
                    break;
            }
        }
        return true;
    }

    /// <summary>A quoted literal with no interpolation (JavaScript, Java): its text between the quotes.</summary>
    private static bool QuotedString(SyntaxNode node, List<StringPart> parts)
    {
        var text = node.Text;
        if (text.Length < 2 || text[0] is not ('"' or '\'') || text[^1] != text[0] || text.StartsWith("\"\"\"", StringComparison.Ordinal))
        {
            return false;
        }
        parts.Add(new StringPart(text[1..^1], null));
        return true;
    }

    private static bool TemplateString(SyntaxNode node, List<StringPart> parts)
    {
        var text = node.Text;
        var position = node.StartByte + 1;
        foreach (var substitution in node.NamedChildren.Where(c => c.Kind == "template_substitution"))
        {
            parts.Add(new StringPart(node.Tree.Source.Slice(position, substitution.StartByte), null));
            if (substitution.NamedChildren.FirstOrNull(c => !c.IsExtra) is not { } expression)
            {
                return false;
            }
            parts.Add(new StringPart(null, expression, Formatted: true));
            position = substitution.EndByte;
        }
        parts.Add(new StringPart(node.Tree.Source.Slice(position, node.EndByte - 1), null));
        return text.Length >= 2;
    }

    /// <summary><c>"... {} ...".format(a, b)</c> with positional <c>{}</c> / <c>{0}</c> fields only.</summary>
    private static bool? FormatCall(SyntaxNode call, List<StringPart> parts)
    {
        if (call.ChildByField("function") is not { Kind: "attribute" } function
            || function.ChildByField("attribute")?.Text != "format"
            || function.ChildByField("object") is not { Kind: "string" } template
            || call.ChildByField("arguments") is not { } arguments)
        {
            return null;
        }
        var values = arguments.NamedChildren.Where(c => !c.IsExtra).ToList();
        if (values.Any(v => v.Kind is "keyword_argument" or "list_splat" or "dictionary_splat"))
        {
            return false;
        }
        var literal = new List<StringPart>();
        if (!PythonString(template, literal) || literal.Any(p => !p.IsLiteral))
        {
            return false;
        }
        var next = 0;
        foreach (var segment in literal)
        {
            var text = segment.Literal!;
            var position = 0;
            while (text.IndexOf('{', position) is var open and >= 0)
            {
                var close = text.IndexOf('}', open);
                if (close < 0)
                {
                    return false;
                }
                var field = text[(open + 1)..close];
                var index = field.Length == 0 ? next++ : int.TryParse(field, out var n) ? n : -1;
                if (index < 0 || index >= values.Count)
                {
                    return false;
                }
                parts.Add(new StringPart(text[position..open], null));
                parts.Add(new StringPart(null, values[index], Formatted: true));
                position = close + 1;
            }
            if (text.IndexOf('}', position) >= 0)
            {
                return false;
            }
            parts.Add(new StringPart(text[position..], null));
        }
        return true;
    }

    /// <summary><c>"... %s ..." % (a, b)</c> with <c>%s</c> / <c>%d</c> fields only.</summary>
    private static bool PercentFormat(SyntaxNode node, List<StringPart> parts)
    {
        if (node.ChildByField("left") is not { Kind: "string" } template || node.ChildByField("right") is not { } right)
        {
            return false;
        }
        var values = right.Kind == "tuple" ? right.NamedChildren.Where(c => !c.IsExtra).ToList() : [right];
        var literal = new List<StringPart>();
        if (!PythonString(template, literal) || literal.Any(p => !p.IsLiteral))
        {
            return false;
        }
        var text = string.Concat(literal.Select(p => p.Literal));
        var next = 0;
        var position = 0;
        while (text.IndexOf('%', position) is var at and >= 0)
        {
            if (at + 1 >= text.Length || text[at + 1] is not ('s' or 'd') || next >= values.Count)
            {
                return false;
            }
            parts.Add(new StringPart(text[position..at], null));
            parts.Add(new StringPart(null, values[next++], Formatted: true));
            position = at + 2;
        }
        parts.Add(new StringPart(text[position..], null));
        return next == values.Count;
    }

    /// <summary>Adjacent literal pieces become one; empty ones go.</summary>
    private static List<StringPart> Merge(List<StringPart> parts)
    {
        var merged = new List<StringPart>();
        foreach (var part in parts)
        {
            if (part.IsLiteral && merged.Count > 0 && merged[^1].IsLiteral)
            {
                merged[^1] = new StringPart(merged[^1].Literal + part.Literal, null);
            }
            else if (!part.IsLiteral || part.Literal!.Length > 0)
            {
                merged.Add(part);
            }
        }
        return merged;
    }
}
