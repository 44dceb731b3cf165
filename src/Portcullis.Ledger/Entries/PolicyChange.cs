namespace Portcullis.Ledger.Entries;

/// <summary>
/// A new policy version took effect (or, per <see cref="Summary"/>, was proposed and waits for a second
/// admin). The digests bind the entry to the exact old and new policy documents.
/// </summary>
public sealed record PolicyChange(
    string Actor,
    string PolicyVersion,
    string PolicySha256,
    string? PreviousVersion,
    string Summary,
    string? PreviousSha256 = null) : LedgerEntry(Actor)
{
    public override string Kind => "policy_change";
}
