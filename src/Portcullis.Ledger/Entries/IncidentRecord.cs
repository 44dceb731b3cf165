namespace Portcullis.Ledger.Entries;

/// <summary>
/// Evidence 7.7: insecure code that got past the gate into production, with the bypass pathway and what
/// was done about it. Kept seven years instead of five.
/// </summary>
public sealed record IncidentRecord(
    string Actor,
    string IncidentId,
    string Description,
    string BypassPathway,
    string Remediation) : LedgerEntry(Actor)
{
    public override string Kind => "incident_record";

    public override RetentionClass Retention => RetentionClass.Incident;
}
