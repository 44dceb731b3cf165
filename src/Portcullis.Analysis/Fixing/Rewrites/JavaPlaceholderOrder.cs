using System.Globalization;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// JDBC numbers a statement's <c>?</c> placeholders by their order in the SQL. When a query that
/// already has placeholders gets new ones for the values that were concatenated into it, the built
/// string's pieces say where each new one falls among the old ones; the old ones keep their values
/// only if the method binds each of them visibly, by a literal index (<c>ps.setString(1, "foo")</c>),
/// and those indexes move to the placeholders' new positions. Anything else (an index computed at run
/// time, a placeholder no visible call binds) leaves the order unknown, and no fix is proposed.
/// </summary>
internal static class JavaPlaceholderOrder
{
    /// <summary>The new placeholders' indexes (1-based, in value order) and the edits that renumber the
    /// existing bindings; null when the existing placeholders are not all bound visibly by literal index.</summary>
    public static (IReadOnlyList<int> ValueIndexes, IReadOnlyList<TextEdit> Renumbering)? Of(SyntaxNode query, string prepared, SyntaxNode call)
    {
        if (BuiltString.Decompose(query) is not { } parts || JavaCode.EnclosingBody(call) is not { } body)
        {
            return null;
        }
        var oldToNew = new List<int>();
        var valueIndexes = new List<int>();
        var position = 0;
        foreach (var part in parts)
        {
            if (part.IsLiteral)
            {
                foreach (var _ in part.Literal!.Where(c => c == '?'))
                {
                    oldToNew.Add(++position);
                }
                continue;
            }
            valueIndexes.Add(++position);
        }
        var bindings = Bindings(body, prepared).ToList();
        var bound = new HashSet<int>();
        var renumbering = new List<TextEdit>();
        foreach (var index in bindings)
        {
            if (!int.TryParse(index.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var old) || old < 1 || old > oldToNew.Count)
            {
                return null;
            }
            bound.Add(old);
            if (oldToNew[old - 1] != old)
            {
                renumbering.Add(new TextEdit(index.StartByte, index.EndByte, oldToNew[old - 1].ToString(CultureInfo.InvariantCulture)));
            }
        }
        return bound.Count == oldToNew.Count ? (valueIndexes, renumbering) : null;
    }

    /// <summary>The index arguments of <c>prepared.setXxx(index, value...)</c>: PreparedStatement's
    /// parameter setters are the <c>set</c> methods with two or more arguments.</summary>
    private static IEnumerable<SyntaxNode> Bindings(SyntaxNode body, string prepared) => body.Descendants()
        .Where(d => d.Kind == "method_invocation" && d.ChildByField("name")?.Text.StartsWith("set", StringComparison.Ordinal) == true
            && d.ChildByField("object") is { Kind: "identifier" } receiver && receiver.Text == prepared)
        .Select(JavaCode.Arguments)
        .Where(arguments => arguments.Count >= 2)
        .Select(arguments => arguments[0]);
}
