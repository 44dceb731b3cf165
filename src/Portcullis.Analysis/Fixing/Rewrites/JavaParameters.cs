using System.Text;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// The Java half of <see cref="SqlParameterRewrite"/>, by the API the query goes to:
/// <list type="bullet">
/// <item>Spring's JdbcTemplate takes the values as trailing arguments: they are appended
/// (<c>batchUpdate</c> takes them as a list of rows).</item>
/// <item><c>Connection.prepareStatement</c> / <c>prepareCall</c>: the values are bound with
/// <c>setObject</c> right after the statement that prepares the query.</item>
/// <item>A JDBC <c>Statement</c> (a local variable declared so) cannot take parameters: the query is
/// prepared on the statement's own connection, with the same extra arguments (generated keys,
/// column lists), the values bound, and the prepared statement run instead.</item>
/// </list>
/// </summary>
internal static class JavaParameters
{
    private static readonly HashSet<string> TemplateMethods = new(StringComparer.Ordinal)
    {
        "queryForObject", "queryForList", "queryForMap", "queryForRowSet", "queryForLong", "queryForInt", "query", "update",
    };

    private static readonly HashSet<string> StatementMethods = new(StringComparer.Ordinal)
    {
        "executeQuery", "executeUpdate", "executeLargeUpdate", "execute",
    };

    public static FixProposal? Propose(SyntaxNode call, string method, SyntaxNode focus, SyntaxNode query, string literal, IReadOnlyList<string> values, string description)
    {
        if (call.ChildByField("arguments") is not { } arguments || call.ChildByField("object") is not { } receiver)
        {
            return null;
        }
        var extraArguments = arguments.NamedChildren.Where(c => !c.IsExtra).Skip(1).Select(c => c.Text).ToList();
        // The query keeps its place (a variable now holding the text with placeholders, or the literal).
        var queryText = query == focus ? literal : focus.Text;
        var edits = new List<TextEdit>();
        if (query != focus)
        {
            edits.Add(new TextEdit(query.StartByte, query.EndByte, literal));
        }
        var onlyNewPlaceholders = OnlyNewPlaceholders(literal, values.Count);
        if (!onlyNewPlaceholders && method is not ("prepareStatement" or "prepareCall"))
        {
            return null;
        }
        if (TemplateMethods.Contains(method) || method == "batchUpdate" && extraArguments.Count == 0)
        {
            var appended = method == "batchUpdate"
                ? $", java.util.Collections.singletonList(new Object[] {{{string.Join(", ", values)}}})"
                : ", " + string.Join(", ", values);
            if (query == focus)
            {
                edits.Add(new TextEdit(focus.StartByte, focus.EndByte, literal));
            }
            edits.Add(new TextEdit(arguments.EndByte - 1, arguments.EndByte - 1, appended));
            return new FixProposal(description, edits);
        }
        var statement = call.Ancestors().FirstOrNull(a => a.Parent is { Kind: "block" });
        if (statement is not { } enclosing)
        {
            return null;
        }
        var indentation = Indentation(call.Tree.Source, enclosing.StartByte);
        if (method is "prepareStatement" or "prepareCall")
        {
            if (call.Parent is not { Kind: "variable_declarator" } declarator || declarator.ChildByField("name")?.Text is not { } prepared)
            {
                return null;
            }
            IReadOnlyList<int> indexes = [.. Enumerable.Range(1, values.Count)];
            if (!onlyNewPlaceholders)
            {
                // The query had placeholders of its own: the new ones take their places in the order.
                if (JavaPlaceholderOrder.Of(query, prepared, call) is not { } order)
                {
                    return null;
                }
                indexes = order.ValueIndexes;
                edits.AddRange(order.Renumbering);
            }
            if (query == focus)
            {
                edits.Add(new TextEdit(focus.StartByte, focus.EndByte, literal));
            }
            edits.Add(new TextEdit(enclosing.EndByte, enclosing.EndByte, Bindings(prepared, values, indexes, indentation, leading: true)));
            return new FixProposal(description, edits);
        }
        if (!StatementMethods.Contains(method) || extraArguments.Count > 1 || !DeclaredAsStatement(receiver))
        {
            return null;
        }
        var name = FreeName(call.Tree.Source.Text, "prepared");
        var prepare = new StringBuilder()
            .Append($"java.sql.PreparedStatement {name} = {receiver.Text}.getConnection().prepareStatement({string.Join(", ", [queryText, .. extraArguments])});\n")
            .Append(indentation)
            .Append(Bindings(name, values, [.. Enumerable.Range(1, values.Count)], indentation, leading: false));
        edits.Add(new TextEdit(enclosing.StartByte, enclosing.StartByte, prepare.ToString()));
        edits.Add(new TextEdit(call.StartByte, call.EndByte, $"{name}.{method}()"));
        return new FixProposal(description, edits);
    }

    /// <summary>The <c>setObject</c> statements, each on its own line at the statement's indentation.</summary>
    private static string Bindings(string prepared, IReadOnlyList<string> values, IReadOnlyList<int> indexes, string indentation, bool leading)
    {
        var text = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            var line = $"{prepared}.setObject({indexes[i]}, {values[i]});";
            text.Append(leading ? $"\n{indentation}{line}" : $"{line}\n{indentation}");
        }
        return text.ToString();
    }

    /// <summary>
    /// JDBC numbers all placeholders in order. When the query already had some, only a prepared
    /// statement whose existing bindings the method shows can take the new ones (<see cref="JavaPlaceholderOrder"/>).
    /// </summary>
    private static bool OnlyNewPlaceholders(string literal, int count) => literal.Count(c => c == '?') == count;

    /// <summary>True when the receiver is a local variable declared as a JDBC statement.</summary>
    private static bool DeclaredAsStatement(SyntaxNode receiver)
    {
        if (receiver.Kind != "identifier")
        {
            return false;
        }
        var method = receiver.Ancestors().FirstOrNull(a => a.Kind is "method_declaration" or "constructor_declaration");
        var declarator = method?.Descendants().FirstOrNull(d => d.Kind == "variable_declarator" && d.ChildByField("name")?.Text == receiver.Text);
        var type = declarator?.Parent?.ChildByField("type")?.Text;
        return type is "Statement" or "java.sql.Statement";
    }

    private static string FreeName(string source, string stem)
    {
        var name = stem;
        for (var n = 2; source.Contains(name, StringComparison.Ordinal); n++)
        {
            name = stem + n;
        }
        return name;
    }

    private static string Indentation(SourceText source, int byteOffset)
    {
        var line = source.Line(source.LineOf(byteOffset));
        return line[..(line.Length - line.TrimStart(' ', '\t').Length)];
    }
}
