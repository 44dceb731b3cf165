using System.Text.RegularExpressions;
using Portcullis.Solidity.Flow;
using Portcullis.Solidity.Model;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Detectors;

/// <summary>
/// Who may call a function: an access check compares <c>msg.sender</c> (or <c>tx.origin</c>) with
/// something, in the function itself or in one of its modifiers (<c>onlyOwner</c>-style), or calls a
/// role check (<c>hasRole</c>, <c>_checkOwner</c>). A reentrancy guard is a modifier that checks a state
/// flag, sets it before the body and resets it after (<c>nonReentrant</c>-style).
/// </summary>
internal sealed partial class AccessControl
{
    private readonly ContractView _view;
    private readonly HashSet<string> _ownerVariables = new(StringComparer.Ordinal);

    // Detectors ask about the same functions again and again (every write after a call, every loop over
    // an array); each answer walks bodies, so it is kept. Keyed by reference: the models are records.
    private readonly Dictionary<FunctionModel, bool> _protected = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<FunctionModel, bool> _guarded = new(ReferenceEqualityComparer.Instance);

    public AccessControl(ContractView view, IReadOnlyList<FunctionFlow> flows)
    {
        _view = view;
        foreach (var modifier in view.Contract.Modifiers.Values.Concat(flows.SelectMany(f => f.Function.Modifiers).Select(m => view.Modifier(m.Name)).OfType<ModifierModel>()))
        {
            CollectOwnerVariables(modifier.Node);
        }
        foreach (var flow in flows)
        {
            CollectOwnerVariables(flow.Function.Node);
        }
    }

    /// <summary>State variables compared with the caller's address in access checks (owner, admin).</summary>
    public IReadOnlySet<string> OwnerVariables => _ownerVariables;

    public bool IsProtected(FunctionModel function)
    {
        if (!_protected.TryGetValue(function, out var answer))
        {
            _protected[function] = answer = ComputeProtected(function);
        }
        return answer;
    }

    public bool IsGuarded(FunctionModel function)
    {
        if (!_guarded.TryGetValue(function, out var answer))
        {
            _guarded[function] = answer = ComputeGuarded(function);
        }
        return answer;
    }

    private bool ComputeProtected(FunctionModel function)
    {
        if (!function.IsEntryPoint)
        {
            return true;
        }
        foreach (var use in function.Modifiers)
        {
            if (OnlyRole().IsMatch(use.Name))
            {
                return true;
            }
            if (_view.Modifier(use.Name) is { Body: { } body } && ChecksCaller(body))
            {
                return true;
            }
        }
        return function.Body is { } functionBody && ChecksCaller(functionBody);
    }

    private bool ComputeGuarded(FunctionModel function)
    {
        foreach (var use in function.Modifiers)
        {
            if (GuardName().IsMatch(use.Name))
            {
                return true;
            }
            if (_view.Modifier(use.Name) is { Body: { } body } && IsLockBody(body))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A check on the caller that can end the path: require/assert/if-revert naming msg.sender or tx.origin in a comparison, or a role check.</summary>
    private static bool ChecksCaller(SyntaxNode body)
    {
        foreach (var node in body.Descendants())
        {
            switch (node.Kind)
            {
                case "call_expression":
                    var callee = SolidityNodes.Field(node, "function");
                    var name = callee?.Kind == "member_expression" ? callee.Value.ChildByField("property")?.Text : callee?.Text;
                    if (name is "require" or "assert" && SolidityNodes.Arguments(node).FirstOrNull() is { } condition && ComparesCaller(condition))
                    {
                        return true;
                    }
                    if (name is not null && RoleCheck().IsMatch(name))
                    {
                        return true;
                    }
                    break;
                case "if_statement" when node.ChildByField("condition") is { } ifCondition && ComparesCaller(ifCondition):
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The condition compares the caller's address itself with something (<c>msg.sender == owner</c>), or
    /// is a membership test on the caller (<c>admins[msg.sender]</c>, <c>isOwner(msg.sender)</c>,
    /// negated or joined with &amp;&amp; / ||). A balance keyed by the caller is not an access check.
    /// </summary>
    private static bool ComparesCaller(SyntaxNode condition)
    {
        condition = SolidityNodes.Unwrap(condition);
        switch (condition.Kind)
        {
            case "binary_expression" when condition.ChildByField("operator")?.Kind is "&&" or "||":
                return ComparesCaller(condition.ChildByField("left")!.Value) || ComparesCaller(condition.ChildByField("right")!.Value);
            case "binary_expression" when condition.ChildByField("operator")?.Kind is "==" or "!=":
                return IsCaller(condition.ChildByField("left")!.Value) || IsCaller(condition.ChildByField("right")!.Value);
            case "unary_expression" when condition.ChildByField("operator")?.Kind == "!":
                return ComparesCaller(condition.ChildByField("argument")!.Value);
            case "array_access":
                return condition.ChildByField("index") is { } index && IsCaller(index);
            case "call_expression":
                return SolidityNodes.Arguments(condition).Any(IsCaller);
            default:
                return false;
        }
    }

    /// <summary>msg.sender or tx.origin, possibly converted (<c>address(msg.sender)</c>).</summary>
    private static bool IsCaller(SyntaxNode node)
    {
        node = SolidityNodes.Unwrap(node);
        if (node.Kind is "type_cast_expression" or "payable_conversion_expression" && SolidityNodes.Arguments(node).FirstOrNull() is { } inner)
        {
            node = inner;
        }
        return SolidityNodes.IsMember(node, "msg", "sender") || SolidityNodes.IsMember(node, "tx", "origin");
    }

    private void CollectOwnerVariables(SyntaxNode declaration)
    {
        foreach (var node in declaration.Descendants())
        {
            if (node.Kind == "binary_expression" && node.ChildByField("operator")?.Kind is "==" or "!=")
            {
                var left = SolidityNodes.Unwrap(node.ChildByField("left")!.Value);
                var right = SolidityNodes.Unwrap(node.ChildByField("right")!.Value);
                var other = IsCaller(left) ? right : IsCaller(right) ? left : (SyntaxNode?)null;
                if (other is { } o && SolidityNodes.RootName(o) is { } root && _view.StateVariables.ContainsKey(root))
                {
                    _ownerVariables.Add(root);
                }
            }
            if (node.Kind == "array_access" && node.ChildByField("index") is { } index && IsCaller(index)
                && SolidityNodes.RootName(node) is { } mapping && _view.StateVariables.TryGetValue(mapping, out var list) && list.Type.Replace(" ", "", StringComparison.Ordinal).EndsWith("=>bool)", StringComparison.Ordinal)
                && node.Ancestors().TakeWhile(a => a.Kind != "function_body" && a.Kind != "block_statement").Any(a => a.Kind is "if_statement" || (a.Kind == "call_expression" && a.Text.StartsWith("require", StringComparison.Ordinal))))
            {
                _ownerVariables.Add(mapping);
            }
        }
    }

    /// <summary>Checks a state flag (require / if), writes it before the placeholder and again after it.</summary>
    private bool IsLockBody(SyntaxNode body)
    {
        var placeholders = body.Descendants().Where(n => n.Kind == "identifier" && n.Text == "_").Take(1).ToList();
        if (placeholders.Count == 0)
        {
            return false;
        }
        var placeholder = placeholders[0];
        var writesBefore = new HashSet<string>(StringComparer.Ordinal);
        var writesAfter = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in body.Descendants().Where(n => n.Kind is "assignment_expression" or "augmented_assignment_expression" or "update_expression"))
        {
            var target = node.ChildByField("left") ?? node.ChildByField("argument");
            if (target is { } t && SolidityNodes.RootName(t) is { } name && _view.StateVariables.ContainsKey(name))
            {
                (node.StartByte < placeholder.StartByte ? writesBefore : writesAfter).Add(name);
            }
        }
        return writesBefore.Overlaps(writesAfter);
    }

    [GeneratedRegex(@"^only[A-Z_]|^(auth|restricted|requiresAuth|onlyOwner|ownerOnly|isOwner|adminOnly|whenAuthorized)$|^only$")]
    private static partial Regex OnlyRole();

    [GeneratedRegex(@"(?i)reentr|^lock$|^locked$|^mutex$|^noReentrancy$|^guard$")]
    private static partial Regex GuardName();

    [GeneratedRegex(@"^(_?checkOwner|_?checkRole|hasRole|_onlyOwner|_isOwner|onlyOwner|_authorizeUpgrade|requireOwner|_requireOwner|_checkAuth)$")]
    private static partial Regex RoleCheck();
}
