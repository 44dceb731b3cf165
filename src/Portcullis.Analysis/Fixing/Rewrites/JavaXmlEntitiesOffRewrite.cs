using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// Java: an XML parser factory kept in a local variable gets, right after it is created, the setting
/// that turns DTDs (and so external entities) off:
/// <c>DocumentBuilderFactory</c> / <c>SAXParserFactory</c>:
/// <c>f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);</c>,
/// <c>XMLInputFactory</c>: <c>f.setProperty(XMLInputFactory.SUPPORT_DTD, false);</c>,
/// <c>TransformerFactory</c>: no external DTDs or stylesheets (<c>XMLConstants.ACCESS_EXTERNAL_*</c> "").
/// <c>setFeature</c> throws checked exceptions: it is added only where the method declares or the
/// enclosing try catches them (Exception, Throwable, or the exceptions themselves). Not for a validating
/// factory, whose documents need their DTD.
/// </summary>
internal sealed class JavaXmlEntitiesOffRewrite : ICodeRewrite
{
    private const string DisallowDoctype = "\"http://apache.org/xml/features/disallow-doctype-decl\"";

    public string Name => "java-xml-entities-off";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        var creation = focus.Kind == "method_invocation" ? focus : focus.Ancestors().FirstOrNull(a => a.Kind == "method_invocation");
        if (focus.Tree.Grammar.Id != "java" || creation is not { } call || call.ChildByField("object")?.Text is not { } factoryClass
            || JavaCode.StoredIn(call) is not { } variable || variable.Parent is not { Kind: "variable_declarator" }
            || JavaCode.EnclosingStatement(call) is not { Kind: "local_variable_declaration" } statement)
        {
            return null;
        }
        var simpleClass = factoryClass[(factoryClass.LastIndexOf('.') + 1)..];
        var f = variable.Text;
        // A validating parser checks documents against their DTD: refusing DOCTYPEs would refuse them all.
        var scope = JavaCode.EnclosingBody(call) ?? call.Tree.Root;
        if (JavaCode.CallsOn(scope, f, "setValidating").Any(v => JavaCode.Arguments(v) is not [{ Text: "false" }]))
        {
            return null;
        }
        string[]? settings = simpleClass switch
        {
            "DocumentBuilderFactory" when Handles(call, "ParserConfigurationException") => [$"{f}.setFeature({DisallowDoctype}, true);"],
            "SAXParserFactory" when Handles(call, "ParserConfigurationException", "SAXException") => [$"{f}.setFeature({DisallowDoctype}, true);"],
            "XMLInputFactory" => [$"{f}.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);"],
            "TransformerFactory" =>
            [
                $"{f}.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, \"\");",
                $"{f}.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_STYLESHEET, \"\");",
            ],
            _ => null,
        };
        if (settings is null)
        {
            return null;
        }
        var indentation = JavaCode.Indentation(call.Tree.Source, statement.StartByte);
        var text = string.Concat(settings.Select(s => $"\n{indentation}{s}"));
        return new FixProposal(description, [new TextEdit(statement.EndByte, statement.EndByte, text)]);
    }

    /// <summary>True when every exception named is declared by the method or caught around the node
    /// (a catch or throws of Exception or Throwable covers them all).</summary>
    private static bool Handles(SyntaxNode node, params string[] exceptions)
    {
        var handled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor.Kind is "try_statement" or "try_with_resources_statement" && ancestor.ChildByField("body") is { } body
                && body.StartByte <= node.StartByte && node.EndByte <= body.EndByte)
            {
                foreach (var clause in ancestor.NamedChildren.Where(c => c.Kind == "catch_clause"))
                {
                    handled.UnionWith(clause.Descendants().Where(d => d.Kind == "catch_type").SelectMany(t => t.NamedChildren).Select(SimpleName));
                }
            }
            if (ancestor.Kind is "method_declaration" or "constructor_declaration")
            {
                handled.UnionWith(ancestor.NamedChildren.Where(c => c.Kind == "throws").SelectMany(t => t.NamedChildren).Select(SimpleName));
                break;
            }
            if (ancestor.Kind is "lambda_expression" or "class_body")
            {
                break;
            }
        }
        return handled.Contains("Exception") || handled.Contains("Throwable") || exceptions.All(handled.Contains);
    }

    private static string SimpleName(SyntaxNode type) => type.Text[(type.Text.LastIndexOf('.') + 1)..];
}
