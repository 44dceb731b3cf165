using System.Text.RegularExpressions;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// The C# half of <see cref="BuiltString"/>: a string built with <c>+</c>, an interpolated string or
/// <c>string.Format</c> with positional <c>{0}</c> items, taken apart into literal text and values.
/// Null for anything whose text the parts would not reproduce exactly: escapes, verbatim or raw
/// literals, alignment or format specifiers, a format provider argument.
/// </summary>
internal static partial class CSharpBuiltString
{
    public static IReadOnlyList<StringPart>? Decompose(SyntaxNode node)
    {
        var parts = new List<StringPart>();
        if (!Collect(node, parts))
        {
            return null;
        }
        var merged = new List<StringPart>();
        foreach (var part in parts.Where(p => !p.IsLiteral || p.Literal!.Length > 0))
        {
            if (part.IsLiteral && merged.Count > 0 && merged[^1].IsLiteral)
            {
                merged[^1] = new StringPart(merged[^1].Literal + part.Literal, null);
            }
            else
            {
                merged.Add(part);
            }
        }
        return merged;
    }

    private static bool Collect(SyntaxNode node, List<StringPart> parts)
    {
        switch (node.Kind)
        {
            case "parenthesized_expression":
                return node.NamedChildren.FirstOrNull(c => !c.IsExtra) is { } inner && Collect(inner, parts);
            case "binary_expression" when node.ChildByField("operator")?.Text == "+":
                return node.ChildByField("left") is { } left && node.ChildByField("right") is { } right && Collect(left, parts) && Collect(right, parts);
            case "string_literal":
                return PlainLiteral(node) is { } text && Add(parts, text);
            case "interpolated_string_expression":
                return Interpolated(node, parts);
            case "invocation_expression" when node.ChildByField("function")?.Text is "string.Format" or "String.Format":
                return Format(node, parts);
            default:
                parts.Add(new StringPart(null, node));
                return true;
        }
    }

    private static bool Add(List<StringPart> parts, string text)
    {
        parts.Add(new StringPart(text, null));
        return true;
    }

    /// <summary>The text of a regular "..." literal without escape sequences, or null.</summary>
    private static string? PlainLiteral(SyntaxNode literal) =>
        literal.Text.StartsWith('"') && literal.NamedChildren.All(c => c.Kind == "string_literal_content") ? literal.Text[1..^1] : null;

    private static bool Interpolated(SyntaxNode node, List<StringPart> parts)
    {
        if (node.Children.FirstOrNull()?.Text != "$")
        {
            return false;
        }
        foreach (var child in node.NamedChildren.Where(c => !c.IsExtra))
        {
            switch (child.Kind)
            {
                case "interpolation_start" or "interpolation_quote":
                    break;
                case "string_content":
                    parts.Add(new StringPart(child.Text, null));
                    break;
                case "interpolation" when child.NamedChildren.Where(c => c.Kind != "interpolation_brace").ToList() is [var value]:
                    parts.Add(new StringPart(null, value, Formatted: true));
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    /// <summary><c>string.Format("... {0} ...", a)</c>: positional items only, each value used as text.</summary>
    private static bool Format(SyntaxNode call, List<StringPart> parts)
    {
        var arguments = call.ChildByField("arguments")?.NamedChildren.Where(c => c.Kind == "argument")
            .Select(a => a.NamedChildren.FirstOrNull(c => !c.IsExtra)).ToList();
        if (arguments is not [{ Kind: "string_literal" } format, ..] || arguments.Any(a => a is null) || PlainLiteral(format) is not { } text
            || text.Contains("{{", StringComparison.Ordinal) || text.Contains("}}", StringComparison.Ordinal))
        {
            return false;
        }
        var position = 0;
        foreach (Match item in FormatItem().Matches(text))
        {
            var index = int.Parse(item.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
            if (index >= arguments.Count)
            {
                return false;
            }
            var before = text[position..item.Index];
            if (before.Contains('{', StringComparison.Ordinal) || before.Contains('}', StringComparison.Ordinal))
            {
                return false;
            }
            parts.Add(new StringPart(before, null));
            parts.Add(new StringPart(null, arguments[index], Formatted: true));
            position = item.Index + item.Length;
        }
        var rest = text[position..];
        if (rest.Contains('{', StringComparison.Ordinal) || rest.Contains('}', StringComparison.Ordinal))
        {
            return false;
        }
        parts.Add(new StringPart(rest, null));
        return true;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex FormatItem();
}
