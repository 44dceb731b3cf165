using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// Escapes the values an HTML response is built from, not its markup: in
/// <c>"&lt;h1&gt;Hello " + name + "&lt;/h1&gt;"</c> only <c>name</c> is wrapped, with
/// <c>html.escape</c> in Python (the import added) and the OWASP Java Encoder's
/// <c>Encode.forHtml</c> in Java. A body that is one value is escaped whole.
/// </summary>
internal sealed class HtmlEscapeRewrite : ICodeRewrite
{
    public string Name => "escape-html";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        var language = focus.Tree.Grammar.Id;
        if (language is not ("python" or "java"))
        {
            return null;
        }
        var built = focus.Kind == "identifier" ? SingleAssignment.ValueOf(focus) ?? focus : focus;
        if (built.Kind is "array_initializer" or "array_creation_expression"
            || built.Parent?.Parent is { Kind: "local_variable_declaration" } declaration && declaration.ChildByField("type") is { Kind: "array_type" })
        {
            // Format arguments passed as an array: escaping the array would print its reference.
            return null;
        }
        // A body built in one visible place has its values escaped there; any other value is escaped
        // where it is written, so other uses of the same variable keep their text.
        var values = BuiltString.Decompose(built) is { } parts && parts.Any(p => p.IsLiteral)
            ? parts.Where(p => !p.IsLiteral).ToList()
            : [new StringPart(null, focus)];
        if (values.Count == 0)
        {
            return null;
        }
        var edits = values.Select(v => new TextEdit(v.Expression!.Value.StartByte, v.Expression.Value.EndByte, Escape(language, v))).ToList();
        if (language == "python" && ImportInsertion.Ensure(focus.Tree, "html") is { } import)
        {
            edits.Add(import);
        }
        return new FixProposal(description, edits);
    }

    private static string Escape(string language, StringPart value)
    {
        var text = value.Expression!.Value.Text;
        return language == "python"
            ? $"html.escape({(value.Formatted ? $"str({text})" : text)})"
            : $"org.owasp.encoder.Encode.forHtml(String.valueOf({text}))";
    }
}
