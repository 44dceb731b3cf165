using Portcullis.Analysis.Fixing;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Secrets;

/// <summary>
/// The fix for a hardcoded secret: the string literal (or the concatenation of literals) that holds it
/// becomes the language's environment lookup, named after the variable it was assigned to or after the
/// provider (<c>os.environ["STRIPE_SECRET_KEY"]</c>, <c>process.env.STRIPE_SECRET_KEY</c>, …).
/// </summary>
internal static class EnvironmentLookupFix
{
    private static readonly HashSet<string> StringKinds = new(StringComparer.Ordinal)
    {
        "string", "string_literal", "interpreted_string_literal", "raw_string_literal", "verbatim_string_literal",
        "concatenated_string", "encapsed_string", "template_string",
    };

    private static readonly HashSet<string> ConcatenationKinds = new(StringComparer.Ordinal)
    {
        "binary_expression", "binary_operator", "concatenated_string", "additive_expression",
    };

    public static FixProposal? Propose(SyntaxTree tree, int startByte, int endByte, string? name, string providerName)
    {
        if (Lookup(tree.Grammar.Id, "X") is null || Literal(tree, startByte, endByte) is not { } literal)
        {
            return null;
        }
        var variable = name is not null && EnvironmentNames.FromIdentifier(name) is { } fromName ? fromName
            : AssignedName(literal) is { } assigned && EnvironmentNames.FromIdentifier(assigned) is { } fromTarget && Values.SecretNames.IsSecretName(assigned) ? fromTarget
            : providerName;
        var edits = new List<TextEdit> { new(literal.StartByte, literal.EndByte, Lookup(tree.Grammar.Id, variable)!) };
        if (tree.Grammar.Id == "python" && ImportInsertion.Ensure(tree, "os") is { } import)
        {
            edits.Add(import);
        }
        else if (tree.Grammar.Id == "go" && GoImport(tree) is { } goImport)
        {
            edits.Add(goImport);
        }
        return new FixProposal($"read the secret from the environment variable {variable} instead of the source", edits.OrderBy(e => e.StartByte).ToList());
    }

    public static string? Lookup(string grammar, string variable) => grammar switch
    {
        "python" => $"os.environ[\"{variable}\"]",
        "javascript" or "typescript" or "tsx" => $"process.env.{variable}",
        "java" or "kotlin" => $"System.getenv(\"{variable}\")",
        "c_sharp" or "csharp" => $"Environment.GetEnvironmentVariable(\"{variable}\")",
        "go" => $"os.Getenv(\"{variable}\")",
        "php" or "php_only" => $"getenv('{variable}')",
        "ruby" => $"ENV.fetch(\"{variable}\")",
        "c" or "cpp" => $"getenv(\"{variable}\")",
        _ => null,
    };

    /// <summary>The smallest string literal or literal concatenation that holds the whole secret, not interpolating anything else.</summary>
    private static SyntaxNode? Literal(SyntaxTree tree, int startByte, int endByte)
    {
        var node = tree.Root;
        var descended = true;
        while (descended)
        {
            descended = false;
            foreach (var child in node.Children)
            {
                if (child.StartByte <= startByte && endByte <= child.EndByte)
                {
                    node = child;
                    descended = true;
                    break;
                }
            }
        }
        for (SyntaxNode? current = node; current is { } n; current = n.Parent)
        {
            if (StringKinds.Contains(n.Kind))
            {
                var interpolates = n.Descendants().Any(d => d.Kind.Contains("interpolation", StringComparison.Ordinal) || d.Kind == "template_substitution");
                return interpolates || n.IsError ? null : Outermost(n);
            }
            if (ConcatenationKinds.Contains(n.Kind) && n.Descendants().All(d => !d.IsNamed || StringKinds.Contains(d.Kind) || d.Kind.Contains("string", StringComparison.Ordinal) || d.Kind.Contains("escape", StringComparison.Ordinal)))
            {
                return Outermost(n);
            }
        }
        return null;
    }

    /// <summary>Climbs through enclosing concatenations made only of literals.</summary>
    private static SyntaxNode Outermost(SyntaxNode node)
    {
        while (node.Parent is { } parent && ConcatenationKinds.Contains(parent.Kind)
            && parent.Descendants().All(d => !d.IsNamed || StringKinds.Contains(d.Kind) || d.Kind.Contains("string", StringComparison.Ordinal) || d.Kind.Contains("escape", StringComparison.Ordinal)))
        {
            node = parent;
        }
        return node;
    }

    /// <summary>The assignment target, declared name, keyword or key the literal is the value of.</summary>
    private static string? AssignedName(SyntaxNode literal)
    {
        if (literal.Parent is not { } parent)
        {
            return null;
        }
        // Go declares `var name = value` with the value inside an expression list.
        if (parent.Kind == "expression_list" && parent.Parent is { } declaration)
        {
            parent = declaration;
        }
        var target = parent.ChildByField("left") ?? parent.ChildByField("name") ?? parent.ChildByField("key");
        if (target is null && parent.Parent is { } grand && parent.Kind is "equals_value_clause" or "variable_initializer")
        {
            target = grand.ChildByField("name") ?? grand.NamedChildren.FirstOrNull(c => c.Kind == "identifier");
        }
        if (target is not { } t || t.Equals(literal))
        {
            return null;
        }
        var text = t.Text.Trim('"', '\'');
        return text.Length is > 0 and <= 80 ? text : null;
    }

    private static TextEdit? GoImport(SyntaxTree tree)
    {
        var imports = tree.Root.NamedChildren.Where(c => c.Kind == "import_declaration").ToList();
        if (imports.Any(i => i.Descendants().Any(d => d.Kind == "interpreted_string_literal" && d.Text == "\"os\"")))
        {
            return null;
        }
        return tree.Root.NamedChildren.FirstOrNull(c => c.Kind == "package_clause") is { } package
            ? new TextEdit(package.EndByte, package.EndByte, "\n\nimport \"os\"")
            : null;
    }
}
