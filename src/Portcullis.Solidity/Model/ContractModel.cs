using Portcullis.Syntax;

namespace Portcullis.Solidity.Model;

/// <summary>What a source file declares: its pragma and its contracts, interfaces and libraries.</summary>
internal sealed record SourceModel(SyntaxTree Tree, PragmaRange? Pragma, IReadOnlyList<ContractModel> Contracts)
{
    // Every detector and the path walker ask for the scope of the same few declarations, some once per
    // call or per state variable: built once per declaration instead of once per question.
    private readonly Dictionary<int, FunctionScope> _scopes = [];

    /// <summary>The names <paramref name="declaration"/> (a function, modifier or constructor) declares; computed once per declaration.</summary>
    public FunctionScope ScopeOf(SyntaxNode declaration)
    {
        if (!_scopes.TryGetValue(declaration.Index, out var scope))
        {
            _scopes[declaration.Index] = scope = FunctionScope.Of(declaration);
        }
        return scope;
    }

    /// <summary>No pragma: judge the code as a current (0.8) compiler would.</summary>
    public Version CompilerMinimum => Pragma?.Minimum ?? new Version(0, 8, 0);

    public bool CheckedArithmetic => Pragma?.CheckedArithmetic ?? true;

    public ContractModel? Contract(string name) => Contracts.FirstOrDefault(c => c.Name == name);

    public bool IsLibraryOrInterface(string name) => Contract(name) is { Kind: ContractKind.Library or ContractKind.Interface };
}

internal enum ContractKind
{
    Contract,
    Interface,
    Library,
}

internal sealed record ContractModel(
    string Name,
    ContractKind Kind,
    SyntaxNode Node,
    SyntaxNode Body,
    IReadOnlyList<string> Bases,
    IReadOnlyDictionary<string, StateVariable> StateVariables,
    IReadOnlyList<FunctionModel> Functions,
    IReadOnlyDictionary<string, ModifierModel> Modifiers)
{
    public IEnumerable<FunctionModel> FunctionsNamed(string name) => Functions.Where(f => f.Name == name);
}

/// <param name="Visibility">As written; null when the declaration leaves it to the default.</param>
internal sealed record StateVariable(string Name, string Type, string? Visibility, bool IsConstant, SyntaxNode Node, SyntaxNode? Initializer)
{
    public bool IsMapping => Type.StartsWith("mapping", StringComparison.Ordinal);

    public bool IsArray => Type.EndsWith(']');
}

internal enum FunctionKind
{
    Function,
    Constructor,
    Fallback,
    Receive,
}

/// <param name="Visibility">As written; null when the declaration leaves it to the default.</param>
/// <param name="Mutability">view, pure, payable, constant, or null.</param>
internal sealed record FunctionModel(
    string Name,
    FunctionKind Kind,
    SyntaxNode Node,
    SyntaxNode? Body,
    string? Visibility,
    string? Mutability,
    IReadOnlyList<ModifierUse> Modifiers,
    IReadOnlyDictionary<string, string> Parameters,
    ContractModel? Contract)
{
    /// <summary>Callable from outside: public, external, or the pre-0.5 default.</summary>
    public bool IsEntryPoint => Kind != FunctionKind.Constructor && Visibility is null or "public" or "external";

    public bool IsView => Mutability is "view" or "pure" or "constant";
}

internal sealed record ModifierUse(string Name, SyntaxNode Node, IReadOnlyList<SyntaxNode> Arguments);

internal sealed record ModifierModel(string Name, SyntaxNode Node, SyntaxNode? Body, IReadOnlyList<string> Parameters);
