using Portcullis.Core;

namespace Portcullis.Gate.Recording;

/// <summary>
/// Everything the gate records. <see cref="Actor"/> is a token id (never the token) or "local" for
/// commands run on the data folder itself; secrets in findings are already masked by the detectors.
/// </summary>
public abstract record GateLogEntry(string Actor, DateTimeOffset Time)
{
    public abstract string Kind { get; }
}

/// <summary>Evidence 7.2: one scan decision.</summary>
public sealed record ScanDecisionEntry(
    string Actor,
    DateTimeOffset Time,
    string SampleId,
    string SubmissionKind,
    string? AgentId,
    string? AgentModel,
    string? TaskId,
    string? Repository,
    string? Ref,
    string Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<LoggedFinding> Findings,
    long PolicyVersion,
    string PolicyDigest) : GateLogEntry(Actor, Time)
{
    public override string Kind => "scan-decision";
}

/// <summary>A finding as the ledger keeps it: classification, action, whether a verified fix was offered.</summary>
public sealed record LoggedFinding(
    string RuleId,
    string Severity,
    string Confidence,
    IReadOnlyList<string> Cwe,
    IReadOnlyList<string> Owasp,
    IReadOnlyList<string> Swc,
    string Path,
    int Line,
    string Fingerprint,
    string Action,
    bool FixOffered,
    string? OverrideId)
{
    public static LoggedFinding From(Finding finding, string action, string? overrideId) => new(
        finding.RuleId,
        finding.Severity.ToString().ToLowerInvariant(),
        finding.Confidence.ToString().ToLowerInvariant(),
        finding.Taxonomy.Cwe,
        finding.Taxonomy.Owasp,
        finding.Taxonomy.Swc,
        finding.Path,
        finding.Span.StartLine,
        finding.Fingerprint,
        action,
        finding.Fix is { Verified: true },
        overrideId);
}

public sealed record PolicyChangeEntry(string Actor, DateTimeOffset Time, string Action, long OldVersion, string OldDigest, long NewVersion, string NewDigest, IReadOnlyList<string> LooseningReasons, string? ApprovedBy) : GateLogEntry(Actor, Time)
{
    public override string Kind => "policy-change";
}

/// <summary>Evidence 7.3: a developer asks to let one blocked finding through.</summary>
public sealed record OverrideRequestEntry(string Actor, DateTimeOffset Time, string OverrideId, string Developer, string Fingerprint, string RuleId, string Severity, IReadOnlyList<string> Cwe, string? Repository, string Reason, DateTimeOffset ExpiresAt, bool NeedsApproval) : GateLogEntry(Actor, Time)
{
    public override string Kind => "override-request";
}

/// <summary>Evidence 7.3: a different person with the approver role approves it.</summary>
public sealed record OverrideApprovalEntry(string Actor, DateTimeOffset Time, string OverrideId, string Approver, string Developer, string Fingerprint, string Severity) : GateLogEntry(Actor, Time)
{
    public override string Kind => "override-approval";
}

public sealed record TokenIssuedEntry(string Actor, DateTimeOffset Time, string TokenId, string Role, string Subject, string? TaskId, string? Repository, string? Ref, DateTimeOffset ExpiresAt) : GateLogEntry(Actor, Time)
{
    public override string Kind => "token-issued";
}

public sealed record TokenRevokedEntry(string Actor, DateTimeOffset Time, string TokenId) : GateLogEntry(Actor, Time)
{
    public override string Kind => "token-revoked";
}
