using System.Text.RegularExpressions;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// The C# strings of <see cref="BuiltString"/>: regular literals, interpolated strings and
/// <c>string.Format</c> with positional <c>{0}</c> items. Null for anything whose text the parts would
/// not reproduce exactly: escapes, verbatim or raw literals, alignment or format specifiers, a format
/// provider argument.
/// </summary>
internal static partial class BuiltString
{
    /// <summary>The text of a regular "..." literal without escape sequences, or null.</summary>
    private static string? CSharpLiteral(SyntaxNode literal) =>
        literal.Text.StartsWith('"') && literal.NamedChildren.All(c => c.Kind == "string_literal_content") ? literal.Text[1..^1] : null;

    private static bool CSharpInterpolated(SyntaxNode node, List<StringPart> parts)
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
    private static bool CSharpFormat(SyntaxNode call, List<StringPart> parts)
    {
        var arguments = call.ChildByField("arguments")?.NamedChildren.Where(c => c.Kind == "argument")
            .Select(a => a.NamedChildren.FirstOrNull(c => !c.IsExtra)).ToList();
        if (arguments is not [{ Kind: "string_literal" } format, ..] || arguments.Any(a => a is null) || CSharpLiteral(format) is not { } text
            || text.Contains("{{", StringComparison.Ordinal) || text.Contains("}}", StringComparison.Ordinal))
        {
            return false;
        }
        var position = 0;
        foreach (Match item in CSharpFormatItem().Matches(text))
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
    private static partial Regex CSharpFormatItem();
}
