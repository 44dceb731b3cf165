namespace Portcullis.Analysis.Matching;

/// <summary>
/// A pattern ready to match: one root node, or a sequence of statements (<see cref="Sequence"/>).
/// <see cref="RequiredWords"/> are identifiers that any match must contain, for the text prefilter.
/// </summary>
internal sealed record CompiledPattern(string Source, PatternNode? Root, PatternNode[]? Sequence, IReadOnlyList<string> RequiredWords)
{
    /// <summary>The node kind a match starts at, or null when it can start anywhere.</summary>
    public ushort? StartKind => Root is { Role: PatternNodeRole.Literal or PatternNodeRole.AnyString } root ? root.Kind : null;
}
