using Portcullis.Analysis;
using Portcullis.Solidity.Model;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Detectors;

/// <summary>
/// SWC-113: a payment that reverts on failure (transfer, or a send / call whose result is required)
/// inside a loop, or to the previous leader before state moves on: one recipient that refuses ether
/// blocks everyone. SWC-128: a loop bounded by the length of a storage array that unprotected entry
/// points grow, whose gas cost anyone can push past the block limit.
/// </summary>
internal static class DenialOfServiceDetector
{
    public static void Run(ContractAnalysis analysis, AnalysisContext context)
    {
        var reported = new HashSet<int>();
        foreach (var flow in analysis.OwnFlows)
        {
            foreach (var (call, inLoop) in flow.Calls)
            {
                if (!reported.Add(call.Node.Index) || call.Kind is not (CallKind.Transfer or CallKind.Send or CallKind.LowLevelCall))
                {
                    continue;
                }
                var reverts = call.Kind == CallKind.Transfer || IsRequired(call.Node);
                if (!reverts)
                {
                    continue;
                }
                if (inLoop && LoopOf(call.Node) is not null)
                {
                    context.Report(SolidityRules.DosFailedCall, call.Node.StartByte, call.Node.EndByte,
                        $"'{Short(call.Node.Text)}' reverts the whole loop when one recipient rejects the payment: pay with pull (withdraw) instead.");
                }
                else if (call.Target is { } target && SolidityNodes.RootName(target) is { } root && analysis.View.StateVariables.ContainsKey(root)
                         && flow.Writes.Contains(root) && flow.Function.IsEntryPoint && !analysis.Access.IsProtected(flow.Function))
                {
                    // Refunding the current leader before replacing it: a leader that rejects ether stays forever.
                    context.Report(SolidityRules.DosFailedCall, call.Node.StartByte, call.Node.EndByte,
                        $"'{Short(call.Node.Text)}' must succeed before '{root}' can change: a recipient that rejects ether blocks the contract.");
                }
            }
            UnboundedLoops(analysis, context, flow.Function);
        }
    }

    private static bool IsRequired(SyntaxNode call) =>
        call.Ancestors().TakeWhile(a => a.Kind is not ("expression_statement" or "function_body" or "block_statement")).Any(a =>
            (a.Kind == "call_expression" && SolidityNodes.Field(a, "function")?.Text is "require" or "assert") || a.Kind == "if_statement")
        || (SolidityNodes.Outer(call) is { Kind: "variable_declaration_statement" } declaration
            && declaration.Descendants().FirstOrNull(n => n.Kind == "variable_declaration")?.ChildByField("name") is { } flag
            && ContractAnalysis.EnclosingDeclaration(call).Descendants().Any(n => n.Kind == "call_expression" && SolidityNodes.Field(n, "function")?.Text is "require" && n.Descendants().Any(d => d.Kind == "identifier" && d.Text == flag.Text)));

    private static SyntaxNode? LoopOf(SyntaxNode node) =>
        node.Ancestors().TakeWhile(a => a.Kind != "function_body").Where(a => a.Kind is "for_statement" or "while_statement" or "do_while_statement").Select(a => (SyntaxNode?)a).FirstOrDefault();

    private static void UnboundedLoops(ContractAnalysis analysis, AnalysisContext context, FunctionModel function)
    {
        if (function.Body is not { } body)
        {
            return;
        }
        foreach (var loop in body.Descendants().Where(n => n.Kind is "for_statement" or "while_statement"))
        {
            if (loop.ChildByField("condition") is not { } condition)
            {
                continue;
            }
            foreach (var length in condition.Descendants().Where(n => n.Kind == "member_expression" && n.ChildByField("property")?.Text == "length"))
            {
                var array = SolidityNodes.RootName(SolidityNodes.Field(length, "object")!.Value);
                if (array is null || !analysis.View.StateVariables.TryGetValue(array, out var variable) || !variable.IsArray || !GrownByAnyone(analysis, array))
                {
                    continue;
                }
                context.Report(SolidityRules.DosUnboundedLoop, loop.StartByte, condition.EndByte,
                    $"The loop runs over every element of '{array}', which any caller can grow: past the block gas limit it can never finish.");
                break;
            }
        }
    }

    private static bool GrownByAnyone(ContractAnalysis analysis, string array) =>
        analysis.Flows.Any(f => f.Function.IsEntryPoint && !analysis.Access.IsProtected(f.Function) && f.Function.Body is { } b
            && b.Descendants().Any(n => n.Kind == "call_expression" && SolidityNodes.Field(n, "function") is { Kind: "member_expression" } m
                && m.ChildByField("property")?.Text == "push" && SolidityNodes.RootName(SolidityNodes.Field(m, "object")!.Value) == array
                || (n.Kind is "assignment_expression" or "augmented_assignment_expression" && n.ChildByField("left") is { } l && SolidityNodes.Unwrap(l).Text == array + ".length")));

    private static string Short(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
