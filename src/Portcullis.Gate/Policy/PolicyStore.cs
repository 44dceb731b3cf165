using System.Globalization;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Recording;
using Portcullis.Gate.State;
using Portcullis.Ledger.Entries;

namespace Portcullis.Gate.Policy;

/// <summary>
/// The active policy and its changes. Replacing the policy is an admin action recorded in the decision
/// log with the old and new digests; a change that loosens blocking waits as a proposal until a second
/// admin (a different subject) approves it. Replicas sharing one database see a change within a second.
/// </summary>
public sealed class PolicyStore(GateStore store, IDecisionLog log, TimeProvider time)
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private GatePolicy? _current;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public GatePolicy Current
    {
        get
        {
            var now = time.GetUtcNow();
            lock (_lock)
            {
                if (_current is not null && now - _checkedAt < RefreshInterval)
                {
                    return _current;
                }
            }
            var policy = ActiveIn(store);
            lock (_lock)
            {
                _current = policy;
                _checkedAt = now;
            }
            return policy;
        }
    }

    /// <summary>The policy in force in this store: the latest activated version, or the embedded default.</summary>
    public static GatePolicy ActiveIn(GateStore store)
    {
        var latest = store.Query("SELECT text FROM gate_policies ORDER BY version DESC LIMIT 1", r => r.GetString(0));
        return latest.Count == 0 ? GatePolicy.Default : GatePolicy.Parse(latest[0]);
    }

    /// <summary>Replaces the policy, or files a proposal when the change loosens blocking.</summary>
    public PolicyChangeOutcome Propose(string text, AccessToken admin)
    {
        RequireAdmin(admin);
        GatePolicy proposed;
        try
        {
            proposed = GatePolicy.Parse(text);
        }
        catch (PolicyException e)
        {
            throw new GateRequestException(400, $"the policy is not valid: {e.Message}");
        }
        var current = Current;
        if (proposed.Version <= current.Version)
        {
            throw new GateRequestException(409, $"the new policy's version ({proposed.Version}) must be greater than the active one ({current.Version})");
        }
        var reasons = PolicyLoosening.Reasons(current, proposed);
        var now = time.GetUtcNow();
        if (reasons.Count == 0)
        {
            log.Append(Change(admin, current, proposed, "replaced: tightens or keeps blocking"));
            Activate(proposed, admin.Subject, null, now);
            return new PolicyChangeOutcome(true, null, proposed, reasons);
        }
        var id = Guid.NewGuid().ToString("N");
        log.Append(Change(admin, current, proposed, $"proposed, waits for a second admin: loosens blocking ({string.Join("; ", reasons)})"));
        store.Execute(
            "INSERT INTO gate_policy_proposals (id, version, digest, text, proposed_by, proposed_at, reasons, status) VALUES (@id, @version, @digest, @text, @by, @at, @reasons, 'pending')",
            ("@id", id), ("@version", proposed.Version), ("@digest", proposed.Digest), ("@text", text), ("@by", admin.Subject), ("@at", GateStore.Time(now)), ("@reasons", string.Join('\n', reasons)));
        return new PolicyChangeOutcome(false, id, proposed, reasons);
    }

    /// <summary>A second admin approves a loosening proposal; the proposer cannot approve their own.</summary>
    public GatePolicy Approve(string proposalId, AccessToken admin)
    {
        RequireAdmin(admin);
        var rows = store.Query("SELECT text, proposed_by, status FROM gate_policy_proposals WHERE id = @id", r => (Text: r.GetString(0), By: r.GetString(1), Status: r.GetString(2)), ("@id", proposalId));
        if (rows.Count == 0)
        {
            throw new GateRequestException(404, $"no policy proposal with id {proposalId}");
        }
        var (text, proposer, status) = rows[0];
        if (status != "pending")
        {
            throw new GateRequestException(409, $"policy proposal {proposalId} is {status}");
        }
        if (string.Equals(proposer, admin.Subject, StringComparison.Ordinal))
        {
            throw new GateRequestException(403, "a policy change that loosens blocking needs a second admin: the proposer cannot approve it");
        }
        var proposed = GatePolicy.Parse(text);
        var current = Current;
        if (proposed.Version <= current.Version)
        {
            throw new GateRequestException(409, $"the proposal's version ({proposed.Version}) is no longer greater than the active one ({current.Version})");
        }
        var now = time.GetUtcNow();
        log.Append(Change(admin, current, proposed, $"approved by second admin {admin.Subject}: loosens blocking ({string.Join("; ", PolicyLoosening.Reasons(current, proposed))})"));
        store.Execute("UPDATE gate_policy_proposals SET status = 'approved' WHERE id = @id", ("@id", proposalId));
        Activate(proposed, proposer, admin.Subject, now);
        return proposed;
    }

    public IReadOnlyList<PolicyProposal> Proposals() => store.Query(
        "SELECT id, version, digest, proposed_by, proposed_at, reasons, status FROM gate_policy_proposals ORDER BY proposed_at",
        r => new PolicyProposal(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), GateStore.ParseTime(r.GetString(4)), r.GetString(5).Split('\n'), r.GetString(6)));

    private void Activate(GatePolicy policy, string activatedBy, string? approvedBy, DateTimeOffset now)
    {
        store.Execute(
            "INSERT INTO gate_policies (version, digest, text, activated_at, activated_by, approved_by) VALUES (@version, @digest, @text, @at, @by, @approver)",
            ("@version", policy.Version), ("@digest", policy.Digest), ("@text", policy.Text), ("@at", GateStore.Time(now)), ("@by", activatedBy), ("@approver", approvedBy));
        lock (_lock)
        {
            _current = policy;
            _checkedAt = now;
        }
    }

    // The ledger entry binds the change to both policy documents by digest; the summary says which step it was.
    private static PolicyChange Change(AccessToken admin, GatePolicy current, GatePolicy proposed, string summary) =>
        new(admin.Id, proposed.Version.ToString(CultureInfo.InvariantCulture), proposed.Digest, current.Version.ToString(CultureInfo.InvariantCulture), summary, current.Digest);

    private static void RequireAdmin(AccessToken token)
    {
        if (token.Role != Role.Admin)
        {
            throw new GateRequestException(403, "only an admin token may change the policy");
        }
    }
}

public sealed record PolicyChangeOutcome(bool Activated, string? ProposalId, GatePolicy Policy, IReadOnlyList<string> LooseningReasons);

public sealed record PolicyProposal(string Id, long Version, string Digest, string ProposedBy, DateTimeOffset ProposedAt, IReadOnlyList<string> Reasons, string Status);
