using System.Text.RegularExpressions;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// C#: an XPath query that puts a value into an attribute test — <c>"add[@name='" + name + "']"</c>,
/// <c>string.Format("param[@name='{0}']", p.Name)</c> — selects by the constant path instead and compares
/// the attribute in code, so the value is never parsed as XPath (and needs no XPath quoting, which
/// XPath 1.0 cannot do for a value holding both quote kinds):
/// <list type="bullet">
/// <item>LINQ to XML: <c>e.XPathSelectElement(q)</c> becomes
/// <c>e.XPathSelectElements("add").FirstOrDefault(x => x.Attribute("name")?.Value == name)</c>, and
/// <c>XPathSelectElements</c> a <c>.Where(...)</c> over the same.</item>
/// <item>XmlNode: <c>n.SelectSingleNode(q)</c> becomes
/// <c>n.SelectNodes("add")?.Cast&lt;XmlNode&gt;().FirstOrDefault(x => x.Attributes?["name"]?.Value == name)</c>.</item>
/// </list>
/// Only for a query that is exactly a path followed by one <c>[@attr='value']</c> test; <c>using
/// System.Linq;</c> is added when the file has usings and not that one.
/// </summary>
internal sealed partial class CSharpXPathFilterInCodeRewrite : ICodeRewrite
{
    public string Name => "csharp-xpath-filter-in-code";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        var expression = focus.Kind == "argument" && focus.NamedChildren.FirstOrNull(c => !c.IsExtra) is { } inner ? inner : focus;
        var argument = expression.Parent is { Kind: "argument" } wrapper ? wrapper : expression;
        if (focus.Tree.Grammar.Id != "c_sharp" || argument.Parent is not { Kind: "argument_list" } arguments
            || arguments.NamedChildren.Count(c => c.Kind == "argument") != 1 || arguments.Parent is not { Kind: "invocation_expression" } call
            || call.ChildByField("function") is not { Kind: "member_access_expression" } function
            || function.ChildByField("expression") is not { } receiver || function.ChildByField("name")?.Text is not { } method
            || BuiltString.Decompose(expression) is not [{ IsLiteral: true } head, { IsLiteral: false } value, { Literal: "']" }]
            || AttributeTest().Match(head.Literal!) is not { Success: true } test)
        {
            return null;
        }
        var path = Quote(test.Groups["path"].Value);
        var attribute = Quote(test.Groups["attribute"].Value);
        var compared = ValueAsString(value);
        var replacement = method switch
        {
            "XPathSelectElement" => $"{receiver.Text}.XPathSelectElements({path}).FirstOrDefault(element => element.Attribute({attribute})?.Value == {compared})",
            "XPathSelectElements" => $"{receiver.Text}.XPathSelectElements({path}).Where(element => element.Attribute({attribute})?.Value == {compared})",
            "SelectSingleNode" => $"{receiver.Text}.SelectNodes({path})?.Cast<XmlNode>().FirstOrDefault(node => node.Attributes?[{attribute}]?.Value == {compared})",
            _ => null,
        };
        if (replacement is null)
        {
            return null;
        }
        var edits = new List<TextEdit> { new(call.StartByte, call.EndByte, replacement) };
        if (LinqUsing(call.Tree) is { } usingEdit)
        {
            edits.Add(usingEdit);
        }
        return new FixProposal(description, edits);
    }

    private static string Quote(string text) => $"\"{text}\"";

    /// <summary>The value as the text XPath compared: a string as it is, anything else as formatting made it.</summary>
    private static string ValueAsString(StringPart value)
    {
        var node = value.Expression!.Value;
        if (node.Kind == "string_literal" || node.Kind == "identifier" && IsDeclaredString(node))
        {
            return node.Text;
        }
        return $"Convert.ToString({node.Text})";
    }

    private static bool IsDeclaredString(SyntaxNode identifier)
    {
        var method = identifier.Ancestors().FirstOrNull(a => a.Kind is "method_declaration" or "constructor_declaration" or "local_function_statement");
        var parameter = method?.ChildByField("parameters")?.NamedChildren
            .FirstOrNull(p => p.Kind == "parameter" && p.ChildByField("name")?.Text == identifier.Text);
        return parameter?.ChildByField("type")?.Text is "string" or "String" or "System.String";
    }

    /// <summary><c>using System.Linq;</c> after the last using, when the file lists its usings without it.</summary>
    private static TextEdit? LinqUsing(SyntaxTree tree)
    {
        var usings = tree.Root.NamedChildren.Where(c => c.Kind == "using_directive").ToList();
        if (usings.Count == 0 || usings.Any(u => u.Text.Replace(" ", "", StringComparison.Ordinal) is "usingSystem.Linq;" or "globalusingSystem.Linq;"))
        {
            return null;
        }
        return new TextEdit(usings[^1].EndByte, usings[^1].EndByte, "\nusing System.Linq;");
    }

    /// <summary>A location path (names and '/' only) and one attribute equality test opened with a quote.</summary>
    [GeneratedRegex(@"^(?<path>/{0,2}[A-Za-z_][\w.\-]*(/[A-Za-z_][\w.\-]*)*)\[@(?<attribute>[A-Za-z_][\w.\-]*)\s*=\s*'$")]
    private static partial Regex AttributeTest();
}
