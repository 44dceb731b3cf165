using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// C#: BinaryFormatter becomes <c>System.Text.Json.JsonSerializer</c>, which builds only the type the
/// code asks for. <c>(T)formatter.Deserialize(stream)</c> and <c>formatter.Deserialize(stream) as T</c>
/// become <c>JsonSerializer.Deserialize&lt;T&gt;(stream)</c>; <c>formatter.Serialize(stream, value)</c>
/// becomes <c>JsonSerializer.Serialize(stream, value)</c>; the formatter's declaration goes. Every
/// BinaryFormatter of the file changes at once — data written as JSON must be read as JSON — so there is
/// no fix when any of them is used otherwise, or reads without naming the type it expects. Nor when a
/// read sits in a loop (a stream of several objects: JsonSerializer reads a stream to its end), or the
/// type is a framework type that JSON does not carry whole (cookie containers, data sets, untyped
/// collections): the fix would lose data silently.
/// </summary>
internal sealed class CSharpJsonSerializerRewrite : ICodeRewrite
{
    private const string Serializer = "System.Text.Json.JsonSerializer";

    private static readonly HashSet<string> NotCarriedByJson = new(StringComparer.Ordinal)
    {
        "object", "Object", "CookieContainer", "DataSet", "DataTable", "Hashtable", "ArrayList", "Image", "Bitmap", "Type", "Exception",
    };

    private static readonly HashSet<string> Loops = new(StringComparer.Ordinal)
    {
        "while_statement", "do_statement", "for_statement", "foreach_statement",
    };

    public string Name => "csharp-json-serializer";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Tree.Grammar.Id != "c_sharp")
        {
            return null;
        }
        var edits = new List<TextEdit>();
        foreach (var creation in focus.Tree.Root.Descendants().Where(IsBinaryFormatter))
        {
            if (Uses(creation, edits) is not true)
            {
                return null;
            }
        }
        // Formatters that share a name in a fragment see each other's calls: each call is edited once.
        var distinct = edits.DistinctBy(e => (e.StartByte, e.EndByte)).ToList();
        return distinct.Count > 0 ? new FixProposal(description, distinct) : null;
    }

    private static bool IsBinaryFormatter(SyntaxNode node) =>
        node.Kind == "object_creation_expression" && node.ChildByField("type")?.Text is "BinaryFormatter" or "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter"
        && node.ChildByField("arguments") is { } arguments && !arguments.NamedChildren.Any(c => !c.IsExtra)
        && node.NamedChildren.All(c => c.Kind != "initializer_expression");

    /// <summary>Adds the edits for one formatter: used in place, or kept in a local used only for its calls.</summary>
    private static bool? Uses(SyntaxNode creation, List<TextEdit> edits)
    {
        if (creation.Parent is { Kind: "member_access_expression" })
        {
            return Call(creation, edits);
        }
        if (creation.Parent is not { Kind: "variable_declarator" } declarator || declarator.Parent is not { Kind: "variable_declaration" } declaration
            || declaration.NamedChildren.Count(c => c.Kind == "variable_declarator") != 1 || declaration.Parent is not { Kind: "local_declaration_statement" } statement
            || declarator.ChildByField("name") is not { } name)
        {
            return false;
        }
        // Outside a method (a fragment of code), every use of the name in the file counts.
        var scope = statement.Ancestors().FirstOrNull(a => a.Kind is "method_declaration" or "constructor_declaration" or "local_function_statement" or "lambda_expression")
            ?? creation.Tree.Root;
        var uses = scope.Descendants().Where(d => d.Kind == "identifier" && d.Text == name.Text && d != name).ToList();
        if (uses.Count == 0 || !uses.All(use => Call(use, edits)))
        {
            return false;
        }
        var source = creation.Tree.Source;
        var line = source.LineOf(statement.StartByte);
        var lineText = source.Line(line);
        // The declaration's whole line goes when the statement is all it holds.
        var start = statement.StartByte - (lineText.Length - lineText.TrimStart(' ', '\t').Length);
        var end = statement.EndByte < source.Utf8.Length && source.Utf8[statement.EndByte] == '\n' ? statement.EndByte + 1 : statement.EndByte;
        if (lineText.Trim() != statement.Text.Trim())
        {
            (start, end) = (statement.StartByte, statement.EndByte);
        }
        edits.Add(new TextEdit(start, end, ""));
        return true;
    }

    /// <summary><c>receiver.Serialize(stream, value)</c> or a typed <c>receiver.Deserialize(stream)</c>.</summary>
    private static bool Call(SyntaxNode receiver, List<TextEdit> edits)
    {
        if (receiver.Parent is not { Kind: "member_access_expression" } access || access.ChildByField("expression") != receiver
            || access.Parent is not { Kind: "invocation_expression" } call || call.ChildByField("arguments") is not { } argumentList)
        {
            return false;
        }
        var arguments = argumentList.NamedChildren.Where(c => c.Kind == "argument").Select(a => a.Text).ToList();
        switch (access.ChildByField("name")?.Text)
        {
            case "Serialize" when arguments.Count == 2:
                edits.Add(new TextEdit(call.StartByte, call.EndByte, $"{Serializer}.Serialize({arguments[0]}, {arguments[1]})"));
                return true;
            case "Deserialize" when arguments.Count == 1 && TypedRead(call) is { } read && CarriedByJson(read.Type)
                && !call.Ancestors().TakeWhile(a => a.Kind is not ("method_declaration" or "local_function_statement" or "lambda_expression")).Any(a => Loops.Contains(a.Kind)):
                edits.Add(new TextEdit(read.Node.StartByte, read.Node.EndByte, $"{Serializer}.Deserialize<{read.Type}>({arguments[0]})"));
                return true;
            default:
                return false;
        }
    }

    private static bool CarriedByJson(string type) =>
        !type.StartsWith("System.", StringComparison.Ordinal) && !NotCarriedByJson.Contains(type);

    /// <summary>The cast or <c>as</c> that names the type read, and that type.</summary>
    private static (SyntaxNode Node, string Type)? TypedRead(SyntaxNode call)
    {
        var node = call;
        while (node.Parent is { Kind: "parenthesized_expression" } wrapper)
        {
            node = wrapper;
        }
        return node.Parent switch
        {
            { Kind: "cast_expression" } cast when cast.ChildByField("type") is { } type => (cast, type.Text),
            { Kind: "as_expression" } asExpression when asExpression.ChildByField("left") == node && asExpression.ChildByField("right") is { } type => (asExpression, type.Text),
            _ => null,
        };
    }
}
