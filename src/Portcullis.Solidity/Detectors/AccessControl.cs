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

    public bool IsGuarded(FunctionModel function)
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
                    if (name is "require" or "assert" && SolidityNodes.Arguments(node).FirstOrDefault() is { } condition && ComparesCaller(condition))
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

    private static bool ComparesCaller(SyntaxNode condition)
    {
        foreach (var node in condition.Descendants())
        {
            if (node.Kind == "binary_expression" && node.ChildByField("operator")?.Kind is "==" or "!="
                && (MentionsCaller(node.ChildByField("left")!.Value) || MentionsCaller(node.ChildByField("right")!.Value)))
            {
                return true;
            }
            if (node.Kind == "array_access" && node.ChildByField("index") is { } index && MentionsCaller(index))
            {
                // require(admins[msg.sender]), require(isOwner[msg.sender])
                return true;
            }
            if (node.Kind == "call_expression" && SolidityNodes.Arguments(node).Any(MentionsCaller))
            {
                // require(isOwner(msg.sender)), require(hasRole(ROLE, msg.sender))
                return true;
            }
        }
        return false;
    }

    private static bool MentionsCaller(SyntaxNode node) =>
        node.Descendants().Any(n => SolidityNodes.IsMember(n, "msg", "sender") || SolidityNodes.IsMember(n, "tx", "origin"));

    private void CollectOwnerVariables(SyntaxNode declaration)
    {
        foreach (var node in declaration.Descendants())
        {
            if (node.Kind == "binary_expression" && node.ChildByField("operator")?.Kind is "==" or "!=")
            {
                var left = SolidityNodes.Unwrap(node.ChildByField("left")!.Value);
                var right = SolidityNodes.Unwrap(node.ChildByField("right")!.Value);
                var other = MentionsCaller(left) ? right : MentionsCaller(right) ? left : (SyntaxNode?)null;
                if (other is { } o && SolidityNodes.RootName(o) is { } root && _view.StateVariables.ContainsKey(root))
                {
                    _ownerVariables.Add(root);
                }
            }
            if (node.Kind == "array_access" && node.ChildByField("index") is { } index && MentionsCaller(index)
                && SolidityNodes.RootName(node) is { } mapping && _view.StateVariables.ContainsKey(mapping)
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
