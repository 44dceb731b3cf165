namespace Portcullis.Cli;

/// <summary>The command line or its input is wrong: exit code 2 with this message.</summary>
internal sealed class UsageException(string message) : Exception(message);
