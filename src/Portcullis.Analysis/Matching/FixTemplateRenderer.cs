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
        // A rule whose alternatives bind different metavariables has a template that fits only some of
        // them: where the focus or a referenced metavariable is unbound, there is no fix, rather than
        // one that would replace the wrong code (and still pass re-scan).
        var source = tree.Source;
        var unbound = false;
        var text = MetavariableReference().Replace(template.Template!, m =>
        {
            if (match.Bindings.Find(m.Value) is { } bound)
            {
                return source.Slice(bound.StartByte, bound.EndByte);
            }
            unbound = true;
            return m.Value;
        });
        var (start, end) = (match.StartByte, match.EndByte);
        if (template.Focus is { } focus)
        {
            if (match.Bindings.Find(focus) is not { } focused)
            {
                return null;
            }
            (start, end) = (focused.StartByte, focused.EndByte);
        }
        if (unbound)
        {
            return null;
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
