using System.Collections.Immutable;
using Portcullis.Core;

namespace Portcullis.Ledger.Entries;

/// <summary>
/// A gate decision with the fields evidence 7.2 asks for: the sample's identifier, what was found, its
/// severity and CWE / OWASP / SWC classes, the action taken, and whether a remediated version was offered.
/// Matched code is not kept: it may hold a secret, and the fingerprint identifies the finding.
/// </summary>
public sealed record ScanDecision(
    string Actor,
    string SampleId,
    Verdict Action,
    bool FixOffered,
    ImmutableArray<DecisionFinding> Findings,
    string? Agent = null,
    string? Repository = null,
    string? PolicyVersion = null) : LedgerEntry(Actor)
{
    public override string Kind => "scan_decision";

    /// <summary>The record of a scan's findings and verdict.</summary>
    public static ScanDecision From(string actor, string sampleId, Verdict action, IEnumerable<Finding> findings, string? agent = null, string? repository = null, string? policyVersion = null)
    {
        var decided = findings.Select(DecisionFinding.From).ToImmutableArray();
        return new ScanDecision(actor, sampleId, action, decided.Any(f => f.FixOffered), decided, agent, repository, policyVersion);
    }
}

/// <summary>One finding as the ledger keeps it.</summary>
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
    bool Suppressed)
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
