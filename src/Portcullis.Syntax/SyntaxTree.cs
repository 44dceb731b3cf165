using Portcullis.Core;

namespace Portcullis.Syntax;

/// <summary>
/// A parsed source, copied out of tree-sitter into flat arrays in pre-order: a node's subtree is the
/// index range [i, SubtreeEnd(i)). Analysis then runs entirely in managed code, without native calls
/// per node and without native lifetimes to manage; the tree is immutable and safe to share.
/// </summary>
public sealed class SyntaxTree
{
    private readonly NodeData[] _nodes;

    internal SyntaxTree(SourceText source, Grammar grammar, NodeData[] nodes, int count, int errorCount)
    {
        Source = source;
        Grammar = grammar;
        _nodes = nodes;
        Count = count;
        ErrorCount = errorCount;
    }

    public SourceText Source { get; }

    public Grammar Grammar { get; }

    /// <summary>Number of nodes, named and anonymous.</summary>
    public int Count { get; }

    /// <summary>ERROR and MISSING nodes: half-written code parses, but with these.</summary>
    public int ErrorCount { get; }

    public SyntaxNode Root => new(this, 0);

    public SyntaxNode Node(int index) => new(this, index);

    internal ref readonly NodeData Data(int index) => ref _nodes[index];

    /// <summary>Every node in pre-order.</summary>
    public IEnumerable<SyntaxNode> Nodes()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return new SyntaxNode(this, i);
        }
    }

    /// <summary>The smallest named node that covers a byte range.</summary>
    public SyntaxNode NodeCovering(int startByte, int endByte)
    {
        var best = 0;
        for (var i = 0; i < Count; i++)
        {
            ref readonly var node = ref _nodes[i];
            if (node.StartByte <= startByte && endByte <= node.EndByte && node.IsNamed)
            {
                best = i;
            }
            else if (node.StartByte > endByte)
            {
                break;
            }
        }
        return new SyntaxNode(this, best);
    }
}

/// <summary>
/// One node's data. Kept small: a large file has millions of nodes. native/src/tree_flatten.c writes
/// this layout (PortcullisNode there): a field changed here must change there too.
/// </summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
internal struct NodeData
{
    public ushort Kind;
    public ushort Field;
    public NodeFlags Flags;
    public int StartByte;
    public int EndByte;
    public int Parent;
    public int NextSibling;
    public int SubtreeEnd;
    public int ChildCount;

    public readonly bool IsNamed => (Flags & NodeFlags.Named) != 0;
}

[Flags]
internal enum NodeFlags : byte
{
    None = 0,
    Named = 1,
    Error = 2,
    Missing = 4,
    Extra = 8,
}
