using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Fixes;

/// <summary>Byte positions of lines around a node, for edits that insert or remove whole lines and keep indentation.</summary>
internal static class SourceLines
{
    public static int LineStart(byte[] utf8, int offset)
    {
        while (offset > 0 && utf8[offset - 1] != (byte)'\n')
        {
            offset--;
        }
        return offset;
    }

    /// <summary>The whitespace before the node on its line (empty when code precedes it).</summary>
    public static string Indentation(byte[] utf8, SyntaxNode node)
    {
        var start = LineStart(utf8, node.StartByte);
        for (var i = start; i < node.StartByte; i++)
        {
            if (utf8[i] is not ((byte)' ' or (byte)'\t'))
            {
                return "";
            }
        }
        return System.Text.Encoding.UTF8.GetString(utf8, start, node.StartByte - start);
    }

    /// <summary>Removes the node's line when nothing else is on it, else just the node.</summary>
    public static TextEdit RemoveStatement(byte[] utf8, SyntaxNode node)
    {
        var start = LineStart(utf8, node.StartByte);
        var end = node.EndByte;
        var whole = Indentation(utf8, node).Length == node.StartByte - start;
        var after = end;
        while (after < utf8.Length && utf8[after] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            after++;
        }
        if (whole && (after == utf8.Length || utf8[after] == (byte)'\n'))
        {
            return new TextEdit(start, Math.Min(after + 1, utf8.Length), "");
        }
        return new TextEdit(node.StartByte, node.EndByte, "");
    }

    /// <summary>Inserts lines before the node's line, each indented like the node.</summary>
    public static TextEdit InsertLinesBefore(byte[] utf8, SyntaxNode node, IEnumerable<string> lines)
    {
        var indentation = Indentation(utf8, node);
        var start = indentation.Length > 0 || LineStart(utf8, node.StartByte) == node.StartByte ? LineStart(utf8, node.StartByte) : node.StartByte;
        var text = string.Concat(lines.Select(l => indentation + l + "\n"));
        if (start == node.StartByte && indentation.Length == 0 && LineStart(utf8, node.StartByte) != node.StartByte)
        {
            text = string.Concat(lines.Select(l => l + " "));
        }
        return new TextEdit(start, start, text);
    }

    /// <summary>The statement of <paramref name="block"/> (a direct child, wrapper included) that holds <paramref name="node"/>.</summary>
    public static SyntaxNode? StatementIn(SyntaxNode node, SyntaxNode block)
    {
        var current = node;
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor == block)
            {
                return current;
            }
            current = ancestor;
        }
        return null;
    }

    /// <summary>The nearest block or function body that holds the node.</summary>
    public static SyntaxNode? EnclosingBlock(SyntaxNode node) =>
        node.Ancestors().Where(a => a.Kind is "block_statement" or "function_body").Select(a => (SyntaxNode?)a).FirstOrDefault();

    /// <summary>Inserts lines after the node's line, each indented like the node.</summary>
    public static TextEdit InsertLinesAfter(byte[] utf8, SyntaxNode node, IEnumerable<string> lines)
    {
        var indentation = Indentation(utf8, node);
        var end = node.EndByte;
        while (end < utf8.Length && utf8[end] != (byte)'\n')
        {
            end++;
        }
        var text = string.Concat(lines.Select(l => "\n" + indentation + l));
        return new TextEdit(end, end, text);
    }
}
