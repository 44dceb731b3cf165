using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>What the Java rewrites ask of the code around a finding: the method it is in, the
/// statement it belongs to, a call's arguments and receiver, where a local variable was declared.</summary>
internal static class JavaCode
{
    /// <summary>The body of the method, constructor or lambda the node is in.</summary>
    public static SyntaxNode? EnclosingBody(SyntaxNode node) =>
        node.Ancestors().FirstOrNull(a => a.Kind is "method_declaration" or "constructor_declaration" or "lambda_expression")?.ChildByField("body");

    /// <summary>The statement of a block that holds the node (the unit a rewrite may put code before).</summary>
    public static SyntaxNode? EnclosingStatement(SyntaxNode node) =>
        node.Ancestors().FirstOrNull(a => a.Parent is { Kind: "block" or "switch_block_statement_group" });

    public static IReadOnlyList<SyntaxNode> Arguments(SyntaxNode call) =>
        call.ChildByField("arguments") is { } arguments ? arguments.NamedChildren.Where(c => !c.IsExtra).ToList() : [];

    /// <summary>True when the call is <c>CLASS.METHOD(...)</c> on the class by its simple or qualified name.</summary>
    public static bool IsStaticCall(SyntaxNode call, string qualifiedClass, string method)
    {
        if (call.Kind != "method_invocation" || call.ChildByField("name")?.Text != method || call.ChildByField("object")?.Text is not { } receiver)
        {
            return false;
        }
        var simple = qualifiedClass[(qualifiedClass.LastIndexOf('.') + 1)..];
        return receiver == simple || receiver == qualifiedClass;
    }

    /// <summary>True when the creation is <c>new CLASS(...)</c> by the simple or qualified name.</summary>
    public static bool IsCreation(SyntaxNode node, string qualifiedClass)
    {
        if (node.Kind != "object_creation_expression" || node.ChildByField("type")?.Text is not { } type)
        {
            return false;
        }
        var simple = qualifiedClass[(qualifiedClass.LastIndexOf('.') + 1)..];
        return type == simple || type == qualifiedClass;
    }

    /// <summary>The name a value is stored under where it is created (<c>T name = value;</c> or
    /// <c>name = value;</c>), or null when it is used directly.</summary>
    public static SyntaxNode? StoredIn(SyntaxNode value)
    {
        var node = value;
        while (node.Parent is { Kind: "parenthesized_expression" or "cast_expression" } wrapper)
        {
            node = wrapper;
        }
        return node.Parent switch
        {
            { Kind: "variable_declarator" } declarator when declarator.ChildByField("value") == node => declarator.ChildByField("name"),
            { Kind: "assignment_expression" } assignment when assignment.ChildByField("right") == node
                && assignment.ChildByField("left") is { Kind: "identifier" } left => left,
            _ => null,
        };
    }

    /// <summary>The declaration of a local variable in the body (the declarator's type node), or null for
    /// a parameter, field or a name the body does not declare.</summary>
    public static SyntaxNode? LocalDeclarationType(SyntaxNode body, string name) =>
        body.Descendants().FirstOrNull(d => d.Kind == "variable_declarator" && d.ChildByField("name")?.Text == name)?.Parent?.ChildByField("type");

    /// <summary>True when the body assigns the name anywhere (declaration with a value, or assignment).</summary>
    public static bool IsAssignedIn(SyntaxNode body, string name) => body.Descendants().Any(d =>
        d.Kind == "variable_declarator" && d.ChildByField("name")?.Text == name && d.ChildByField("value") is not null
        || d.Kind == "assignment_expression" && d.ChildByField("left")?.Text == name);

    /// <summary>The calls <c>name.METHOD(...)</c> in the body.</summary>
    public static IEnumerable<SyntaxNode> CallsOn(SyntaxNode body, string name, string method) => body.Descendants().Where(d =>
        d.Kind == "method_invocation" && d.ChildByField("name")?.Text == method && d.ChildByField("object") is { Kind: "identifier" } receiver && receiver.Text == name);

    public static string Indentation(SourceText source, int byteOffset)
    {
        var line = source.Line(source.LineOf(byteOffset));
        return line[..(line.Length - line.TrimStart(' ', '\t').Length)];
    }

    /// <summary>True when the method assigns the name anywhere between the end of one node and the start of another.</summary>
    public static bool AssignedBetween(string name, SyntaxNode from, SyntaxNode to) =>
        EnclosingBody(to) is { } body && body.Descendants().Any(d => d.StartByte >= from.EndByte && d.EndByte <= to.StartByte
            && (d.Kind == "assignment_expression" && d.ChildByField("left")?.Text == name
                || d.Kind == "update_expression" && d.NamedChildren.Any(c => c.Text == name)
                || d.Kind == "variable_declarator" && d.ChildByField("name")?.Text == name));
}
