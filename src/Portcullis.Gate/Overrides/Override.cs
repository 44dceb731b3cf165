namespace Portcullis.Gate.Overrides;

/// <summary>
/// A developer's request to let one blocked finding (by fingerprint) through. Critical and high findings
/// need a different person with the approver role; every override expires.
/// </summary>
public sealed record Override(
    string Id,
    string Fingerprint,
    string RuleId,
    string Severity,
    string Cwe,
    string? Repository,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset ExpiresAt,
    bool NeedsApproval,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt)
{
    public bool IsActiveAt(DateTimeOffset now) => now < ExpiresAt && (!NeedsApproval || ApprovedBy is not null);

    public string Status(DateTimeOffset now) =>
        now >= ExpiresAt ? "expired" : NeedsApproval && ApprovedBy is null ? "pending" : "active";
}
