using System.Globalization;
using System.Text;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// C / C++: every <c>%s</c> / <c>%[</c> conversion without a width in a scanf-family format gets the
/// width its destination array holds, one less than its length for the NUL (<c>scanf("%s", name)</c>
/// with <c>char name[32]</c> → <c>scanf("%31s", name)</c>). The focus is the format literal. Offered
/// only when every unbounded conversion's argument is a local array of literal length; a pointer has
/// no length the format can state.
/// </summary>
internal sealed class ScanfWidthRewrite : ICodeRewrite
{
    public string Name => "c-scanf-width";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Kind != "string_literal" || focus.Text.StartsWith('L') || focus.Parent is not { Kind: "argument_list" } arguments)
        {
            return null;
        }
        var args = arguments.NamedChildren.Where(a => !a.IsExtra).ToList();
        var next = args.IndexOf(focus) + 1;
        var format = focus.Text;
        var output = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            output.Append(format[i]);
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                continue;
            }
            if (format[i + 1] == '%')
            {
                output.Append('%');
                i++;
                continue;
            }
            var j = i + 1;
            var suppressed = format[j] == '*';
            if (suppressed)
            {
                j++;
            }
            var widthStart = j;
            while (j < format.Length && char.IsAsciiDigit(format[j]))
            {
                j++;
            }
            var hasWidth = j > widthStart;
            while (j < format.Length && format[j] is 'h' or 'l' or 'L' or 'j' or 'z' or 't' or 'q')
            {
                j++;
            }
            if (j >= format.Length)
            {
                return null;
            }
            var conversion = format[j];
            if (conversion is 's' or '[' && !hasWidth && !suppressed)
            {
                if (next >= args.Count || args[next] is not { Kind: "identifier" } destination || LocalArray.Declared(destination) is not { Length: > 1 } array)
                {
                    return null;
                }
                output.Append((array.Length!.Value - 1).ToString(CultureInfo.InvariantCulture));
            }
            output.Append(format, i + 1, j - i);
            i = j;
            if (conversion == '[')
            {
                // A scanset runs to its closing bracket (a ']' first in the set belongs to the set).
                var close = format.IndexOf(']', j + (j + 1 < format.Length && format[j + 1] == ']' ? 2 : 1));
                if (close < 0)
                {
                    return null;
                }
                output.Append(format, j + 1, close - j);
                i = close;
            }
            if (!suppressed)
            {
                next++;
            }
        }
        var fixedFormat = output.ToString();
        return fixedFormat == format ? null : new FixProposal(description, [new TextEdit(focus.StartByte, focus.EndByte, fixedFormat)]);
    }
}
