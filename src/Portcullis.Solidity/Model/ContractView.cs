using MethodImplAttribute = System.Runtime.CompilerServices.MethodImplAttribute;
using MethodImplOptions = System.Runtime.CompilerServices.MethodImplOptions;
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
    private readonly Dictionary<int, CallClassifier> _classifiers = [];
    private readonly Dictionary<int, CallSite> _callSites = [];

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

    /// <summary>
    /// What <paramref name="call"/>, inside <paramref name="declaration"/>, does. A call node is walked once per
    /// path that reaches it (loops twice round, internal functions at each call site); it is classified once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CallSite Classify(SyntaxNode declaration, SyntaxNode call)
    {
        if (_callSites.TryGetValue(call.Index, out var site))
        {
            return site;
        }
        if (!_classifiers.TryGetValue(declaration.Index, out var classifier))
        {
            _classifiers[declaration.Index] = classifier = new CallClassifier(Source, Contract, Source.ScopeOf(declaration));
        }
        _callSites[call.Index] = site = classifier.Classify(call);
        return site;
    }

    /// <summary>
    /// One pass over the function bodies finds the state variables something writes and, for each, whether
    /// every write is a literal assigned to the variable itself (and which literals).
    /// </summary>
    private void ComputeConstants()
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        // Per written variable: the literals assigned to it, or null once a write is anything else.
        var literals = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        foreach (var function in _functions)
        {
            if (function.Body is not { } body)
            {
                continue;
            }
            var scope = Source.ScopeOf(function.Node);
            foreach (var node in body.Descendants())
            {
                switch (node.Kind)
                {
                    case "assignment_expression":
                        var left = node.ChildByField("left")!.Value;
                        if (SolidityNodes.RootName(left) is { } assigned && !scope.Declares(assigned))
                        {
                            written.Add(assigned);
                            if (SolidityNodes.Unwrap(left).Kind == "identifier"
                                && SolidityNodes.Unwrap(node.ChildByField("right")!.Value) is { Kind: "number_literal" or "boolean_literal" } literal)
                            {
                                AddLiteral(literals, assigned, literal.Text);
                            }
                            else
                            {
                                literals[assigned] = null;
                            }
                        }
                        break;
                    case "augmented_assignment_expression" or "update_expression" or "unary_expression":
                        var target = node.Kind == "augmented_assignment_expression" ? node.ChildByField("left") : node.ChildByField("argument");
                        if (target is { } t && SolidityNodes.RootName(t) is { } root && !scope.Declares(root))
                        {
                            written.Add(root);
                        }
                        // Any variable named under such an expression is no longer only assigned literals.
                        foreach (var name in node.Descendants())
                        {
                            if (name.Kind is "identifier" or "yul_identifier" && !scope.Declares(name.Text))
                            {
                                literals[name.Text] = null;
                            }
                        }
                        break;
                    case "assembly_statement":
                        // A state variable handed to assembly may change in ways not tracked here.
                        foreach (var name in node.Descendants())
                        {
                            if (name.Kind == "yul_identifier")
                            {
                                written.Add(name.Text);
                            }
                            if (name.Kind is "identifier" or "yul_identifier" && !scope.Declares(name.Text))
                            {
                                literals[name.Text] = null;
                            }
                        }
                        break;
                }
            }
        }
        foreach (var (name, variable) in _state)
        {
            if (written.Contains(name) && !variable.IsMapping && !variable.IsArray && (literals.TryGetValue(name, out var values) ? values : []) is { } assigned)
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

    private static void AddLiteral(Dictionary<string, HashSet<string>?> literals, string name, string literal)
    {
        if (!literals.TryGetValue(name, out var values))
        {
            literals[name] = values = new HashSet<string>(StringComparer.Ordinal);
        }
        values?.Add(literal);
    }
}
