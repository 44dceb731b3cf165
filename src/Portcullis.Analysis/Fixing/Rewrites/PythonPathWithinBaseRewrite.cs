using System.Text;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// Python: a file path built from untrusted data under a directory is resolved and checked to stay in
/// it before the file is opened:
/// <code>
/// base_dir = os.path.realpath(DIR)
/// file_path = os.path.realpath(path)
/// if os.path.commonpath([base_dir, file_path]) != base_dir:
///     raise ValueError("The path leaves the base directory")
/// open(file_path, "rb")
/// </code>
/// realpath resolves "..", symbolic links and relative names the way opening the file would, and
/// commonpath compares whole path components. The directory is the one the code shows: the first
/// argument of <c>os.path.join(DIR, ...)</c> or the leading value / literal directory of the string
/// the path is built as (here, or in the variable's last assignment). Without one, no fix.
/// </summary>
internal sealed class PythonPathWithinBaseRewrite : ICodeRewrite
{
    private static readonly HashSet<string> HostStatements = new(StringComparer.Ordinal)
    {
        "expression_statement", "return_statement", "with_statement",
    };

    public string Name => "python-path-within-base";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Tree.Grammar.Id != "python"
            || focus.Ancestors().FirstOrNull(a => a.Parent is { Kind: "block" or "module" }) is not { } statement
            || !HostStatements.Contains(statement.Kind) || !Unconditional(focus, statement))
        {
            return null;
        }
        var built = focus.Kind == "identifier" ? PythonValues.LastAssignmentBefore(focus) : focus;
        if (built is not { } path || BaseDirectory(path) is not { } baseDirectory)
        {
            return null;
        }
        var tree = focus.Tree;
        var source = tree.Source;
        var baseDir = FreshName.For(tree, "base_dir");
        var filePath = FreshName.For(tree, "file_path");
        var line = source.Line(source.LineOf(statement.StartByte));
        var indentation = line[..(line.Length - line.TrimStart(' ', '\t').Length)];
        var inner = indentation + (indentation.StartsWith('\t') ? "\t" : "    ");
        var check = new StringBuilder()
            .Append($"{baseDir} = os.path.realpath({baseDirectory})\n")
            .Append($"{indentation}{filePath} = os.path.realpath({focus.Text})\n")
            .Append($"{indentation}if os.path.commonpath([{baseDir}, {filePath}]) != {baseDir}:\n")
            .Append($"{inner}raise ValueError(\"The path leaves the base directory\")\n")
            .Append(indentation);
        var edits = new List<TextEdit>
        {
            new(statement.StartByte, statement.StartByte, check.ToString()),
            new(focus.StartByte, focus.EndByte, filePath),
        };
        if (ImportInsertion.Ensure(tree, "os") is { } import)
        {
            edits.Add(import);
        }
        return new FixProposal(description, edits);
    }

    /// <summary>The directory the path is built under, as Python source, or null when the code shows none.</summary>
    private static string? BaseDirectory(SyntaxNode path)
    {
        if (path.Kind == "call" && path.ChildByField("function")?.Text == "os.path.join"
            && path.ChildByField("arguments") is { } arguments && arguments.NamedChildren.Where(c => !c.IsExtra).ToList() is [var first, _, ..]
            && first.Kind is not ("list_splat" or "keyword_argument"))
        {
            return Fixed(first) ? first.Text : null;
        }
        if (BuiltString.Decompose(path) is not [var head, var next, ..])
        {
            return null;
        }
        if (head.IsLiteral)
        {
            // A literal directory: the text up to its last separator.
            var literal = head.Literal!;
            var slash = literal.LastIndexOf('/');
            return slash > 0 && literal.IndexOf('\\') < 0 && literal.IndexOf('{') < 0 ? $"\"{literal[..slash]}\"" : null;
        }
        var expression = head.Expression!.Value;
        return next.Literal?.StartsWith('/') == true && Fixed(expression) ? expression.Text : null;
    }

    /// <summary>A literal, or a module attribute / name the function does not assign (a setting, a constant).</summary>
    private static bool Fixed(SyntaxNode expression) => expression.Kind switch
    {
        "string" => !expression.Descendants().Any(d => d.Kind == "interpolation"),
        "attribute" => !expression.Descendants().Any(d => d.Kind is "call" or "subscript"),
        "identifier" => expression.Ancestors().FirstOrNull(a => a.Kind == "function_definition") is not { } function
            || !function.Descendants().Any(d => d.Kind == "assignment" && d.ChildByField("left")?.Text == expression.Text),
        _ => false,
    };

    private static bool Unconditional(SyntaxNode node, SyntaxNode statement)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor == statement)
            {
                return true;
            }
            if (ancestor.Kind is "lambda" or "conditional_expression" or "boolean_operator" or "list_comprehension"
                or "generator_expression" or "dictionary_comprehension" or "set_comprehension")
            {
                return false;
            }
        }
        return false;
    }
}
