namespace Portcullis.Ledger.Storage;

/// <summary>The stored log is not in a state the ledger can append to or read from (a gap, a bad row).</summary>
public sealed class LedgerCorruptException(string message) : Exception(message);
