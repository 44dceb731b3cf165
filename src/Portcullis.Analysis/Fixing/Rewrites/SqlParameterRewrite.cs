using System.Text;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// <c>cur.execute("... WHERE name = '" + name + "'")</c> becomes
/// <c>cur.execute("... WHERE name = ?", (name,))</c>: the values move out of the SQL text into query
/// parameters, in the placeholder style of the driver the file uses (sqlite3 <c>?</c>, psycopg / MySQL
/// drivers <c>%s</c>; node-postgres <c>$1</c>, mysql2 / sqlite <c>?</c>). The quotes that surrounded a
/// value in the SQL go with it. No fix when a value sits where SQL cannot take a parameter (a table or
/// column name, inside a LIKE pattern) or when the query is not built in one visible place.
/// </summary>
internal sealed class SqlParameterRewrite : ICodeRewrite
{
    /// <summary>Words after which SQL expects a name, not a value: a parameter cannot stand there.</summary>
    private static readonly string[] IdentifierPositions = ["FROM", "JOIN", "INTO", "UPDATE", "TABLE", "BY", "SELECT", "."];

    /// <summary>Driver methods that take the query's parameters as their second argument.</summary>
    private static readonly HashSet<string> ParameterTakingMethods = new(StringComparer.Ordinal)
    {
        "execute", "query", "run", "all", "get", "each",
        "executeQuery", "executeUpdate", "executeLargeUpdate", "queryForObject", "queryForList", "queryForMap", "queryForRowSet", "queryForLong", "queryForInt",
        "update", "batchUpdate", "prepareStatement", "prepareCall",
    };

    public string Name => "sql-parameters";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Parent is { Kind: "variable_declarator" } && SingleAssignment.NextUseAsFirstArgument(focus) is { } use)
        {
            focus = use;
        }
        if (focus.Parent is not { } arguments || arguments.Parent is not { } call
            || arguments.NamedChildren.FirstOrNull(c => !c.IsExtra) != focus)
        {
            return null;
        }
        var method = call.ChildByField("function") is { } function
            ? (function.ChildByField("attribute") ?? function.ChildByField("property"))?.Text
            : call.ChildByField("name")?.Text;
        if (method is null || !ParameterTakingMethods.Contains(method))
        {
            return null;
        }
        var built = focus.Kind == "identifier" ? SingleAssignment.ValueOf(focus) : focus;
        if (built is not { } query || BuiltString.Decompose(query) is not { } parts || parts.All(p => p.IsLiteral))
        {
            return null;
        }
        var language = call.Tree.Grammar.Id;
        var source = call.Tree.Source.Text;
        var style = language switch
        {
            "python" => source.Contains("sqlite", StringComparison.Ordinal) ? Placeholder.Question : Placeholder.PercentS,
            "javascript" or "typescript" or "tsx" => UsesNodePostgres(source) ? Placeholder.Dollar : Placeholder.Question,
            "java" => Placeholder.Question,
            _ => (Placeholder?)null,
        };
        if (style is not { } placeholder)
        {
            return null;
        }
        var (sql, values) = Parameterize(parts, placeholder);
        if (sql is null || Literal(sql, language) is not { } literal)
        {
            return null;
        }
        if (language == "java")
        {
            return JavaParameters.Propose(call, method, focus, query, literal, values, description);
        }
        var parameters = language == "python"
            ? $"({string.Join(", ", values)}{(values.Count == 1 ? "," : "")})"
            : $"[{string.Join(", ", values)}]";
        var rest = arguments.NamedChildren.Where(c => !c.IsExtra).Skip(1).ToList();
        if (rest.Count > 1 || (rest.Count == 1 && !IsCallback(rest[0])))
        {
            return null;
        }
        var edits = new List<TextEdit>();
        if (query == focus)
        {
            edits.Add(new TextEdit(focus.StartByte, focus.EndByte, $"{literal}, {parameters}"));
        }
        else
        {
            edits.Add(new TextEdit(query.StartByte, query.EndByte, literal));
            edits.Add(new TextEdit(focus.EndByte, focus.EndByte, $", {parameters}"));
        }
        return new FixProposal(description, edits);
    }

    private enum Placeholder
    {
        Question,
        PercentS,
        Dollar,
    }

    private static bool UsesNodePostgres(string source) =>
        source.Contains("require('pg')", StringComparison.Ordinal) || source.Contains("require(\"pg\")", StringComparison.Ordinal)
        || source.Contains("from 'pg'", StringComparison.Ordinal) || source.Contains("from \"pg\"", StringComparison.Ordinal);

    private static bool IsCallback(SyntaxNode node) => node.Kind is "arrow_function" or "function_expression" or "function";

    /// <summary>The SQL with placeholders and the value expressions, or (null, []) when a value cannot be a parameter.</summary>
    private static (string? Sql, List<string> Values) Parameterize(IReadOnlyList<StringPart> parts, Placeholder style)
    {
        var literals = parts.Select(p => p.Literal).ToArray();
        var values = new List<string>();
        var sql = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].IsLiteral)
            {
                continue;
            }
            var before = i > 0 ? literals[i - 1] ?? "" : "";
            var after = i + 1 < parts.Count ? literals[i + 1] ?? "" : "";
            if (i > 0 && literals[i - 1] is null || i + 1 < parts.Count && literals[i + 1] is null)
            {
                return (null, values);
            }
            // The SQL quote around a value may be written escaped (\' inside a '...' literal).
            var quoteBefore = before.EndsWith("\\'", StringComparison.Ordinal) ? 2 : before.EndsWith('\'') ? 1 : 0;
            var quoteAfter = after.StartsWith("\\'", StringComparison.Ordinal) ? 2 : after.StartsWith('\'') ? 1 : 0;
            if ((quoteBefore == 0) != (quoteAfter == 0))
            {
                return (null, values);
            }
            before = before[..^quoteBefore];
            after = after[quoteAfter..];
            if (!StandsAlone(before, after) || InIdentifierPosition(before))
            {
                return (null, values);
            }
            if (i > 0)
            {
                literals[i - 1] = before;
            }
            if (i + 1 < parts.Count)
            {
                literals[i + 1] = after;
            }
            values.Add(parts[i].Expression!.Value.Text);
            literals[i] = style switch
            {
                Placeholder.Question => "?",
                Placeholder.PercentS => "%s",
                _ => "$" + values.Count,
            };
        }
        foreach (var literal in literals)
        {
            sql.Append(literal);
        }
        var text = sql.ToString();
        if (style == Placeholder.PercentS && parts.Where(p => p.IsLiteral).Any(p => p.Literal!.Contains('%', StringComparison.Ordinal)))
        {
            return (null, values);
        }
        return (text, values);
    }

    /// <summary>A value is a whole SQL operand: nothing of a word or a pattern is glued to it.</summary>
    private static bool StandsAlone(string before, string after) =>
        (before.Length == 0 || !IsGlue(before[^1])) && (after.Length == 0 || !IsGlue(after[0]));

    private static bool IsGlue(char c) => char.IsLetterOrDigit(c) || c is '_' or '%' or '\'' or '"' or '`' or '.' or '\\';

    private static bool InIdentifierPosition(string before)
    {
        var trimmed = before.TrimEnd();
        return IdentifierPositions.Any(word => trimmed.EndsWith(word, StringComparison.OrdinalIgnoreCase)
            && (word == "." || trimmed.Length == word.Length || !char.IsLetterOrDigit(trimmed[^(word.Length + 1)])));
    }

    /// <summary>The SQL as a string literal: double quotes unless the text holds one, no line breaks.</summary>
    private static string? Literal(string sql, string language)
    {
        if (sql.Contains('\n', StringComparison.Ordinal) || sql.Contains('`', StringComparison.Ordinal))
        {
            return null;
        }
        if (language == "java")
        {
            // The pieces come from Java string literals: any double quote in them is already escaped.
            return $"\"{sql}\"";
        }
        if (!sql.Contains('"', StringComparison.Ordinal))
        {
            return $"\"{sql}\"";
        }
        return sql.Contains('\'', StringComparison.Ordinal) ? null : $"'{sql}'";
    }
}
