using Portcullis.Core;

namespace Portcullis.Analysis.Fixing;

/// <summary>
/// Decides whether a proposed fix may be offered: the fixed code re-parses with no more errors than
/// before, the rule no longer fires where the edit landed, and no rule fires more often than before.
/// A fix that fails any check is dropped; an unverified fix is never shown.
/// </summary>
internal sealed class FixVerifier(Func<SourceText, (int ErrorCount, IReadOnlyList<Finding> Findings)> detect)
{
    public Fix? Verify(Finding finding, SourceText source, int originalErrors, IReadOnlyList<Finding> originalFindings)
    {
        if (finding.Proposal is not { Edits.Count: > 0 } proposal)
        {
            return null;
        }
        var fixedText = TextEdits.Apply(source.Utf8, proposal.Edits);
        if (fixedText is null || fixedText == source.Text)
        {
            return null;
        }
        var fixedSource = new SourceText(source.Path, source.Language, fixedText);
        var (errors, fixedFindings) = detect(fixedSource);
        if (errors > originalErrors)
        {
            return null;
        }
        var edited = EditedRanges(proposal.Edits);
        if (fixedFindings.Any(f => f.RuleId == finding.RuleId && edited.Any(r => f.Span.StartByte < r.End && r.Start < Math.Max(f.Span.EndByte, f.Span.StartByte + 1))))
        {
            return null;
        }
        var before = originalFindings.CountBy(f => f.RuleId).ToDictionary();
        foreach (var (ruleId, count) in fixedFindings.CountBy(f => f.RuleId))
        {
            var allowed = before.GetValueOrDefault(ruleId) - (ruleId == finding.RuleId ? 1 : 0);
            if (count > allowed)
            {
                return null;
            }
        }
        if (!originalFindings.Any(f => f.Redacted) && !fixedFindings.Any(f => f.Redacted))
        {
            return new Fix(proposal.Description, fixedText, UnifiedDiff.Create(source.Path, source.Text, fixedText), Verified: true);
        }
        // Secrets stay masked in what is shown: the removed line of the diff holds the secret being fixed.
        var shownBefore = Redaction.Apply(source, originalFindings);
        var shownAfter = Redaction.Apply(fixedSource, fixedFindings);
        return new Fix(proposal.Description, fixedText, UnifiedDiff.Create(source.Path, shownBefore, shownAfter), Verified: true, shownAfter);
    }

    /// <summary>
    /// The byte ranges of the fixed text that each edit produced. Each edit counts on its own: an import
    /// added at the top of the file must not make the region reach over the rule's other findings between
    /// it and the call that was fixed (a file with four eval calls could otherwise fix only the first).
    /// </summary>
    private static List<(int Start, int End)> EditedRanges(IReadOnlyList<TextEdit> edits)
    {
        var ranges = new List<(int Start, int End)>(edits.Count);
        var shift = 0;
        foreach (var edit in edits.OrderBy(e => e.StartByte))
        {
            var start = edit.StartByte + shift;
            var length = System.Text.Encoding.UTF8.GetByteCount(edit.NewText);
            ranges.Add((start, start + Math.Max(1, length)));
            shift += length - (edit.EndByte - edit.StartByte);
        }
        return ranges;
    }
}
