using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// C / C++: an unbounded write becomes the bounded call, with the bound the code states for the
/// destination (<see cref="CDestinationSize"/>: a local array, a struct member array, a buffer the
/// function allocated, a pointer parameter followed by its size) — <c>strcpy(buf, src)</c> →
/// <c>snprintf(buf, sizeof buf, "%s", src)</c>, <c>sprintf(buf, fmt, ...)</c> →
/// <c>snprintf(buf, sizeof buf, fmt, ...)</c>, <c>strcat</c> → <c>strncat</c> with the room left,
/// <c>gets(buf)</c> → <c>fgets(buf, sizeof buf, stdin)</c>. The focus is the destination; one whose
/// size the code does not state gets no fix.
/// </summary>
internal sealed class BoundedWriteRewrite : ICodeRewrite
{
    public string Name => "c-bounded-write";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Kind is not ("identifier" or "field_expression") || focus.Parent is not { Kind: "argument_list" } arguments
            || arguments.Parent is not { Kind: "call_expression" } call || call.ChildByField("function") is not { Kind: "identifier" } function)
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
        // A wide array's length is its size over its element's; only a declared array states both.
        var capacity = wide
            ? focus.Kind == "identifier" && LocalArray.Declared(focus) is not null ? $"sizeof {buffer} / sizeof {buffer}[0]" : null
            : CDestinationSize.Of(focus);
        if (capacity is null)
        {
            return null;
        }
        var replacement = (function.Text, rest.Count) switch
        {
            ("strcpy", 1) => $"snprintf({buffer}, {capacity}, \"%s\", {rest[0]})",
            ("strcat", 1) => $"strncat({buffer}, {rest[0]}, {Room(capacity)} - strlen({buffer}) - 1)",
            ("sprintf", >= 1) => $"snprintf({buffer}, {capacity}, {string.Join(", ", rest)})",
            ("vsprintf", 2) => $"vsnprintf({buffer}, {capacity}, {rest[0]}, {rest[1]})",
            ("gets", 0) => $"fgets({buffer}, {capacity}, stdin)",
            ("wcscpy", 1) => $"swprintf({buffer}, {capacity}, L\"%ls\", {rest[0]})",
            ("wcscat", 1) => $"wcsncat({buffer}, {rest[0]}, {capacity} - wcslen({buffer}) - 1)",
            _ => null,
        };
        return replacement is null ? null : new FixProposal(description, [new TextEdit(call.StartByte, call.EndByte, replacement)]);
    }

    /// <summary>A size that is a sum or difference gets parentheses before the room left is taken from it.</summary>
    private static string Room(string capacity) =>
        capacity.StartsWith("sizeof ", StringComparison.Ordinal) || capacity.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? capacity : $"({capacity})";
}
