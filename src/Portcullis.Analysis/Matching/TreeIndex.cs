using Portcullis.Syntax;

namespace Portcullis.Analysis.Matching;

/// <summary>
/// Node indexes of one tree grouped by kind, built in one pass and shared by every rule, so that a
/// pattern visits only the nodes it could start at.
/// </summary>
internal sealed class TreeIndex
{
    private static readonly List<int> None = [];
    private readonly Dictionary<ushort, List<int>> _byKind = [];

    public TreeIndex(SyntaxTree tree)
    {
        for (var i = 0; i < tree.Count; i++)
        {
            var node = tree.Node(i);
            if (!node.IsNamed || node.IsExtra)
            {
                continue;
            }
            if (!_byKind.TryGetValue(node.KindId, out var list))
            {
                _byKind[node.KindId] = list = [];
            }
            list.Add(i);
            Named.Add(i);
            if (node.ChildCount > 1)
            {
                Parents.Add(i);
            }
        }
    }

    /// <summary>Every named node.</summary>
    public List<int> Named { get; } = [];

    /// <summary>Named nodes with at least two children: where statement sequences can match.</summary>
    public List<int> Parents { get; } = [];

    public List<int> OfKind(ushort kind) => _byKind.TryGetValue(kind, out var list) ? list : None;

    public bool HasKind(ushort kind) => _byKind.ContainsKey(kind);
}
