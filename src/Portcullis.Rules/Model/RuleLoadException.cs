namespace Portcullis.Rules.Model;

/// <summary>A rule file is malformed: the message names the file, the line and the reason.</summary>
public sealed class RuleLoadException(SourceLocation location, string reason)
    : Exception($"{location}: {reason}")
{
    public SourceLocation Location { get; } = location;

    public string Reason { get; } = reason;
}
