using System.Text.Json.Serialization;

namespace Portcullis.Ledger.Entries;

/// <summary>
/// One record in the ledger. Its leaf is the RFC 8785 canonical JSON of the record, with a <c>type</c>
/// member naming the kind. <see cref="Timestamp"/> is set by the ledger from its <see cref="TimeProvider"/>
/// when the entry is appended; <see cref="Actor"/> is who (person, agent or service) caused it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ScanDecision), "scan_decision")]
[JsonDerivedType(typeof(PolicyChange), "policy_change")]
[JsonDerivedType(typeof(OverrideRequest), "override_request")]
[JsonDerivedType(typeof(OverrideApproval), "override_approval")]
[JsonDerivedType(typeof(KeyRotation), "key_rotation")]
[JsonDerivedType(typeof(TokenIssued), "token_issued")]
[JsonDerivedType(typeof(TokenRevoked), "token_revoked")]
[JsonDerivedType(typeof(IncidentRecord), "incident_record")]
public abstract record LedgerEntry(string Actor)
{
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Which retention period applies (the standard keeps incident records longer).</summary>
    [JsonIgnore]
    public virtual RetentionClass Retention => RetentionClass.Standard;

    /// <summary>The discriminator written as <c>type</c>.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }
}

/// <summary>Retention classes of the standard's evidence section: 5 years, 7 for incident records.</summary>
public enum RetentionClass
{
    Standard = 0,
    Incident = 1,
}
