namespace Portcullis.Ledger.Entries;

/// <summary>The second person's answer to an <see cref="OverrideRequest"/>; <see cref="LedgerEntry.Actor"/> is the approver.</summary>
public sealed record OverrideApproval(
    string Actor,
    string RequestId,
    bool Approved,
    string? Comment = null) : LedgerEntry(Actor)
{
    public override string Kind => "override_approval";
}
