using System.Text;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// Java (javax.xml.xpath): an expression built by concatenating values into quotes gets them as XPath
/// variables, which the engine binds as values — <c>"//e[@id='" + id + "']"</c> becomes
/// <c>"//e[@id=$id]"</c>, and before the statement that compiles or evaluates it the XPath object is
/// given a resolver for them:
/// <code>
/// java.util.Map&lt;String, Object&gt; xpathValues = new java.util.HashMap&lt;&gt;();
/// xpathValues.put("id", id);
/// xp.setXPathVariableResolver(variableName -> xpathValues.get(variableName.getLocalPart()));
/// </code>
/// The map (not the values themselves) is captured, so values kept in variables that are assigned
/// more than once still work in the lambda.
/// </summary>
internal sealed class JavaXPathVariablesRewrite : ICodeRewrite
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal);

    public string Name => "java-xpath-variables";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Tree.Grammar.Id != "java" || focus.Parent is not { Kind: "argument_list" } arguments
            || arguments.Parent is not { Kind: "method_invocation" } call || JavaCode.Arguments(call) is not [var first, ..] || first != focus
            || call.ChildByField("object") is not { Kind: "identifier" or "field_access" } xpath
            || JavaCode.EnclosingStatement(call) is not { Kind: "local_variable_declaration" or "expression_statement" or "return_statement" } statement)
        {
            return null;
        }
        var built = focus.Kind == "identifier" ? SingleAssignment.ValueOf(focus) : focus;
        if (built is not { } query || BuiltString.Decompose(query) is not { } parts
            || XPathVariablesRewrite.Query(parts, Reserved) is not (var body, var variables) || body.Contains('\\'))
        {
            return null;
        }
        // The values are read at the statement: they must be the values the expression was built from.
        if (query != focus && variables.Any(v => v.Value.Kind != "identifier" || JavaCode.AssignedBetween(v.Value.Text, query, statement)))
        {
            return null;
        }
        var source = focus.Tree.Source;
        var indentation = JavaCode.Indentation(source, statement.StartByte);
        var map = FreshName.For(focus.Tree, "xpathValues");
        var variableName = FreshName.For(focus.Tree, "variableName");
        var resolver = new StringBuilder($"java.util.Map<String, Object> {map} = new java.util.HashMap<>();\n");
        foreach (var (name, value) in variables)
        {
            resolver.Append($"{indentation}{map}.put(\"{name}\", {value.Text});\n");
        }
        resolver.Append($"{indentation}{xpath.Text}.setXPathVariableResolver({variableName} -> {map}.get({variableName}.getLocalPart()));\n{indentation}");
        var literal = "\"" + body.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        return new FixProposal(description,
        [
            new TextEdit(query.StartByte, query.EndByte, literal),
            new TextEdit(statement.StartByte, statement.StartByte, resolver.ToString()),
        ]);
    }
}
