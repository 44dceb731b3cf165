namespace Portcullis.Gate.Identity;

/// <summary>
/// What a token may do. Roles do not nest: separation of duties means an admin token cannot approve an
/// override and an approver token cannot change policy; a person who needs both holds two tokens.
/// </summary>
public enum Role
{
    /// <summary>Scans and reads the receipts of its own scans; bound to one task, repository and ref.</summary>
    Agent,

    /// <summary>Asks for overrides of blocked findings.</summary>
    Developer,

    /// <summary>Approves (or not) other people's overrides of critical and high findings.</summary>
    Approver,

    /// <summary>Issues and revokes tokens, reads any receipt, proposes and approves policy changes.</summary>
    Admin,
}
