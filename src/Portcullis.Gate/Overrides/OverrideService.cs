using System.Data.Common;
using Portcullis.Core;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Recording;
using Portcullis.Gate.State;
using Portcullis.Ledger.Entries;

namespace Portcullis.Gate.Overrides;

/// <summary>
/// Evidence 7.3: requests, approvals and their expiry. Each step is a decision-log entry before it is
/// stored. Only a finding the gate has blocked can be overridden: its classification comes from that
/// scan, never from the requester.
/// </summary>
public sealed class OverrideService(GateStore store, IDecisionLog log, TimeProvider time)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(90);

    private const string Columns = "id, fingerprint, rule_id, severity, cwe, repository, reason, requested_by, requested_at, expires_at, needs_approval, approved_by, approved_at";

    public Override Request(AccessToken developer, string fingerprint, string reason, TimeSpan? lifetime)
    {
        if (developer.Role != Role.Developer)
        {
            throw new GateRequestException(403, "only a developer token may request an override");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new GateRequestException(400, "an override needs a reason");
        }
        var ttl = lifetime ?? DefaultLifetime;
        if (ttl <= TimeSpan.Zero || ttl > MaximumLifetime)
        {
            throw new GateRequestException(400, "an override expires after more than zero and at most 90 days");
        }
        var blocked = store.Query(
            "SELECT rule_id, severity, cwe, repository FROM gate_blocked_findings WHERE fingerprint = @fp",
            r => (Rule: r.GetString(0), Severity: r.GetString(1), Cwe: r.GetString(2), Repository: GateStore.NullableString(r, 3)),
            ("@fp", fingerprint));
        if (blocked.Count == 0)
        {
            throw new GateRequestException(404, $"the gate has not blocked a finding with fingerprint {fingerprint}");
        }
        var (rule, severity, cwe, repository) = blocked[0];
        var now = time.GetUtcNow();
        var needsApproval = severity is "critical" or "high";
        var record = new Override(Guid.NewGuid().ToString("N"), fingerprint, rule, severity, cwe, repository, reason.Trim(), developer.Subject, now, now + ttl, needsApproval, null, null);
        // The gate keeps the finding, not the sample it was first blocked in: the fingerprint names the sample.
        log.Append(new OverrideRequest(developer.Id, record.Id, "finding:" + fingerprint, rule, fingerprint, Enum.Parse<Severity>(severity, ignoreCase: true),
            cwe.Length == 0 ? [] : [.. cwe.Split(',')], [], [], record.Reason, record.ExpiresAt, repository));
        store.Execute(
            $"INSERT INTO gate_overrides ({Columns}) VALUES (@id, @fp, @rule, @severity, @cwe, @repository, @reason, @by, @at, @expires, @needs, NULL, NULL)",
            ("@id", record.Id), ("@fp", fingerprint), ("@rule", rule), ("@severity", severity), ("@cwe", cwe), ("@repository", repository), ("@reason", record.Reason),
            ("@by", developer.Subject), ("@at", GateStore.Time(now)), ("@expires", GateStore.Time(record.ExpiresAt)), ("@needs", needsApproval ? 1L : 0L));
        return record;
    }

    public Override Approve(AccessToken approver, string id)
    {
        if (approver.Role != Role.Approver)
        {
            throw new GateRequestException(403, "only an approver token may approve an override");
        }
        var record = Find(id) ?? throw new GateRequestException(404, $"no override with id {id}");
        if (string.Equals(record.RequestedBy, approver.Subject, StringComparison.Ordinal))
        {
            throw new GateRequestException(403, "an override must be approved by a different person than the one who requested it");
        }
        var now = time.GetUtcNow();
        if (now >= record.ExpiresAt)
        {
            throw new GateRequestException(409, $"override {id} expired at {GateStore.Time(record.ExpiresAt)}");
        }
        if (record.ApprovedBy is not null)
        {
            throw new GateRequestException(409, $"override {id} is already approved by {record.ApprovedBy}");
        }
        log.Append(new OverrideApproval(approver.Id, id, Approved: true));
        store.Execute("UPDATE gate_overrides SET approved_by = @by, approved_at = @at WHERE id = @id", ("@by", approver.Subject), ("@at", GateStore.Time(now)), ("@id", id));
        return record with { ApprovedBy = approver.Subject, ApprovedAt = now };
    }

    public Override? Find(string id)
    {
        var rows = store.Query($"SELECT {Columns} FROM gate_overrides WHERE id = @id", Map, ("@id", id));
        return rows.Count == 0 ? null : rows[0];
    }

    public IReadOnlyList<Override> List() => store.Query($"SELECT {Columns} FROM gate_overrides ORDER BY requested_at", Map);

    /// <summary>The active overrides among these fingerprints, for this repository, by fingerprint.</summary>
    public IReadOnlyDictionary<string, Override> ActiveFor(IReadOnlyCollection<string> fingerprints, string? repository)
    {
        var active = new Dictionary<string, Override>(StringComparer.Ordinal);
        if (fingerprints.Count == 0)
        {
            return active;
        }
        var now = time.GetUtcNow();
        var names = fingerprints.Select((_, i) => $"@fp{i}").ToArray();
        var parameters = fingerprints.Select((fp, i) => (names[i], (object?)fp)).Append(("@now", GateStore.Time(now))).ToArray();
        var rows = store.Query($"SELECT {Columns} FROM gate_overrides WHERE fingerprint IN ({string.Join(", ", names)}) AND expires_at > @now", Map, parameters);
        foreach (var row in rows.Where(r => r.IsActiveAt(now) && (r.Repository is null || string.Equals(r.Repository, repository, StringComparison.Ordinal))))
        {
            active.TryAdd(row.Fingerprint, row);
        }
        return active;
    }

    /// <summary>Remembers a finding the gate blocked, so a developer can ask to override it.</summary>
    public void RememberBlocked(string fingerprint, string ruleId, string severity, IEnumerable<string> cwe, string? repository) =>
        store.Execute(
            "INSERT INTO gate_blocked_findings (fingerprint, rule_id, severity, cwe, repository, first_seen) VALUES (@fp, @rule, @severity, @cwe, @repository, @now) ON CONFLICT (fingerprint) DO NOTHING",
            ("@fp", fingerprint), ("@rule", ruleId), ("@severity", severity), ("@cwe", string.Join(',', cwe)), ("@repository", repository), ("@now", GateStore.Time(time.GetUtcNow())));

    private static Override Map(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), GateStore.NullableString(r, 5), r.GetString(6), r.GetString(7),
        GateStore.ParseTime(r.GetString(8)), GateStore.ParseTime(r.GetString(9)), r.GetInt64(10) != 0, GateStore.NullableString(r, 11),
        GateStore.NullableString(r, 12) is { } approved ? GateStore.ParseTime(approved) : null);
}
