using Portcullis.Syntax;

namespace Portcullis.Analysis.Dataflow;

/// <summary>
/// The functions defined in one file, by name, so that a call to a local helper (or a method of a
/// class in the same file) is followed into its body instead of guessed. Results are memoised per
/// function and argument taint, which makes each helper a summary computed once per shape of input.
/// </summary>
internal sealed class FunctionTable
{
    private readonly Dictionary<string, List<SyntaxNode>> _byName = new(StringComparer.Ordinal);
    private readonly List<SyntaxNode> _all = [];
    private readonly Dictionary<(int, string), TaintValue> _memo = [];
    private readonly HashSet<int> _running = [];

    public FunctionTable(SyntaxTree tree, LanguageProfile profile)
    {
        foreach (var node in tree.Nodes())
        {
            if (!profile.Functions.Contains(node.Kind))
            {
                continue;
            }
            // Anonymous functions (a callback given to app.get, a minimal API lambda) are analysed
            // too; only named ones can be called by name.
            _all.Add(node);
            if (node.ChildByField("name") is { } name)
            {
                if (!_byName.TryGetValue(name.Text, out var list))
                {
                    _byName[name.Text] = list = [];
                }
                list.Add(node);
            }
        }
    }

    /// <summary>Every function body in the file, to be analysed on its own.</summary>
    public IEnumerable<SyntaxNode> All => _all;

    public SyntaxNode? Find(string name, int arity, Func<SyntaxNode, int> parameterCount) =>
        _byName.TryGetValue(name, out var candidates) ? candidates.FirstOrNull(f => parameterCount(f) == arity) ?? candidates.FirstOrNull() : null;

    /// <summary>What the function returns for these arguments; null while it is already being run (recursion).</summary>
    public TaintValue? Call(SyntaxNode function, IReadOnlyList<TaintValue> arguments, Func<FunctionInterpreter> interpreter)
    {
        var key = (function.Index, string.Join('|', arguments.Select(a => $"{(int)a.Flattened().Origin}:{a.Constant}")));
        if (_memo.TryGetValue(key, out var known))
        {
            return known;
        }
        if (!_running.Add(function.Index))
        {
            return null;
        }
        try
        {
            var result = interpreter().Run(function, arguments);
            _memo[key] = result;
            return result;
        }
        finally
        {
            _running.Remove(function.Index);
        }
    }
}
