namespace Portcullis.Gate.Identity;

/// <summary>
/// A stored token: only the SHA-256 of the secret is kept. <see cref="Subject"/> is the person or agent
/// it speaks for; separation of duties compares subjects. Agent tokens carry their task binding.
/// </summary>
public sealed record AccessToken(
    string Id,
    Role Role,
    string Subject,
    string? Task,
    string? Repository,
    string? Ref,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    string IssuedBy)
{
    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public string RoleName => Role.ToString().ToLowerInvariant();
}
