using System.Text;
using System.Text.RegularExpressions;
using Portcullis.Analysis.Fixing;
using Portcullis.Analysis.Fixing.Rewrites;
using Portcullis.Core;
using Portcullis.Rules.Model;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Matching;

/// <summary>
/// Turns a rule's fix into edits: a template becomes an edit of the matched range (metavariables are
/// replaced by the code they bound, and continuation lines take the indentation of the line the match
/// starts on); a named rewrite proposes its own edits of the code the focus metavariable bound.
/// </summary>
internal static partial class FixTemplateRenderer
{
    public static FixProposal? Render(FixTemplate template, PatternMatch match, SyntaxTree tree)
    {
        if (template.Rewrite is { } name)
        {
            return CodeRewrites.Find(name) is { } rewrite && template.Focus is { } target && match.Bindings.Find(target) is { } bound
                ? rewrite.Propose(bound.Node, template.Description)
                : null;
        }
        var source = tree.Source;
        var text = MetavariableReference().Replace(template.Template!, m =>
            match.Bindings.Find(m.Value) is { } bound ? source.Slice(bound.StartByte, bound.EndByte) : m.Value);
        var (start, end) = (match.StartByte, match.EndByte);
        if (template.Focus is { } focus && match.Bindings.Find(focus) is { } focused)
        {
            (start, end) = (focused.StartByte, focused.EndByte);
        }
        var indentation = IndentationAt(source, start);
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            var lines = text.TrimEnd('\n').Split('\n');
            text = lines[0] + string.Concat(lines.Skip(1).Select(l => "\n" + (l.Length > 0 ? indentation + l : l)));
        }
        var edits = new List<TextEdit> { new(start, end, text) };
        if (template.Import is { } module && ImportInsertion.Ensure(tree, module) is { } import)
        {
            edits.Add(import);
        }
        return new FixProposal(template.Description, edits);
    }

    private static string IndentationAt(SourceText source, int byteOffset)
    {
        var line = source.Line(source.LineOf(byteOffset));
        var width = line.Length - line.TrimStart(' ', '\t').Length;
        return line[..width];
    }

    [GeneratedRegex(@"\$(\.\.\.)?[A-Z_][A-Z0-9_]*")]
    private static partial Regex MetavariableReference();
}
