using System.Runtime.CompilerServices;
using System.Numerics;
using Portcullis.Solidity.Model;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Flow;

/// <summary>
/// Decides conditions that compare state variables which never change after construction with
/// literals (<c>if (initialized == 0) return;</c> when nothing ever sets <c>initialized</c>).
/// </summary>
internal static class ConstantCondition
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool? Evaluate(SyntaxNode condition, ContractView contract, FunctionScope scope)
    {
        condition = SolidityNodes.Unwrap(condition);
        switch (condition.Kind)
        {
            case "boolean_literal":
                return condition.Text == "true";
            case "identifier":
                return Value(condition, contract, scope) switch { "true" => true, "false" => false, _ => null };
            case "unary_expression" when condition.ChildByField("operator")?.Kind == "!":
                return Evaluate(condition.ChildByField("argument")!.Value, contract, scope) is { } inner ? !inner : null;
            case "binary_expression":
                var op = condition.ChildByField("operator")?.Kind;
                var left = condition.ChildByField("left")!.Value;
                var right = condition.ChildByField("right")!.Value;
                if (op is "&&" or "||")
                {
                    var l = Evaluate(left, contract, scope);
                    var r = Evaluate(right, contract, scope);
                    return op == "&&"
                        ? (l == false || r == false ? false : l == true && r == true ? true : null)
                        : (l == true || r == true ? true : l == false && r == false ? false : null);
                }
                if (Values(left, contract, scope) is not { } lvs || Values(right, contract, scope) is not { } rvs)
                {
                    return null;
                }
                // Decided only when every combination of possible values agrees.
                bool? agreed = null;
                foreach (var lv in lvs)
                {
                    foreach (var rv in rvs)
                    {
                        var one = Compare(op, lv, rv);
                        if (one is null || (agreed is { } a && a != one))
                        {
                            return null;
                        }
                        agreed = one;
                    }
                }
                return agreed;
            default:
                return null;
        }
    }

    private static IReadOnlyCollection<string>? Values(SyntaxNode node, ContractView contract, FunctionScope scope)
    {
        node = SolidityNodes.Unwrap(node);
        if (node.Kind == "identifier" && !scope.Declares(node.Text) && contract.LiteralValues(node.Text) is { Count: > 0 } values)
        {
            return values;
        }
        return Value(node, contract, scope) is { } single ? [single] : null;
    }

    private static bool? Compare(string? op, string lv, string rv)
    {
        if (BigInteger.TryParse(lv, System.Globalization.CultureInfo.InvariantCulture, out var a) && BigInteger.TryParse(rv, System.Globalization.CultureInfo.InvariantCulture, out var b))
        {
            return op switch
            {
                "==" => a == b,
                "!=" => a != b,
                "<" => a < b,
                "<=" => a <= b,
                ">" => a > b,
                ">=" => a >= b,
                _ => null,
            };
        }
        return op switch { "==" => lv == rv, "!=" => lv != rv, _ => null };
    }

    private static string? Value(SyntaxNode node, ContractView contract, FunctionScope scope)
    {
        node = SolidityNodes.Unwrap(node);
        return node.Kind switch
        {
            "number_literal" when !node.Text.Contains('e', StringComparison.OrdinalIgnoreCase) && !node.Text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => node.Text.Replace("_", "", StringComparison.Ordinal),
            "boolean_literal" => node.Text,
            "identifier" when !scope.Declares(node.Text) => contract.ConstantValue(node.Text),
            _ => null,
        };
    }
}
