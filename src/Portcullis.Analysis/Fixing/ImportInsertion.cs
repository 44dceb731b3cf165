using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing;

/// <summary>
/// The edit that makes a module available to a fix: <c>import MODULE</c> before the file's first
/// import (after any <c>from __future__</c> import, which must stay first, and after the module docstring), or nothing when the file
/// already imports it. Python only: Java fixes name classes fully qualified instead.
/// </summary>
internal static class ImportInsertion
{
    public static TextEdit? Ensure(SyntaxTree tree, string module)
    {
        if (tree.Grammar.Id != "python")
        {
            return null;
        }
        var statements = tree.Root.NamedChildren.Where(c => !c.IsExtra).ToList();
        // Any module-level import counts, also one the parser put inside an ERROR node: a fragment that
        // starts indented (a method body) does that to an import added above it, and a second fix must
        // not add the same import again.
        if (tree.Nodes().Any(n => n.Kind == "import_statement" && n.NamedChildren.Any(c => c.Kind == "dotted_name" && c.Text == module) && !n.Ancestors().Any(a => a.Kind is "function_definition" or "class_definition")))
        {
            return null;
        }
        if (statements.Where(s => s.Kind == "future_import_statement").LastOrNull() is { } future)
        {
            return new TextEdit(future.EndByte, future.EndByte, $"\nimport {module}");
        }
        if (statements.FirstOrNull(s => s.Kind is "import_statement" or "import_from_statement") is { } first)
        {
            return new TextEdit(first.StartByte, first.StartByte, $"import {module}\n");
        }
        // No imports yet: the module docstring, if any, stays the first statement.
        if (statements.FirstOrNull() is { Kind: "expression_statement" } docstring && docstring.NamedChildren.FirstOrNull()?.Kind == "string")
        {
            return new TextEdit(docstring.EndByte, docstring.EndByte, $"\nimport {module}");
        }
        return new TextEdit(0, 0, $"import {module}\n");
    }
}
