namespace Portcullis.Syntax;

/// <summary>
/// First/last over node sequences as nullable values: <see cref="SyntaxNode"/> is a struct, so LINQ's
/// FirstOrDefault would hand back a default node that belongs to no tree.
/// </summary>
public static class SyntaxNodeSequences
{
    public static SyntaxNode? FirstOrNull(this IEnumerable<SyntaxNode> nodes, Func<SyntaxNode, bool>? predicate = null)
    {
        foreach (var node in nodes)
        {
            if (predicate is null || predicate(node))
            {
                return node;
            }
        }
        return null;
    }

    public static SyntaxNode? LastOrNull(this IEnumerable<SyntaxNode> nodes)
    {
        SyntaxNode? last = null;
        foreach (var node in nodes)
        {
            last = node;
        }
        return last;
    }
}
