namespace Portcullis.Ledger.Entries;

/// <summary>An access token was revoked before it expired.</summary>
public sealed record TokenRevoked(string Actor, string TokenId, string Reason) : LedgerEntry(Actor)
{
    public override string Kind => "token_revoked";
}
