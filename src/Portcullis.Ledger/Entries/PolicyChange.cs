namespace Portcullis.Ledger.Entries;

/// <summary>A new policy version took effect. The digest binds the entry to the exact policy document.</summary>
public sealed record PolicyChange(
    string Actor,
    string PolicyVersion,
    string PolicySha256,
    string? PreviousVersion,
    string Summary) : LedgerEntry(Actor)
{
    public override string Kind => "policy_change";
}
