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
        if (statements.Any(s => s.Kind == "import_statement" && s.NamedChildren.Any(n => n.Kind == "dotted_name" && n.Text == module)))
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
