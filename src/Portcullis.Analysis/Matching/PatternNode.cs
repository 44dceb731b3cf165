namespace Portcullis.Analysis.Matching;

/// <summary>What a node of a compiled pattern stands for.</summary>
internal enum PatternNodeRole
{
    /// <summary>Code that must be there: same kind, and for leaves the same text.</summary>
    Literal,

    /// <summary><c>$X</c>: binds any one node; the same name twice binds equal code.</summary>
    Metavariable,

    /// <summary><c>$...X</c>: binds a sequence of zero or more nodes.</summary>
    SequenceMetavariable,

    /// <summary><c>...</c>: any sequence of nodes (or any one node outside a sequence).</summary>
    Ellipsis,

    /// <summary><c>"..."</c>: any string literal of this kind with the same prefix (<c>f"..."</c>).</summary>
    AnyString,
}

/// <summary>A pattern compiled from the target language's own syntax tree.</summary>
internal sealed class PatternNode
{
    public required PatternNodeRole Role { get; init; }

    public required ushort Kind { get; init; }

    public required string KindName { get; init; }

    /// <summary>Metavariable name ("$X"), or for <see cref="PatternNodeRole.AnyString"/> the prefix ("f").</summary>
    public string? Name { get; init; }

    /// <summary>Text of a literal leaf, as UTF-8.</summary>
    public byte[]? LeafText { get; init; }

    public PatternNode[] Children { get; init; } = [];

    /// <summary>True when a child absorbs sequences, so the target may have any number of children.</summary>
    public bool HasWildcardChild => _hasWildcardChild ??= Children.Any(c => c.IsSequenceWildcard);

    private bool? _hasWildcardChild;

    public bool IsLeaf => Children.Length == 0;

    public bool IsSequenceWildcard => Role is PatternNodeRole.Ellipsis or PatternNodeRole.SequenceMetavariable;

    public override string ToString() => Role switch
    {
        PatternNodeRole.Literal when IsLeaf => $"'{System.Text.Encoding.UTF8.GetString(LeafText ?? [])}'",
        PatternNodeRole.Literal => $"({KindName} {string.Join(' ', Children.Select(c => c.ToString()))})",
        _ => $"{Role}:{Name}",
    };
}
