using Portcullis.Syntax;

namespace Portcullis.Solidity.Model;

/// <summary>
/// A contract together with what it inherits from contracts declared in the same file: the state
/// variables, functions and modifiers a function body can name. Also knows which state variables
/// never change after construction, and their values, so that branches on them can be decided.
/// </summary>
internal sealed class ContractView
{
    private readonly Dictionary<string, StateVariable> _state = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModifierModel> _modifiers = new(StringComparer.Ordinal);
    private readonly List<FunctionModel> _functions = [];
    private readonly Dictionary<string, string> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _literalValues = new(StringComparer.Ordinal);

    public ContractView(SourceModel source, ContractModel contract)
    {
        Source = source;
        Contract = contract;
        // Most-derived first, so an override hides its base's function.
        foreach (var c in Linearize(source, contract, []))
        {
            foreach (var (name, variable) in c.StateVariables)
            {
                _state.TryAdd(name, variable);
            }
            foreach (var (name, modifier) in c.Modifiers)
            {
                _modifiers.TryAdd(name, modifier);
            }
            foreach (var function in c.Functions)
            {
                if (function.Kind != FunctionKind.Function || !_functions.Any(f => f.Name == function.Name && f.Parameters.Count == function.Parameters.Count))
                {
                    _functions.Add(function);
                }
            }
        }
        ComputeConstants();
    }

    public SourceModel Source { get; }

    public ContractModel Contract { get; }

    public IReadOnlyDictionary<string, StateVariable> StateVariables => _state;

    public IReadOnlyList<FunctionModel> Functions => _functions;

    public ModifierModel? Modifier(string name) => _modifiers.GetValueOrDefault(name);

    public FunctionModel? InternalFunction(string name, int arguments) =>
        _functions.FirstOrDefault(f => f.Name == name && f.Kind == FunctionKind.Function && f.Parameters.Count == arguments && f.Body is not null)
        ?? _functions.FirstOrDefault(f => f.Name == name && f.Kind == FunctionKind.Function && f.Body is not null);

    /// <summary>The value of a state variable that nothing but its declaration sets, as literal text.</summary>
    public string? ConstantValue(string name) => _constants.GetValueOrDefault(name);

    /// <summary>
    /// The values of a state variable that is only ever assigned literals (and its initializer), or null:
    /// <c>initialized</c> set to 1 by <c>init()</c> can never be 2.
    /// </summary>
    public IReadOnlySet<string>? LiteralValues(string name) =>
        _constants.TryGetValue(name, out var constant) ? new HashSet<string>([constant], StringComparer.Ordinal) : _literalValues.GetValueOrDefault(name);

    private static IEnumerable<ContractModel> Linearize(SourceModel source, ContractModel contract, HashSet<string> seen)
    {
        if (!seen.Add(contract.Name))
        {
            yield break;
        }
        yield return contract;
        foreach (var baseName in Enumerable.Reverse(contract.Bases))
        {
            if (source.Contract(baseName) is { } declared)
            {
                foreach (var c in Linearize(source, declared, seen))
                {
                    yield return c;
                }
            }
        }
    }

    private void ComputeConstants()
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in _functions)
        {
            if (function.Body is not { } body)
            {
                continue;
            }
            var scope = FunctionScope.Of(function.Node);
            foreach (var node in body.Descendants())
            {
                SyntaxNode? target = node.Kind switch
                {
                    "assignment_expression" or "augmented_assignment_expression" => node.ChildByField("left"),
                    "update_expression" or "unary_expression" => node.ChildByField("argument"),
                    _ => null,
                };
                if (target is { } t && SolidityNodes.RootName(t) is { } root && !scope.Declares(root))
                {
                    written.Add(root);
                }
            }
            // A state variable handed to assembly or to a storage pointer may change in ways not tracked here.
            foreach (var node in body.Descendants().Where(n => n.Kind == "assembly_statement"))
            {
                foreach (var name in node.Descendants().Where(n => n.Kind == "yul_identifier"))
                {
                    written.Add(name.Text);
                }
            }
        }
        foreach (var (name, variable) in _state)
        {
            if (written.Contains(name) && !variable.IsMapping && !variable.IsArray && LiteralAssignments(name) is { } assigned)
            {
                var initial = variable.Initializer is { Kind: "number_literal" or "boolean_literal" } initializer ? initializer.Text : variable.Type.Contains("int", StringComparison.Ordinal) ? "0" : variable.Type == "bool" ? "false" : null;
                if (initial is not null)
                {
                    assigned.Add(initial);
                    _literalValues[name] = assigned;
                }
            }
            if (written.Contains(name) || variable.IsMapping || variable.IsArray)
            {
                continue;
            }
            var type = variable.Type;
            var literal = variable.Initializer is { } init ? init.Kind switch
            {
                "number_literal" => init.Text,
                "boolean_literal" or "true" or "false" => init.Text,
                _ => null,
            } : type.StartsWith("uint", StringComparison.Ordinal) || type.StartsWith("int", StringComparison.Ordinal) ? "0" : type == "bool" ? "false" : null;
            if (literal is not null)
            {
                _constants[name] = literal;
            }
        }
    }

    /// <summary>The literals assigned to a state variable, or null when any write is something else.</summary>
    private HashSet<string>? LiteralAssignments(string name)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in _functions)
        {
            if (function.Body is not { } body)
            {
                continue;
            }
            var scope = FunctionScope.Of(function.Node);
            if (scope.Declares(name))
            {
                continue;
            }
            foreach (var node in body.Descendants())
            {
                switch (node.Kind)
                {
                    case "assignment_expression" when SolidityNodes.RootName(node.ChildByField("left")!.Value) == name:
                        if (SolidityNodes.Unwrap(node.ChildByField("left")!.Value).Kind != "identifier"
                            || SolidityNodes.Unwrap(node.ChildByField("right")!.Value) is not { Kind: "number_literal" or "boolean_literal" } literal)
                        {
                            return null;
                        }
                        values.Add(literal.Text);
                        break;
                    case "augmented_assignment_expression" or "update_expression" or "unary_expression" or "assembly_statement"
                        when node.Descendants().Any(d => d.Kind is "identifier" or "yul_identifier" && d.Text == name):
                        return null;
                }
            }
        }
        return values;
    }
}
