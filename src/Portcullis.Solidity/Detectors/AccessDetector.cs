using Portcullis.Analysis;
using Portcullis.Core;
using Portcullis.Solidity.Flow;
using Portcullis.Solidity.Model;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Detectors;

/// <summary>
/// SWC-115: tx.origin compared in an authorization check (<c>tx.origin == msg.sender</c>, the "caller is
/// not a contract" test, is not authorization). SWC-106: selfdestruct reachable from an entry point
/// without an access check. SWC-105: ether sent from an entry point without an access check to an
/// address the caller chooses, in an amount not bounded by the caller's own balance; or an access-check
/// variable (owner) that any caller can overwrite, which unprotects everything that relies on it.
/// </summary>
internal static class AccessDetector
{
    public static void Run(ContractAnalysis analysis, AnalysisContext context)
    {
        TxOrigin(analysis, context);
        foreach (var flow in analysis.OwnFlows)
        {
            var function = flow.Function;
            if (!function.IsEntryPoint || function.Kind == FunctionKind.Constructor || analysis.Access.IsProtected(function))
            {
                continue;
            }
            foreach (var (call, _) in flow.Calls.DistinctBy(c => c.Call.Node.Index))
            {
                if (call.Kind == CallKind.Internal && call.Member is "selfdestruct" or "suicide")
                {
                    context.Report(SolidityRules.UnprotectedSelfdestruct, call.Node.StartByte, call.Node.EndByte,
                        $"'{function.Name}' can be called by anyone and destroys the contract.");
                }
                else if (call.SendsValue && SendsCallerChosenEther(analysis, flow, call))
                {
                    context.Report(SolidityRules.UnprotectedWithdrawal, call.Node.StartByte, call.Node.EndByte,
                        $"'{function.Name}' can be called by anyone and sends ether that is not the caller's recorded balance.");
                }
            }
            OwnerTakeover(analysis, context, flow);
        }
    }

    private static void TxOrigin(ContractAnalysis analysis, AnalysisContext context)
    {
        foreach (var node in analysis.Contract.Body.Descendants())
        {
            if (!SolidityNodes.IsMember(node, "tx", "origin") || node.Kind != "member_expression")
            {
                continue;
            }
            var comparison = SolidityNodes.Outer(node);
            if (comparison is not { Kind: "binary_expression" } binary || binary.ChildByField("operator")?.Kind is not ("==" or "!="))
            {
                continue;
            }
            var other = SolidityNodes.Unwrap(binary.ChildByField("left")!.Value) == node ? binary.ChildByField("right")!.Value : binary.ChildByField("left")!.Value;
            if (SolidityNodes.IsMember(other, "msg", "sender"))
            {
                continue;
            }
            context.Report(SolidityRules.TxOrigin, node.StartByte, node.EndByte,
                $"'{binary.Text}' authorizes by tx.origin: a contract the owner interacts with passes this check.",
                proposal: new FixProposal("Authorize msg.sender instead of tx.origin.", [new TextEdit(node.StartByte, node.EndByte, "msg.sender")]));
        }
    }

    /// <summary>The recipient is chosen by the caller and the amount is not the caller's own recorded balance.</summary>
    private static bool SendsCallerChosenEther(ContractAnalysis analysis, FunctionFlow flow, CallSite call)
    {
        var function = flow.Function;
        var body = function.Body!.Value;
        // Reading or writing a balance keyed by the caller bounds the amount.
        if (body.Descendants().Any(n => n.Kind == "array_access" && n.ChildByField("index") is { } i && (SolidityNodes.IsMember(i, "msg", "sender") || SolidityNodes.IsMember(i, "tx", "origin"))))
        {
            return false;
        }
        // Paying msg.value back, or a fixed price, to the caller: nothing taken from the contract.
        var amount = call.Kind is CallKind.Transfer or CallKind.Send ? SolidityNodes.Arguments(call.Node).FirstOrNull()?.Text : OptionValue(call.Node);
        if (amount is null || amount.Contains("msg.value", StringComparison.Ordinal))
        {
            return false;
        }
        var recipient = call.Target is { } t ? t.Text : "";
        var recipientChosen = recipient.Contains("msg.sender", StringComparison.Ordinal)
            || function.Parameters.Keys.Any(p => recipient.Contains(p, StringComparison.Ordinal));
        var amountFromContract = amount.Contains("balance", StringComparison.Ordinal) || function.Parameters.Keys.Any(p => amount.Contains(p, StringComparison.Ordinal));
        return recipientChosen && amountFromContract;
    }

    private static string? OptionValue(SyntaxNode call)
    {
        foreach (var node in call.Descendants())
        {
            if (node.Kind == "struct_field_assignment" && node.ChildByField("name")?.Text == "value")
            {
                return node.ChildByField("value")?.Text;
            }
            if (node.Kind == "call_expression" && SolidityNodes.Field(node, "function") is { Kind: "member_expression" } m && m.ChildByField("property")?.Text == "value")
            {
                return SolidityNodes.Arguments(node).FirstOrNull()?.Text;
            }
        }
        return null;
    }

    /// <summary>An unprotected entry point writes a variable that access checks compare msg.sender with.</summary>
    private static void OwnerTakeover(ContractAnalysis analysis, AnalysisContext context, FunctionFlow flow)
    {
        var owners = analysis.Access.OwnerVariables;
        foreach (var variable in flow.Writes.Where(owners.Contains))
        {
            // An initializer that runs once (require(owner == address(0)), an initialized flag) is a check.
            if (flow.Function.Body is { } body && body.Descendants().Any(n => n.Kind == "call_expression" && n.Text.StartsWith("require", StringComparison.Ordinal)
                    && n.Descendants().Any(d => d.Kind == "identifier" && (d.Text == variable || d.Text.Contains("initiali", StringComparison.OrdinalIgnoreCase)))))
            {
                continue;
            }
            var at = flow.Function.Body!.Value.Descendants().FirstOrNull(n => n.Kind is "assignment_expression" && SolidityNodes.RootName(n.ChildByField("left")!.Value) == variable) ?? flow.Function.Node;
            var destroys = analysis.Flows.Any(f => f.Calls.Any(c => c.Call.Member is "selfdestruct" or "suicide"));
            context.Report(destroys ? SolidityRules.UnprotectedSelfdestruct : SolidityRules.UnprotectedWithdrawal, at.StartByte, at.EndByte,
                $"Anyone can call '{flow.Function.Name}' and set '{variable}', which the access checks of this contract rely on.");
        }
    }
}
