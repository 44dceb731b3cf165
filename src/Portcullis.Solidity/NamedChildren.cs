using Portcullis.Syntax;

namespace Portcullis.Solidity;

/// <summary>
/// The named children of a node for <c>foreach</c>, without the iterator object that
/// <see cref="SyntaxNode.NamedChildren"/> allocates on every use: the path walker visits every
/// expression of every path, so that allocation was a large share of what a scan allocated.
/// </summary>
internal readonly struct NamedChildren(SyntaxNode node)
{
    public Enumerator GetEnumerator() => new(node.Children.GetEnumerator());

    internal struct Enumerator(SyntaxNode.ChildEnumerator children)
    {
        private SyntaxNode.ChildEnumerator _children = children;

        public readonly SyntaxNode Current => _children.Current;

        public bool MoveNext()
        {
            while (_children.MoveNext())
            {
                if (_children.Current.IsNamed)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
