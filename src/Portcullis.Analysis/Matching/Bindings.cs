using Portcullis.Syntax;

namespace Portcullis.Analysis.Matching;

/// <summary>
/// Metavariable bindings as a persistent list: binding returns a new list and leaves the old one intact,
/// which makes backtracking free. Patterns bind a handful of names, so lookups scan.
/// </summary>
internal sealed class Bindings
{
    public static readonly Bindings Empty = new(null, string.Empty, default, 0, 0);

    private readonly Bindings? _next;

    private Bindings(Bindings? next, string name, SyntaxNode node, int startByte, int endByte)
    {
        _next = next;
        Name = name;
        Node = node;
        StartByte = startByte;
        EndByte = endByte;
    }

    public string Name { get; }

    /// <summary>The bound node (for a sequence metavariable, its first node).</summary>
    public SyntaxNode Node { get; }

    public int StartByte { get; }

    public int EndByte { get; }

    public bool IsEmpty => _next is null;

    public Bindings Bind(string name, SyntaxNode node, int startByte, int endByte) => new(this, name, node, startByte, endByte);

    public Bindings? Find(string name)
    {
        for (var b = this; b._next is not null; b = b._next)
        {
            if (b.Name == name)
            {
                return b;
            }
        }
        return null;
    }

    public IEnumerable<Bindings> All()
    {
        for (var b = this; b._next is not null; b = b._next)
        {
            yield return b;
        }
    }

    /// <summary>Adds the other list's bindings; null when a shared name is bound to different code.</summary>
    public Bindings? Merge(Bindings other, byte[] source)
    {
        var merged = this;
        foreach (var binding in other.All())
        {
            var existing = merged.Find(binding.Name);
            if (existing is null)
            {
                merged = merged.Bind(binding.Name, binding.Node, binding.StartByte, binding.EndByte);
            }
            else if (!CodeEquality.SameCode(source, existing.StartByte, existing.EndByte, binding.StartByte, binding.EndByte))
            {
                return null;
            }
        }
        return merged;
    }
}
