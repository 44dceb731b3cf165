namespace Portcullis.Ledger.Merkle;

/// <summary>A Merkle proof, checkpoint or log did not verify. The message says what did not match.</summary>
public sealed class InvalidProofException(string message) : Exception(message);
