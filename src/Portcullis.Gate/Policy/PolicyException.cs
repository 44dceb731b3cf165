namespace Portcullis.Gate.Policy;

/// <summary>A policy document is not valid: it is refused with this message and the old policy stays.</summary>
public sealed class PolicyException(string message) : Exception(message);
