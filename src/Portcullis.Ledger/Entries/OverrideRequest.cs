using System.Collections.Immutable;
using Portcullis.Core;

namespace Portcullis.Ledger.Entries;

/// <summary>
/// A developer asks to override a warning or a block (evidence 7.3): who (<see cref="LedgerEntry.Actor"/>),
/// which finding and its classes, why, and until when. Critical and high overrides need an
/// <see cref="OverrideApproval"/> by a second person. <see cref="Repository"/>, when given, limits the
/// override to one repository.
/// </summary>
public sealed record OverrideRequest(
    string Actor,
    string RequestId,
    string SampleId,
    string RuleId,
    string FindingFingerprint,
    Severity Severity,
    ImmutableArray<string> Cwe,
    ImmutableArray<string> Owasp,
    ImmutableArray<string> Swc,
    string Reason,
    DateTimeOffset ExpiresAt,
    string? Repository = null) : LedgerEntry(Actor)
{
    public override string Kind => "override_request";

    public bool NeedsApproval => Severity >= Severity.High;
}
