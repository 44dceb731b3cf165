using System.Text;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// Java: a file path built from untrusted data is checked to stay inside the directory the code builds
/// it under, before the file is opened:
/// <code>
/// java.nio.file.Path baseDir = java.nio.file.Paths.get(DIR).toAbsolutePath().normalize();
/// java.nio.file.Path filePath = java.nio.file.Paths.get("").toAbsolutePath().resolve(fileName);
/// if (!filePath.normalize().startsWith(baseDir)) {
///     throw new IllegalArgumentException("The path leaves the base directory");
/// }
/// ... new java.io.FileInputStream(filePath.toString()) ...
/// </code>
/// The directory is the one the code shows: the parent of <c>new File(dir, name)</c> /
/// <c>Paths.get(dir, name)</c> (the name is then resolved against it), or the fixed prefix of the
/// concatenation the path is (<c>Utils.DIR + name</c>, directly or in the variable's last assignment
/// before the use). Without a visible directory there is nothing to check against, and no fix.
/// Path.startsWith compares whole path elements after normalisation, so "../" and absolute names are
/// both rejected.
/// </summary>
internal sealed class JavaPathWithinBaseRewrite : ICodeRewrite
{
    /// <summary>Constructors whose first argument is a file path (as a String or a File).</summary>
    private static readonly string[] PathConstructors =
    [
        "java.io.File", "java.io.FileInputStream", "java.io.FileOutputStream", "java.io.FileReader", "java.io.FileWriter",
        "java.io.RandomAccessFile", "java.io.PrintWriter",
    ];

    /// <summary>Statements before which the check may run: the path is computed there unconditionally.</summary>
    private static readonly HashSet<string> HostStatements = new(StringComparer.Ordinal)
    {
        "local_variable_declaration", "expression_statement", "return_statement", "try_with_resources_statement",
    };

    public string Name => "path-within-base";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Tree.Grammar.Id != "java")
        {
            return null;
        }
        var target = Unwrap(focus);
        if (JavaCode.EnclosingStatement(target) is not { } statement || !HostStatements.Contains(statement.Kind)
            || JavaCode.EnclosingBody(target) is not { } body || !Unconditional(target, statement))
        {
            return null;
        }
        var source = target.Tree.Source;
        var baseDir = FreshName.For(target.Tree, "baseDir");
        var filePath = FreshName.For(target.Tree, "filePath");
        string baseExpression;
        string pathExpression;
        SyntaxNode replaced;
        string replacement;
        if (ParentDirectoryOf(target) is ({ } creation, { } directory))
        {
            // new File(dir, name) / Paths.get(dir, name): the name resolved against the directory.
            baseExpression = AsPath(directory, body);
            pathExpression = $"{baseDir}.resolve({target.Text})";
            replaced = creation;
            replacement = creation.Kind == "object_creation_expression" ? $"{filePath}.toFile()" : filePath;
        }
        else if (Prefix(target, statement, body) is { } prefix)
        {
            baseExpression = $"java.nio.file.Paths.get({prefix})";
            // Resolved as the JVM resolves a relative name: against the working directory.
            pathExpression = $"java.nio.file.Paths.get(\"\").toAbsolutePath().resolve({target.Text})";
            replaced = target;
            replacement = $"{filePath}.toString()";
        }
        else
        {
            return null;
        }
        var indentation = JavaCode.Indentation(source, statement.StartByte);
        var inner = indentation + IndentUnit(source, statement, body);
        var check = new StringBuilder()
            .Append($"java.nio.file.Path {baseDir} = {baseExpression}.toAbsolutePath().normalize();\n")
            .Append($"{indentation}java.nio.file.Path {filePath} = {pathExpression};\n")
            .Append($"{indentation}if (!{filePath}.normalize().startsWith({baseDir})) {{\n")
            .Append($"{inner}throw new IllegalArgumentException(\"The path leaves the base directory\");\n")
            .Append($"{indentation}}}\n")
            .Append(indentation);
        return new FixProposal(description,
        [
            new TextEdit(statement.StartByte, statement.StartByte, check.ToString()),
            new TextEdit(replaced.StartByte, replaced.EndByte, replacement),
        ]);
    }

    /// <summary>
    /// The path value inside a sink argument that opens it: <c>new FileInputStream(new File(p))</c> and
    /// <c>new FileInputStream(p).getFD()</c> are checked at <c>p</c>, so the findings on the inner and
    /// the outer constructor get the same fix.
    /// </summary>
    private static SyntaxNode Unwrap(SyntaxNode node)
    {
        while (true)
        {
            if (node.Kind == "method_invocation" && node.ChildByField("object") is { Kind: "object_creation_expression" } opened && IsPathConstructor(opened))
            {
                node = opened;
                continue;
            }
            if (node.Kind == "object_creation_expression" && IsPathConstructor(node) && JavaCode.Arguments(node) is [var only, ..] && ParentDirectoryOf(only) is null)
            {
                node = only;
                continue;
            }
            return node;
        }
    }

    private static bool IsPathConstructor(SyntaxNode creation) => PathConstructors.Any(c => JavaCode.IsCreation(creation, c));

    /// <summary>For the name of <c>new File(dir, name)</c> or <c>Paths.get(dir, name)</c>: that call and the directory.</summary>
    private static (SyntaxNode Call, SyntaxNode Directory)? ParentDirectoryOf(SyntaxNode name)
    {
        if (name.Parent is not { Kind: "argument_list" } arguments || arguments.Parent is not { } call
            || JavaCode.Arguments(call) is not [var directory, var child] || child != name)
        {
            return null;
        }
        var isFile = JavaCode.IsCreation(call, "java.io.File");
        var isPaths = JavaCode.IsStaticCall(call, "java.nio.file.Paths", "get") || JavaCode.IsStaticCall(call, "java.nio.file.Path", "of");
        return isFile || isPaths ? (call, directory) : null;
    }

    /// <summary>The directory as a <c>java.nio.file.Path</c> expression.</summary>
    private static string AsPath(SyntaxNode directory, SyntaxNode body)
    {
        if (JavaCode.IsCreation(directory, "java.io.File") && JavaCode.Arguments(directory) is [var path])
        {
            return $"java.nio.file.Paths.get({path.Text})";
        }
        var type = directory.Kind == "identifier" ? JavaCode.LocalDeclarationType(body, directory.Text)?.Text : null;
        return type switch
        {
            "File" or "java.io.File" => $"{directory.Text}.toPath()",
            "Path" or "java.nio.file.Path" => directory.Text,
            "String" or "java.lang.String" => $"java.nio.file.Paths.get({directory.Text})",
            // A String constant or a File: both print as the path they hold.
            _ => directory.Kind is "string_literal" or "binary_expression"
                ? $"java.nio.file.Paths.get({directory.Text})"
                : $"java.nio.file.Paths.get(String.valueOf({directory.Text}))",
        };
    }

    /// <summary>
    /// The fixed directory a path starts with: the first operand of the concatenation that builds it
    /// (here, or in the variable's last assignment before the statement), when that operand is a
    /// literal or a name the method never assigns (a constant, a field).
    /// </summary>
    private static string? Prefix(SyntaxNode path, SyntaxNode statement, SyntaxNode body)
    {
        var built = path.Kind == "identifier" ? LastAssignmentBefore(path.Text, statement, body) : path;
        if (built is not { Kind: "binary_expression" } || BuiltString.Decompose(built.Value) is not [var first, _, ..])
        {
            return null;
        }
        if (first.IsLiteral)
        {
            return first.Literal!.Length > 0 && first.Literal.IndexOf(':') < 0 ? $"\"{first.Literal}\"" : null;
        }
        var head = first.Expression!.Value;
        var fixedName = head.Kind == "field_access" && !head.Descendants().Any(d => d.Kind is "method_invocation" or "array_access")
            || head.Kind == "identifier" && !JavaCode.IsAssignedIn(body, head.Text);
        return fixedName ? head.Text : null;
    }

    /// <summary>The value a variable was last given before the statement, by an assignment or declaration in
    /// a block that holds the statement (so it ran whenever the statement runs).</summary>
    private static SyntaxNode? LastAssignmentBefore(string name, SyntaxNode statement, SyntaxNode body)
    {
        SyntaxNode? last = null;
        foreach (var node in body.Descendants())
        {
            if (node.StartByte >= statement.StartByte)
            {
                break;
            }
            var value = node.Kind switch
            {
                "variable_declarator" when node.ChildByField("name")?.Text == name => node.ChildByField("value"),
                "assignment_expression" when node.ChildByField("left")?.Text == name => node.ChildByField("operator")?.Text == "=" ? node.ChildByField("right") : null,
                _ => (SyntaxNode?)null,
            };
            var assigns = node.Kind is "variable_declarator" or "assignment_expression" && (node.ChildByField("name") ?? node.ChildByField("left"))?.Text == name;
            if (!assigns)
            {
                continue;
            }
            var host = JavaCode.EnclosingStatement(node);
            last = value is { } v && host?.Parent is { } block && block.Contains(statement) && Unconditional(node, host.Value) ? v : null;
        }
        return last;
    }

    /// <summary>True when nothing between the node and its statement decides whether the node runs.</summary>
    private static bool Unconditional(SyntaxNode node, SyntaxNode statement)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor == statement)
            {
                return true;
            }
            if (ancestor.Kind is "lambda_expression" or "ternary_expression" or "class_body" or "switch_expression"
                || ancestor.Kind == "binary_expression" && ancestor.ChildByField("operator")?.Text is "&&" or "||")
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>One level of indentation as the file writes it (the body's first statement against the method's braces).</summary>
    private static string IndentUnit(SourceText source, SyntaxNode statement, SyntaxNode body)
    {
        var outer = JavaCode.Indentation(source, body.StartByte);
        var first = JavaCode.Indentation(source, body.NamedChildren.FirstOrNull(c => !c.IsExtra)?.StartByte ?? statement.StartByte);
        return first.Length > outer.Length && first.StartsWith(outer, StringComparison.Ordinal) ? first[outer.Length..] : "    ";
    }
}
