namespace Portcullis.Ledger;

/// <summary>The data folder holds no ledger (and the caller asked not to create one).</summary>
public sealed class LedgerNotFoundException(string message) : Exception(message);
