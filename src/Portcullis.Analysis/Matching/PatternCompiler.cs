using System.Text;
using System.Text.RegularExpressions;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Matching;

/// <summary>
/// Compiles a pattern string with the target grammar itself: the pattern is parsed as code, the node
/// that spans exactly the pattern text becomes the root (or the statements that span it, a sequence),
/// and placeholders become metavariables and ellipses.
/// </summary>
internal static partial class PatternCompiler
{
    public static CompiledPattern Compile(string pattern, string grammarId)
    {
        var body = PatternSyntax.ReplaceMetasyntax(pattern.Trim(), grammarId);
        foreach (var (prefix, suffix) in PatternSyntax.Wrappers(grammarId))
        {
            var text = prefix + body + suffix;
            var tree = SyntaxParser.Parse(new SourceText("<pattern>", grammarId, text), grammarId);
            if (tree.ErrorCount > 0)
            {
                continue;
            }
            var start = Encoding.UTF8.GetByteCount(prefix);
            var end = start + Encoding.UTF8.GetByteCount(body);
            var compiled = FromTree(pattern, tree, start, end, end + Encoding.UTF8.GetByteCount(suffix.TrimEnd().StartsWith(';') ? ";" : ""));
            if (compiled is not null)
            {
                return compiled;
            }
        }
        throw new PatternCompileException($"pattern does not parse as {grammarId}: {pattern}");
    }

    private static CompiledPattern? FromTree(string pattern, SyntaxTree tree, int start, int end, int endWithSemicolon)
    {
        // The deepest named node spanning exactly the pattern is its root.
        SyntaxNode? root = null;
        foreach (var node in tree.Nodes())
        {
            if (node.IsNamed && node.StartByte == start && (node.EndByte == end || node.EndByte == endWithSemicolon) && !node.IsExtra)
            {
                root = node;
            }
        }
        var words = new List<string>();
        if (root is { } r && !IsWrapperOnly(r))
        {
            var compiled = Build(r, words);
            return new CompiledPattern(pattern, Unwrap(compiled), null, words);
        }
        // Otherwise a sequence: the children of the deepest node whose children tile the pattern.
        for (var i = tree.Count - 1; i >= 0; i--)
        {
            var node = tree.Node(i);
            var children = Significant(node).ToList();
            if (children.Count < 2)
            {
                continue;
            }
            var first = children.FindIndex(c => c.StartByte == start);
            var last = children.FindLastIndex(c => c.EndByte == end || c.EndByte == endWithSemicolon);
            if (first >= 0 && last > first)
            {
                var sequence = children.Skip(first).Take(last - first + 1).Select(c => Unwrap(Build(TopLevelStatement(c), words))).ToArray();
                return new CompiledPattern(pattern, null, sequence, words);
            }
        }
        return null;
    }

    /// <summary>
    /// C# parses statements outside a class as top-level statements, each wrapped in a
    /// global_statement that code inside a method body does not have: the statement inside is the pattern.
    /// </summary>
    private static SyntaxNode TopLevelStatement(SyntaxNode node) =>
        node.Kind == "global_statement" && node.NamedChildren.Where(c => !c.IsExtra).ToList() is [var statement] ? statement : node;

    /// <summary>A statement that holds only a placeholder (<c>$X;</c>) stands for the placeholder.</summary>
    private static PatternNode Unwrap(PatternNode node) =>
        node.Role == PatternNodeRole.Literal && node.Children.Length == 1 && node.Children[0].Role != PatternNodeRole.Literal && node.KindName.Contains("statement", StringComparison.Ordinal)
            ? node.Children[0]
            : node;

    /// <summary>The program node spanning several statements is not a root: those statements are a sequence.</summary>
    private static bool IsWrapperOnly(SyntaxNode node) => node.Parent is null && Significant(node).Skip(1).Any();

    /// <summary>
    /// Children that take part in matching: no comments, no zero-width nodes (inserted semicolons), no
    /// list commas and no statement-ending semicolons, which say nothing about what the code does.
    /// </summary>
    public static IEnumerable<SyntaxNode> Significant(SyntaxNode node)
    {
        foreach (var child in node.Children)
        {
            if (IsSignificant(child))
            {
                yield return child;
            }
        }
    }

    public static bool IsSignificant(SyntaxNode child)
    {
        var width = child.EndByte - child.StartByte;
        return !(child.IsExtra || width == 0 || (!child.IsNamed && width == 1 && child.Utf8[0] is (byte)',' or (byte)';'));
    }

    private static PatternNode Build(SyntaxNode node, List<string> words)
    {
        var text = node.Text;
        var bare = text.TrimEnd(';').Trim();
        if (bare.StartsWith("$__pc", StringComparison.Ordinal))
        {
            // A PHP metavariable placeholder written as a variable.
            bare = bare[1..];
        }
        if (bare is PatternSyntax.EllipsisPlaceholder || (bare == PatternSyntax.CallEllipsisStatement && node.Kind == "expression_statement"))
        {
            return Special(node, PatternNodeRole.Ellipsis, null);
        }
        if (bare.StartsWith(PatternSyntax.MetavariablePrefix, StringComparison.Ordinal) && IsIdentifierText(bare))
        {
            return Special(node, PatternNodeRole.Metavariable, "$" + bare[PatternSyntax.MetavariablePrefix.Length..]);
        }
        if (bare.StartsWith(PatternSyntax.SequencePrefix, StringComparison.Ordinal) && IsIdentifierText(bare))
        {
            return Special(node, PatternNodeRole.SequenceMetavariable, "$..." + bare[PatternSyntax.SequencePrefix.Length..]);
        }
        if (node.Kind.Contains("string", StringComparison.Ordinal) && AnyStringSyntax().Match(text) is { Success: true } anyString)
        {
            return Special(node, PatternNodeRole.AnyString, anyString.Groups[1].Value);
        }
        var children = Significant(node).Select(c => Build(c, words)).ToArray();
        if (children.Length == 0)
        {
            if (node.IsNamed && text.Length >= 3 && IsIdentifierText(text) && !text.StartsWith("__pc", StringComparison.Ordinal))
            {
                words.Add(text);
            }
            return new PatternNode { Role = PatternNodeRole.Literal, Kind = node.KindId, KindName = node.Kind, LeafText = Encoding.UTF8.GetBytes(text) };
        }
        return new PatternNode { Role = PatternNodeRole.Literal, Kind = node.KindId, KindName = node.Kind, Children = children };
    }

    private static PatternNode Special(SyntaxNode node, PatternNodeRole role, string? name) =>
        new() { Role = role, Kind = node.KindId, KindName = node.Kind, Name = name };

    private static bool IsIdentifierText(string text) => text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    [GeneratedRegex("^([A-Za-z]*)([\"'`]+)" + PatternSyntax.EllipsisPlaceholder + "\\2$")]
    private static partial Regex AnyStringSyntax();
}
