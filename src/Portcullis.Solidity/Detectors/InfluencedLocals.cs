using Portcullis.Solidity.Model;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Detectors;

/// <summary>
/// Which values of one function a caller can choose or grow: parameters, non-constant state, msg.value,
/// msg.data, the block time, and the locals computed from any of these. The locals are found once per
/// function, as a fixed point over their assignments: locals assigned from each other
/// (<c>b = a; a = b;</c>) settle instead of sending a recursive trace round the cycle forever.
/// </summary>
internal sealed class InfluencedLocals
{
    private readonly ContractAnalysis _analysis;
    private readonly FunctionModel _function;
    private readonly FunctionScope _scope;
    private readonly HashSet<string> _locals = new(StringComparer.Ordinal);

    public InfluencedLocals(ContractAnalysis analysis, FunctionModel function, FunctionScope scope)
    {
        _analysis = analysis;
        _function = function;
        _scope = scope;
        var sources = Sources();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (name, values) in sources)
            {
                if (!_locals.Contains(name) && values.Any(Reaches))
                {
                    _locals.Add(name);
                    changed = true;
                }
            }
        }
    }

    /// <summary>True when <paramref name="operand"/> names a value a caller influences.</summary>
    public bool Reaches(SyntaxNode operand)
    {
        foreach (var node in operand.Descendants())
        {
            if (node.Kind == "identifier")
            {
                var name = node.Text;
                if (_function.Parameters.ContainsKey(name) || _locals.Contains(name)
                    || (!_scope.Declares(name) && _analysis.View.StateVariables.TryGetValue(name, out var v) && !v.IsConstant))
                {
                    return true;
                }
                if (name == "now")
                {
                    return true;
                }
            }
            if (SolidityNodes.IsMember(node, "msg", "value") || SolidityNodes.IsMember(node, "msg", "data") || SolidityNodes.IsMember(node, "block", "timestamp"))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The expressions each local (not a parameter) is declared with or assigned, leaving out those that
    /// name the local itself (<c>x = x + 1</c> adds nothing a caller did not already reach).
    /// </summary>
    private Dictionary<string, List<SyntaxNode>> Sources()
    {
        var sources = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        void Add(string name, SyntaxNode value)
        {
            if (!_scope.Declares(name) || _function.Parameters.ContainsKey(name) || Names(value, name))
            {
                return;
            }
            if (!sources.TryGetValue(name, out var list))
            {
                sources[name] = list = [];
            }
            list.Add(value);
        }
        foreach (var node in _function.Body!.Value.Descendants())
        {
            if (node.Kind == "variable_declaration_statement" && node.ChildByField("value") is { } value)
            {
                foreach (var declaration in node.NamedChildren)
                {
                    if (declaration.Kind == "variable_declaration" && declaration.ChildByField("name") is { } declared)
                    {
                        Add(declared.Text, value);
                    }
                }
            }
            if (node.Kind == "assignment_expression" && SolidityNodes.Unwrap(node.ChildByField("left")!.Value) is { Kind: "identifier" } target)
            {
                Add(target.Text, node.ChildByField("right")!.Value);
            }
        }
        return sources;
    }

    private static bool Names(SyntaxNode value, string name)
    {
        foreach (var node in value.Descendants())
        {
            if (node.Kind == "identifier" && node.Text == name)
            {
                return true;
            }
        }
        return false;
    }
}
