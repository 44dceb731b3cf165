using Portcullis.Syntax;

namespace Portcullis.Solidity.Model;

/// <summary>The names a function (or modifier) declares: parameters, named returns and locals, with their types.</summary>
internal sealed class FunctionScope
{
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

    public static FunctionScope Empty { get; } = new();

    public static FunctionScope Of(SyntaxNode declaration)
    {
        var scope = new FunctionScope();
        foreach (var node in declaration.Descendants())
        {
            if (node.Kind is "parameter" or "variable_declaration" && node.ChildByField("name") is { } name)
            {
                scope._types[name.Text] = node.ChildByField("type")?.Text ?? "";
            }
        }
        return scope;
    }

    public IEnumerable<string> Names => _types.Keys;

    public string? TypeOf(string name) => _types.GetValueOrDefault(name);

    public bool Declares(string name) => _types.ContainsKey(name);

    /// <summary>A storage-declared local: <c>S storage s</c>.</summary>
    public static bool IsStorageLocal(SyntaxNode declaration) => declaration.ChildByField("location")?.Text == "storage";
}
