using MethodImplAttribute = System.Runtime.CompilerServices.MethodImplAttribute;
using MethodImplOptions = System.Runtime.CompilerServices.MethodImplOptions;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Model;

/// <summary>
/// Tells what a call expression is: a low-level call, an interface call to another contract, a token
/// operation with a receiver hook, or something internal (this contract, a library, a builtin).
/// Types come from the function's scope and the contract's state variables.
/// </summary>
internal sealed class CallClassifier(SourceModel source, ContractModel? contract, FunctionScope scope)
{
    private static readonly HashSet<string> ElementaryPrefixes = ["uint", "int", "bool", "bytes", "string", "byte", "fixed", "ufixed"];

    // Functions that call onERC721Received / onERC1155Received / tokensReceived on the recipient.
    private static readonly HashSet<string> HookMembers = new(StringComparer.Ordinal)
    {
        "safeTransferFrom", "safeBatchTransferFrom", "_safeMint", "safeMint", "_safeTransfer", "_mint1155",
        "send", "operatorSend", "_doSafeTransferAcceptanceCheck", "_doSafeBatchTransferAcceptanceCheck",
    };

    private static readonly HashSet<string> InternalHookFunctions = new(StringComparer.Ordinal)
    {
        "_safeMint", "_safeTransfer", "_safeTransferFrom",
    };

    private static readonly HashSet<string> WellKnownLibraries = new(StringComparer.Ordinal)
    {
        "SafeMath", "SignedSafeMath", "Math", "SignedMath", "Strings", "ECDSA", "MerkleProof", "SafeCast", "EnumerableSet",
        "EnumerableMap", "Counters", "Arrays", "StorageSlot", "MessageHashUtils", "SignatureChecker", "abi", "string", "bytes",
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CallSite Classify(SyntaxNode call)
    {
        var callee = SolidityNodes.Field(call, "function") ?? call;
        var sendsValue = false;
        // addr.call{value: v, gas: g}(data)
        if (callee.Kind == "struct_expression")
        {
            sendsValue = callee.NamedChildren.Any(c => c.Kind == "struct_field_assignment" && c.ChildByField("name")?.Text == "value");
            callee = SolidityNodes.Field(callee, "type") ?? callee;
        }
        // addr.call.value(v).gas(g)(data): the options are calls on the member itself.
        while (callee.Kind == "call_expression" && SolidityNodes.Field(callee, "function") is { Kind: "member_expression" } option
               && option.ChildByField("property")?.Text is "value" or "gas")
        {
            sendsValue |= option.ChildByField("property")!.Value.Text == "value";
            callee = SolidityNodes.Field(option, "object")!.Value;
        }
        if (callee.Kind == "identifier")
        {
            return InternalHookFunctions.Contains(callee.Text)
                ? new CallSite(call, CallKind.ReceiverHook, SolidityNodes.Arguments(call).FirstOrNull(), callee.Text, false)
                : new CallSite(call, CallKind.Internal, null, callee.Text, false);
        }
        if (callee.Kind != "member_expression")
        {
            return new CallSite(call, CallKind.Internal, null, callee.Text, false);
        }
        var member = callee.ChildByField("property")?.Text ?? "";
        var target = SolidityNodes.Field(callee, "object")!.Value;
        // tree-sitter-solidity binds a member access looser than binary and unary operators:
        // `x == bank.f()` parses as `(x == bank).f()`. The call's real target is the last operand.
        while (target.Kind is "binary_expression" or "unary_expression"
               && SolidityNodes.Field(target, target.Kind == "binary_expression" ? "right" : "argument") is { } operand)
        {
            target = operand;
        }
        var targetType = TypeOf(target);
        switch (member)
        {
            case "call":
                return new CallSite(call, CallKind.LowLevelCall, target, member, sendsValue);
            case "delegatecall" or "callcode":
                return new CallSite(call, CallKind.Delegatecall, target, member, false);
            case "staticcall":
                return new CallSite(call, CallKind.Staticcall, target, member, false);
            case "send" when targetType is TargetType.Address or TargetType.Unknown:
                return new CallSite(call, CallKind.Send, target, member, true);
            case "transfer" when targetType is TargetType.Address || (targetType is TargetType.Unknown && SolidityNodes.Arguments(call).Count == 1):
                return new CallSite(call, CallKind.Transfer, target, member, true);
        }
        if ((target.Kind == "identifier" && target.Text == "Address") || member is "sendValue" or "functionCallWithValue")
        {
            var value = member is "sendValue" or "functionCallWithValue";
            return member.StartsWith("functionCall", StringComparison.Ordinal) || member == "sendValue"
                ? new CallSite(call, CallKind.LowLevelCall, SolidityNodes.Arguments(call).FirstOrNull(), member, value)
                : new CallSite(call, CallKind.Internal, null, member, false);
        }
        if (target.Kind == "identifier" && target.Text == "SafeERC20")
        {
            return new CallSite(call, CallKind.ContractCall, SolidityNodes.Arguments(call).FirstOrNull(), member, false);
        }
        return targetType switch
        {
            TargetType.Contract or TargetType.Unknown when HookMembers.Contains(member) => new CallSite(call, CallKind.ReceiverHook, target, member, false),
            TargetType.Contract => new CallSite(call, CallKind.ContractCall, target, member, false),
            TargetType.Unknown when member is "transfer" or "transferFrom" or "approve" or "safeTransfer" or "safeTransferFrom" or "mint" or "burn" or "deposit" or "withdraw" or "swap"
                => new CallSite(call, CallKind.ContractCall, target, member, false),
            _ => new CallSite(call, CallKind.Internal, null, member, false),
        };
    }

    private enum TargetType
    {
        Unknown,
        Elementary,
        Address,
        Contract,
        Library,
        Self,
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TargetType TypeOf(SyntaxNode target)
    {
        target = SolidityNodes.Unwrap(target);
        switch (target.Kind)
        {
            case "identifier":
                var name = target.Text;
                if (name is "this")
                {
                    return TargetType.Self;
                }
                if (name is "super")
                {
                    return TargetType.Library;
                }
                if ((scope.TypeOf(name) ?? contract?.StateVariables.GetValueOrDefault(name)?.Type) is { } declared)
                {
                    return TypeName(declared);
                }
                if (WellKnownLibraries.Contains(name) || source.Contract(name) is { Kind: ContractKind.Library })
                {
                    return TargetType.Library;
                }
                return TargetType.Unknown;
            case "member_expression":
                if (SolidityNodes.IsMember(target, "msg", "sender") || SolidityNodes.IsMember(target, "tx", "origin") || SolidityNodes.IsMember(target, "block", "coinbase"))
                {
                    return TargetType.Address;
                }
                return TargetType.Unknown;
            case "payable_conversion_expression":
                return TargetType.Address;
            case "type_cast_expression":
                return target.NamedChildren.FirstOrNull()?.Text.StartsWith("address", StringComparison.Ordinal) == true ? TargetType.Address : TargetType.Elementary;
            case "call_expression":
                // IERC20(token).transfer(...): a cast to a contract type.
                if (SolidityNodes.Field(target, "function") is { Kind: "identifier" } cast && cast.Text.Length > 0 && char.IsUpper(cast.Text[0])
                    && source.Contract(cast.Text)?.Kind is null or ContractKind.Contract or ContractKind.Interface)
                {
                    return TargetType.Contract;
                }
                return TargetType.Unknown;
            case "array_access":
                var root = SolidityNodes.RootName(target);
                var type = root is null ? null : scope.TypeOf(root) ?? contract?.StateVariables.GetValueOrDefault(root)?.Type;
                if (type is null)
                {
                    return TargetType.Unknown;
                }
                // mapping(address => IERC20) / IERC20[]: the element type.
                var element = type.Contains("=>", StringComparison.Ordinal) ? type[(type.LastIndexOf("=>", StringComparison.Ordinal) + 2)..].TrimEnd(')', ' ') : type.Split('[')[0];
                return TypeName(element.Trim());
            case "number_literal" or "string_literal" or "boolean_literal":
                return TargetType.Elementary;
            default:
                return TargetType.Unknown;
        }
    }

    private TargetType TypeName(string type)
    {
        type = type.Trim();
        if (type.StartsWith("address", StringComparison.Ordinal))
        {
            return TargetType.Address;
        }
        if (ElementaryPrefixes.Any(p => type.StartsWith(p, StringComparison.Ordinal)) || type.StartsWith("mapping", StringComparison.Ordinal) || type.EndsWith(']'))
        {
            return TargetType.Elementary;
        }
        var declared = source.Contract(type);
        if (declared is { Kind: ContractKind.Library })
        {
            return TargetType.Library;
        }
        if (declared is not null)
        {
            return TargetType.Contract;
        }
        // A user-defined type the file does not declare: structs and enums are rarely capitalised
        // like interfaces (IERC20, IPool); contracts imported from elsewhere are the common case.
        return type.Length > 1 && char.IsUpper(type[0]) ? TargetType.Contract : TargetType.Unknown;
    }
}
