using System.Text;
using System.Text.RegularExpressions;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// Python: an XPath query built by formatting values into quotes gets them as XPath variables, which
/// the engine binds as values (never parsed as XPath): <c>f"//e[@id='{eid}']"</c> becomes
/// <c>"//e[@id=$eid]"</c> and the value is passed by the API's own means — lxml
/// <c>root.xpath(query, eid=eid)</c>, a compiled <c>lxml.etree.XPath(query)</c> called with
/// <c>eid=eid</c> where it runs, <c>elementpath.select(root, query, variables={"eid": eid})</c>.
/// Each value must stand where an XPath literal or operand stood (inside quotes, or right after a
/// comparison); a value that builds a path step has no variable form, and gets no fix.
/// </summary>
internal sealed partial class XPathVariablesRewrite : ICodeRewrite
{
    /// <summary>Keyword parameters of the lxml calls, which a variable must not shadow.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "namespaces", "extensions", "smart_strings", "regexp", "variables", "parser", "item",
    };

    public string Name => "xpath-variables";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Tree.Grammar.Id != "python" || focus.Parent is not { Kind: "argument_list" } arguments
            || arguments.Parent is not { Kind: "call" } call || call.ChildByField("function") is not { } function)
        {
            return null;
        }
        var built = focus.Kind == "identifier" ? PythonValues.LastAssignmentBefore(focus) : focus;
        if (built is not { } query || BuiltString.Decompose(query) is not { } parts || Query(parts, Reserved) is not (var body, var variables)
            || body.Contains('\'') && body.Contains('"'))
        {
            return null;
        }
        var delimiter = body.Contains('"') ? '\'' : '"';
        var text = $"{delimiter}{body}{delimiter}";
        // Values read later than the query was built must still be the same values.
        if (query != focus && variables.Any(v => v.Value.Kind != "identifier" || PythonValues.AssignedBetween(v.Value.Text, query, call)))
        {
            return null;
        }
        var edits = new List<TextEdit> { new(query.StartByte, query.EndByte, text) };
        var keywords = string.Join(", ", variables.Select(v => $"{v.Name}={v.Value.Text}"));
        var functionText = function.Text;
        if (functionText == "elementpath.select" || functionText.EndsWith(".select", StringComparison.Ordinal) && functionText.Contains("elementpath", StringComparison.Ordinal))
        {
            if (HasKeyword(arguments, "variables"))
            {
                return null;
            }
            var dictionary = string.Join(", ", variables.Select(v => $"\"{v.Name}\": {v.Value.Text}"));
            edits.Add(Append(arguments, $"variables={{{dictionary}}}"));
        }
        else if (function is { Kind: "attribute" } attribute && attribute.ChildByField("attribute")?.Text == "xpath")
        {
            edits.Add(Append(arguments, keywords));
        }
        else if (functionText.EndsWith("XPath", StringComparison.Ordinal) && PythonValues.AssignedName(call) is { } compiled)
        {
            // The compiled query takes its variables where it is run.
            var runs = PythonValues.CallsOf(compiled, call).ToList();
            if (runs.Count == 0)
            {
                return null;
            }
            edits.AddRange(runs.Select(run => Append(run.ChildByField("arguments")!.Value, keywords)));
        }
        else
        {
            return null;
        }
        return new FixProposal(description, edits);
    }

    private static bool HasKeyword(SyntaxNode arguments, string name) =>
        arguments.NamedChildren.Any(a => a.Kind == "keyword_argument" && a.ChildByField("name")?.Text == name);

    private static TextEdit Append(SyntaxNode arguments, string text)
    {
        var hasArguments = arguments.NamedChildren.Any(c => !c.IsExtra);
        var trailingComma = arguments.Children.Where(c => c.Text is "," or ")").Reverse().Skip(1).FirstOrNull() is { Text: "," } comma
            && !arguments.NamedChildren.Any(c => c.StartByte > comma.StartByte);
        var at = arguments.EndByte - 1;
        return new TextEdit(at, at, (hasArguments && !trailingComma ? ", " : "") + text);
    }

    /// <summary>
    /// The query's text with <c>$name</c> where each value was (quotes as characters, not escapes), and
    /// the variables; null when a value is not where an XPath literal or operand can stand, or there is none.
    /// </summary>
    public static (string Body, List<(string Name, SyntaxNode Value)> Variables)? Query(IReadOnlyList<StringPart> parts, IReadOnlySet<string> reserved)
    {
        var text = new StringBuilder();
        var variables = new List<(string Name, SyntaxNode Value)>();
        var literals = parts.Select(p => p.IsLiteral ? Unescape(p.Literal!) : null).ToArray();
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].IsLiteral)
            {
                continue;
            }
            var before = i > 0 ? literals[i - 1] : null;
            var after = i + 1 < parts.Count ? literals[i + 1] : null;
            if (before is null)
            {
                return null;
            }
            var quote = before.Length > 0 ? before[^1] : '\0';
            if (quote is '\'' or '"')
            {
                if (after is null || after.Length == 0 || after[0] != quote)
                {
                    return null;
                }
                literals[i - 1] = before[..^1];
                literals[i + 1] = after[1..];
            }
            else if (!ComparisonEnd().IsMatch(before))
            {
                return null;
            }
            var value = parts[i].Expression!.Value;
            var name = value.Kind == "identifier" && !reserved.Contains(value.Text) && !value.Text.StartsWith('_') ? value.Text : $"value{variables.Count + 1}";
            if (variables.Any(v => v.Name == name))
            {
                name = $"value{variables.Count + 1}";
            }
            variables.Add((name, value));
        }
        var k = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            text.Append(parts[i].IsLiteral ? literals[i] : "$" + variables[k++].Name);
        }
        return variables.Count == 0 ? null : (text.ToString(), variables);
    }

    /// <summary>The quotes as characters; other escapes stay as written (they read the same in any string).</summary>
    private static string Unescape(string literal) => literal.Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);

    [GeneratedRegex(@"(=|!=|<|>|<=|>=|\(|,)\s*$")]
    private static partial Regex ComparisonEnd();
}
