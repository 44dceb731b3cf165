using System.Collections.Immutable;
using Portcullis.Core;

namespace Portcullis.Ledger.Entries;

/// <summary>
/// A gate decision with the fields evidence 7.2 asks for: the sample's identifier, what was found, its
/// severity and CWE / OWASP / SWC classes, the action taken, and whether a remediated version was offered.
/// Matched code is not kept: it may hold a secret, and the fingerprint identifies the finding.
/// The optional members are what a gate service knows beyond a scan (the kind of submission, the task
/// and ref an agent token is bound to, the policy digest that decided and the reasons it gave); they are
/// left out of the canonical JSON when absent, so entries without them hash as before.
/// </summary>
public sealed record ScanDecision(
    string Actor,
    string SampleId,
    Verdict Action,
    bool FixOffered,
    ImmutableArray<DecisionFinding> Findings,
    string? Agent = null,
    string? Repository = null,
    string? PolicyVersion = null,
    string? SubmissionKind = null,
    string? AgentModel = null,
    string? TaskId = null,
    string? Ref = null,
    string? PolicyDigest = null,
    ImmutableArray<string>? Reasons = null) : LedgerEntry(Actor)
{
    public override string Kind => "scan_decision";

    /// <summary>The record of a scan's findings and verdict.</summary>
    public static ScanDecision From(string actor, string sampleId, Verdict action, IEnumerable<Finding> findings, string? agent = null, string? repository = null, string? policyVersion = null)
    {
        var decided = findings.Select(DecisionFinding.From).ToImmutableArray();
        return new ScanDecision(actor, sampleId, action, decided.Any(f => f.FixOffered), decided, agent, repository, policyVersion);
    }
}

/// <summary>
/// One finding as the ledger keeps it. <see cref="Action"/> is what the deciding policy did with this
/// finding (allow, warn, block, overridden) and <see cref="OverrideId"/> the override that let it through.
/// </summary>
public sealed record DecisionFinding(
    string RuleId,
    Severity Severity,
    Confidence Confidence,
    ImmutableArray<string> Cwe,
    ImmutableArray<string> Owasp,
    ImmutableArray<string> Swc,
    string Path,
    int Line,
    int Column,
    string Fingerprint,
    bool FixOffered,
    bool Suppressed,
    string? Action = null,
    string? OverrideId = null)
{
    public static DecisionFinding From(Finding finding) => new(
        finding.RuleId,
        finding.Severity,
        finding.Confidence,
        finding.Taxonomy.Cwe,
        finding.Taxonomy.Owasp,
        finding.Taxonomy.Swc,
        finding.Path,
        finding.Span.StartLine,
        finding.Span.StartColumn,
        finding.Fingerprint,
        finding.Fix is { Verified: true },
        finding.Suppressed);
}
