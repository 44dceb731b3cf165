namespace Portcullis.Syntax;

/// <summary>A node of a <see cref="SyntaxTree"/>: a cheap handle (tree + index).</summary>
public readonly struct SyntaxNode : IEquatable<SyntaxNode>
{
    private readonly SyntaxTree _tree;

    internal SyntaxNode(SyntaxTree tree, int index)
    {
        _tree = tree;
        Index = index;
    }

    public SyntaxTree Tree => _tree;

    /// <summary>Position in pre-order; a parent's index is smaller than its descendants'.</summary>
    public int Index { get; }

    private ref readonly NodeData Data => ref _tree.Data(Index);

    /// <summary>Canonical kind id within the grammar.</summary>
    public ushort KindId => Data.Kind;

    public string Kind => _tree.Grammar.KindName(Data.Kind);

    public bool IsNamed => Data.IsNamed;

    public bool IsError => (Data.Flags & NodeFlags.Error) != 0;

    public bool IsMissing => (Data.Flags & NodeFlags.Missing) != 0;

    /// <summary>Comments and other nodes that may appear anywhere.</summary>
    public bool IsExtra => (Data.Flags & NodeFlags.Extra) != 0;

    public int StartByte => Data.StartByte;

    public int EndByte => Data.EndByte;

    /// <summary>Index one past the last node of this node's subtree.</summary>
    public int SubtreeEnd => Data.SubtreeEnd;

    /// <summary>The field this node fills in its parent ("function", "arguments", …), or null.</summary>
    public string? FieldName => Data.Field == 0 ? null : _tree.Grammar.FieldName(Data.Field);

    public ushort FieldId => Data.Field;

    public SyntaxNode? Parent => Data.Parent < 0 ? null : new SyntaxNode(_tree, Data.Parent);

    public int ChildCount => Data.ChildCount;

    public string Text => _tree.Source.Slice(Data.StartByte, Data.EndByte);

    public ReadOnlySpan<byte> Utf8 => _tree.Source.Utf8.AsSpan(Data.StartByte, Data.EndByte - Data.StartByte);

    public ChildEnumerable Children => new(_tree, Index);

    public IEnumerable<SyntaxNode> NamedChildren
    {
        get
        {
            foreach (var child in Children)
            {
                if (child.IsNamed)
                {
                    yield return child;
                }
            }
        }
    }

    public SyntaxNode? ChildByField(string field)
    {
        if (!_tree.Grammar.TryGetField(field, out var fieldId))
        {
            return null;
        }
        foreach (var child in Children)
        {
            if (child.FieldId == fieldId)
            {
                return child;
            }
        }
        return null;
    }

    /// <summary>True when <paramref name="other"/> lies in this node's subtree (or is this node).</summary>
    public bool Contains(SyntaxNode other) => Index <= other.Index && other.Index < SubtreeEnd;

    /// <summary>Every node of the subtree in pre-order, this node first.</summary>
    public IEnumerable<SyntaxNode> Descendants()
    {
        for (var i = Index; i < SubtreeEnd; i++)
        {
            yield return new SyntaxNode(_tree, i);
        }
    }

    public IEnumerable<SyntaxNode> Ancestors()
    {
        for (var parent = Parent; parent is { } p; parent = p.Parent)
        {
            yield return p;
        }
    }

    public bool Equals(SyntaxNode other) => ReferenceEquals(_tree, other._tree) && Index == other.Index;

    public override bool Equals(object? obj) => obj is SyntaxNode other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_tree, Index);

    public static bool operator ==(SyntaxNode left, SyntaxNode right) => left.Equals(right);

    public static bool operator !=(SyntaxNode left, SyntaxNode right) => !left.Equals(right);

    public override string ToString() => $"{Kind} [{StartByte}..{EndByte}]";

    /// <summary>Direct children: allocation-free in foreach, usable with LINQ.</summary>
    public readonly struct ChildEnumerable(SyntaxTree tree, int parent) : IEnumerable<SyntaxNode>
    {
        public ChildEnumerator GetEnumerator() => new(tree, parent);

        IEnumerator<SyntaxNode> IEnumerable<SyntaxNode>.GetEnumerator() => GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public struct ChildEnumerator(SyntaxTree tree, int parent) : IEnumerator<SyntaxNode>
    {
        readonly object System.Collections.IEnumerator.Current => Current;

        public void Reset() => _current = -1;

        public readonly void Dispose()
        {
        }

        private int _current = -1;

        public readonly SyntaxNode Current => new(tree, _current);

        public bool MoveNext()
        {
            if (_current < 0)
            {
                if (tree.Data(parent).ChildCount == 0)
                {
                    return false;
                }
                _current = parent + 1;
                return true;
            }
            _current = tree.Data(_current).NextSibling;
            return _current >= 0;
        }
    }
}
