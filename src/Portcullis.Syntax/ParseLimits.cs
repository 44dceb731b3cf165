namespace Portcullis.Syntax;

/// <summary>Bounds on one parse, so that no input can stall the gate.</summary>
public sealed record ParseLimits(int MaxBytes, TimeSpan Deadline)
{
    public static ParseLimits Default { get; } = new(SyntaxParser.DefaultMaxBytes, SyntaxParser.DefaultDeadline);
}
