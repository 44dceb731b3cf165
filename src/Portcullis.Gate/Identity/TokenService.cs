using System.Data.Common;
using Portcullis.Gate.Recording;
using Portcullis.Gate.State;
using Portcullis.Ledger.Entries;

namespace Portcullis.Gate.Identity;

/// <summary>
/// Issues, authenticates, lists and revokes tokens. Issue and revocation are ledger entries first:
/// a token the ledger did not record is never stored, so it can never be used.
/// </summary>
public sealed class TokenService(GateStore store, IDecisionLog log, TimeProvider time)
{
    public static readonly TimeSpan DefaultAgentLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultPersonLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaximumAgentLifetime = TimeSpan.FromHours(24);

    private const string Columns = "id, hash, role, subject, task, repository, git_ref, issued_at, expires_at, revoked_at, issued_by";

    /// <param name="issuedBy">The issuing admin's token id, or "local" for a command run on the data folder.</param>
    public (string Token, AccessToken Record) Issue(Role role, string subject, string? task, string? repository, string? gitRef, TimeSpan? lifetime, string issuedBy)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            throw new GateRequestException(400, "a token needs a subject: the person or agent it speaks for");
        }
        if (role == Role.Agent && (string.IsNullOrWhiteSpace(task) || string.IsNullOrWhiteSpace(repository) || string.IsNullOrWhiteSpace(gitRef)))
        {
            throw new GateRequestException(400, "an agent token is bound to a task, a repository and a ref: give all three");
        }
        var ttl = lifetime ?? (role == Role.Agent ? DefaultAgentLifetime : DefaultPersonLifetime);
        if (ttl <= TimeSpan.Zero || (role == Role.Agent && ttl > MaximumAgentLifetime))
        {
            throw new GateRequestException(400, $"a {role.ToString().ToLowerInvariant()} token lives more than zero and at most {(role == Role.Agent ? "24 hours" : "any time")}");
        }
        var now = time.GetUtcNow();
        var (id, token) = TokenSecret.Create();
        var record = new AccessToken(id, role, subject.Trim(), task, repository, gitRef, now, now + ttl, null, issuedBy);
        log.Append(TokenIssued.For(issuedBy, id, token, record.Subject, Scopes(record), record.ExpiresAt));
        store.Execute(
            $"INSERT INTO gate_tokens ({Columns}) VALUES (@id, @hash, @role, @subject, @task, @repository, @ref, @issued, @expires, NULL, @by)",
            ("@id", id), ("@hash", TokenSecret.Hash(token)), ("@role", record.RoleName), ("@subject", record.Subject), ("@task", task),
            ("@repository", repository), ("@ref", gitRef), ("@issued", GateStore.Time(now)), ("@expires", GateStore.Time(record.ExpiresAt)), ("@by", issuedBy));
        return (token, record);
    }

    /// <summary>The valid token this bearer string proves, or null (unknown, wrong secret, expired, revoked).</summary>
    public AccessToken? Authenticate(string? bearer)
    {
        if (bearer is null || TokenSecret.IdOf(bearer) is not { } id)
        {
            return null;
        }
        var rows = store.Query($"SELECT {Columns} FROM gate_tokens WHERE id = @id", reader => (Hash: reader.GetString(1), Token: Map(reader)), ("@id", id));
        if (rows.Count != 1 || !TokenSecret.Matches(bearer, rows[0].Hash))
        {
            return null;
        }
        return rows[0].Token.IsValidAt(time.GetUtcNow()) ? rows[0].Token : null;
    }

    public IReadOnlyList<AccessToken> List() => store.Query($"SELECT {Columns} FROM gate_tokens ORDER BY issued_at", Map);

    public bool AnyAdmin() => List().Any(t => t.Role == Role.Admin && t.IsValidAt(time.GetUtcNow()));

    public void Revoke(string id, string revokedBy)
    {
        var existing = store.Query($"SELECT {Columns} FROM gate_tokens WHERE id = @id", Map, ("@id", id));
        if (existing.Count == 0)
        {
            throw new GateRequestException(404, $"no token with id {id}");
        }
        if (existing[0].RevokedAt is not null)
        {
            return;
        }
        var now = time.GetUtcNow();
        log.Append(new TokenRevoked(revokedBy, id, "revoked before expiry"));
        store.Execute("UPDATE gate_tokens SET revoked_at = @now WHERE id = @id", ("@now", GateStore.Time(now)), ("@id", id));
    }

    // What the token may do and where: its role, and for an agent the task, repository and ref it is bound to.
    private static IEnumerable<string> Scopes(AccessToken record)
    {
        yield return "role:" + record.RoleName;
        if (record.Task is not null)
        {
            yield return "task:" + record.Task;
        }
        if (record.Repository is not null)
        {
            yield return "repository:" + record.Repository;
        }
        if (record.Ref is not null)
        {
            yield return "ref:" + record.Ref;
        }
    }

    private static AccessToken Map(DbDataReader reader) => new(
        reader.GetString(0),
        Enum.Parse<Role>(reader.GetString(2), ignoreCase: true),
        reader.GetString(3),
        GateStore.NullableString(reader, 4),
        GateStore.NullableString(reader, 5),
        GateStore.NullableString(reader, 6),
        GateStore.ParseTime(reader.GetString(7)),
        GateStore.ParseTime(reader.GetString(8)),
        GateStore.NullableString(reader, 9) is { } revoked ? GateStore.ParseTime(revoked) : null,
        reader.GetString(10));
}
