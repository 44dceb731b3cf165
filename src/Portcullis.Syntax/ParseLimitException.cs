namespace Portcullis.Syntax;

/// <summary>One input could not be parsed within its limits (size, deadline).</summary>
public sealed class ParseLimitException(string message) : Exception(message);
