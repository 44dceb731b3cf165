using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// C / C++: an unbounded write into a local array becomes the bounded call, with the bound taken from
/// the array itself — <c>strcpy(buf, src)</c> → <c>snprintf(buf, sizeof buf, "%s", src)</c>,
/// <c>sprintf(buf, fmt, ...)</c> → <c>snprintf(buf, sizeof buf, fmt, ...)</c>, <c>strcat</c> →
/// <c>strncat</c> with the room left, <c>gets(buf)</c> → <c>fgets(buf, sizeof buf, stdin)</c>. The
/// focus is the destination; a destination that is not an array declared in the function (a pointer,
/// a parameter) has no size the code can name, and no fix is offered.
/// </summary>
internal sealed class BoundedWriteRewrite : ICodeRewrite
{
    public string Name => "c-bounded-write";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Kind != "identifier" || focus.Parent is not { Kind: "argument_list" } arguments
            || arguments.Parent is not { Kind: "call_expression" } call || call.ChildByField("function") is not { Kind: "identifier" } function
            || LocalArray.Declared(focus) is not { } array)
        {
            return null;
        }
        var args = arguments.NamedChildren.Where(a => !a.IsExtra).ToList();
        if (args.Count == 0 || args[0] != focus)
        {
            return null;
        }
        var buffer = focus.Text;
        var rest = args.Skip(1).Select(a => a.Text).ToList();
        var wide = function.Text.StartsWith("wcs", StringComparison.Ordinal);
        var capacity = wide ? $"sizeof {buffer} / sizeof {buffer}[0]" : $"sizeof {buffer}";
        if (!wide && !IsByteSized(array.ElementType))
        {
            return null;
        }
        var replacement = (function.Text, rest.Count) switch
        {
            ("strcpy", 1) => $"snprintf({buffer}, {capacity}, \"%s\", {rest[0]})",
            ("strcat", 1) => $"strncat({buffer}, {rest[0]}, {capacity} - strlen({buffer}) - 1)",
            ("sprintf", >= 1) => $"snprintf({buffer}, {capacity}, {string.Join(", ", rest)})",
            ("vsprintf", 2) => $"vsnprintf({buffer}, {capacity}, {rest[0]}, {rest[1]})",
            ("gets", 0) => $"fgets({buffer}, {capacity}, stdin)",
            ("wcscpy", 1) => $"swprintf({buffer}, {capacity}, L\"%ls\", {rest[0]})",
            ("wcscat", 1) => $"wcsncat({buffer}, {rest[0]}, {capacity} - wcslen({buffer}) - 1)",
            _ => null,
        };
        return replacement is null ? null : new FixProposal(description, [new TextEdit(call.StartByte, call.EndByte, replacement)]);
    }

    /// <summary>Element types whose sizeof is 1, so sizeof the array is its length in characters.</summary>
    private static bool IsByteSized(string type) =>
        type is "char" or "signed char" or "unsigned char" or "uint8_t" or "int8_t" or "gchar" or "guchar" or "u_char" or "BYTE" or "CHAR" or "UCHAR";
}
