using Portcullis.Solidity.Flow;
using Portcullis.Solidity.Model;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Detectors;

/// <summary>One contract as the detectors see it: its view (inherited members) and the walked paths of each of its functions.</summary>
internal sealed class ContractAnalysis
{
    private ContractAnalysis(SourceModel source, ContractModel contract, ContractView view, IReadOnlyList<FunctionFlow> flows, HashSet<int> reached)
    {
        Source = source;
        Contract = contract;
        View = view;
        Flows = flows;
        Reached = reached;
        Access = new AccessControl(view, flows);
    }

    public SourceModel Source { get; }

    public ContractModel Contract { get; }

    public ContractView View { get; }

    /// <summary>The functions declared by this contract (inherited ones are analysed with their own contract).</summary>
    public IReadOnlyList<FunctionFlow> Flows { get; }

    /// <summary>Indexes of the statements some path reaches (code behind a branch decided by constants is absent).</summary>
    public HashSet<int> Reached { get; }

    public AccessControl Access { get; }

    public static ContractAnalysis Create(SourceModel source, ContractModel contract)
    {
        var view = new ContractView(source, contract);
        var reached = new HashSet<int>();
        var flows = new List<FunctionFlow>();
        foreach (var function in view.Functions)
        {
            if (function.Body is not null)
            {
                flows.Add(PathWalker.Walk(view, function, reached));
            }
        }
        return new ContractAnalysis(source, contract, view, flows, reached);
    }

    /// <summary>Flows of the functions this contract itself declares.</summary>
    public IEnumerable<FunctionFlow> OwnFlows => Flows.Where(f => ReferenceEquals(f.Function.Contract, Contract));

    public bool IsStateVariable(string name, SyntaxNode at) =>
        View.StateVariables.ContainsKey(name) && !Source.ScopeOf(EnclosingDeclaration(at)).Declares(name);

    public static SyntaxNode EnclosingDeclaration(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor.Kind is "function_definition" or "modifier_definition" or "constructor_definition" or "fallback_receive_definition")
            {
                return ancestor;
            }
        }
        return node;
    }

    /// <summary>True when some path reaches the statement that holds <paramref name="node"/>.</summary>
    public bool IsReachable(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor.Kind == "statement" || ancestor.Parent?.Kind is "block_statement" or "function_body")
            {
                var statement = SolidityNodes.Unwrap(ancestor);
                return Reached.Contains(statement.Index) || Reached.Contains(ancestor.Index);
            }
        }
        return true;
    }
}
