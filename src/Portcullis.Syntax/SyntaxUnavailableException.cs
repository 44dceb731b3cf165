namespace Portcullis.Syntax;

/// <summary>The parsing machinery itself is unusable (library missing, grammar ABI mismatch).</summary>
public sealed class SyntaxUnavailableException(string message) : Exception(message);
