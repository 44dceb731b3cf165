namespace Portcullis.Core;

/// <summary>
/// One thing a detector found. Immutable: later stages (fix, suppression) make copies with <c>with</c>.
/// </summary>
/// <param name="Snippet">The matched text, already masked when it holds a secret.</param>
/// <param name="Proposal">A detector's suggested fix before verification; never reported as such.</param>
/// <param name="Fingerprint">Stable across edits that move the code: see <see cref="FindingFingerprint"/>.</param>
/// <param name="Redacted">The text at <see cref="Span"/> is a secret: <see cref="Snippet"/> is its masked form and every
/// output that would show the span (diffs, fixed code) shows the snippet instead.</param>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    Confidence Confidence,
    Taxonomy Taxonomy,
    string Message,
    string Path,
    SourceSpan Span,
    string Snippet,
    string Fingerprint,
    Suppression? Suppression = null,
    Fix? Fix = null,
    FixProposal? Proposal = null,
    bool Redacted = false)
{
    public bool Suppressed => Suppression is not null;
}
