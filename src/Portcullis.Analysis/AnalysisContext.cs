using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis;

/// <summary>
/// One submission under analysis: its text, its tree (null when the language has no grammar) and the
/// list the detectors report into.
/// </summary>
public sealed class AnalysisContext(SourceText source, SyntaxTree? tree, CancellationToken cancellationToken = default, Dataflow.ProjectContext? project = null)
{
    private readonly List<Finding> _findings = [];

    /// <summary>The other files of the project when a whole folder is scanned; null for a single file or snippet.</summary>
    public Dataflow.ProjectContext? Project { get; } = project;

    public SourceText Source { get; } = source;

    public SyntaxTree? Tree { get; } = tree;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public IReadOnlyList<Finding> Findings => _findings;

    public void Report(Finding finding) => _findings.Add(finding);

    /// <summary>
    /// Reports a finding for a byte range of the source. <paramref name="snippet"/> overrides the matched
    /// text (a secret's detector passes the masked form; the raw value must never leave the gate).
    /// </summary>
    public Finding Report(RuleDescriptor rule, int startByte, int endByte, string? message = null, string? snippet = null, FixProposal? proposal = null, Severity? severity = null)
    {
        var matched = snippet ?? Source.Slice(startByte, endByte);
        var finding = new Finding(
            rule.Id,
            severity ?? rule.Severity,
            rule.Confidence,
            rule.Taxonomy,
            message ?? rule.Message,
            Source.Path,
            Source.Span(startByte, endByte),
            matched,
            FindingFingerprint.Compute(rule.Id, matched, Source.Path),
            Proposal: proposal);
        _findings.Add(finding);
        return finding;
    }

    /// <summary>
    /// Reports a secret: <paramref name="masked"/> is the only form of the value that leaves the gate (the
    /// snippet, and the fingerprint computed from it), and the finding is marked so that diffs and fixed code
    /// show the masked form in place of the byte range.
    /// </summary>
    public Finding ReportSecret(RuleDescriptor rule, int startByte, int endByte, string masked, string message, FixProposal? proposal = null, Severity? severity = null)
    {
        var finding = new Finding(
            rule.Id,
            severity ?? rule.Severity,
            rule.Confidence,
            rule.Taxonomy,
            message,
            Source.Path,
            Source.Span(startByte, endByte),
            masked,
            FindingFingerprint.Compute(rule.Id, masked, Source.Path),
            Proposal: proposal,
            Redacted: true);
        _findings.Add(finding);
        return finding;
    }
}
