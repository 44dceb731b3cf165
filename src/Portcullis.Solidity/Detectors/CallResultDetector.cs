using Portcullis.Analysis;
using Portcullis.Core;
using Portcullis.Solidity.Fixes;
using Portcullis.Solidity.Flow;
using Portcullis.Solidity.Model;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Detectors;

/// <summary>
/// SWC-104: the success flag of call / send / delegatecall / staticcall dropped (the call is a statement
/// of its own) or captured and never used. SWC-112: delegatecall to an address that a caller chooses:
/// a parameter of an unprotected entry point, or a state variable that one writes.
/// </summary>
internal static class CallResultDetector
{
    public static void Run(ContractAnalysis analysis, AnalysisContext context)
    {
        var seen = new HashSet<int>();
        foreach (var flow in analysis.OwnFlows)
        {
            foreach (var (call, _) in flow.Calls)
            {
                if (!seen.Add(call.Node.Index))
                {
                    continue;
                }
                if (call.ReturnsSuccessFlag)
                {
                    UncheckedResult(analysis, context, call);
                }
                if (call.Kind == CallKind.Delegatecall && call.Target is { } target && !RequiredToFail(call.Node) && IsCallerControlled(analysis, flow, target))
                {
                    context.Report(SolidityRules.ControlledDelegatecall, call.Node.StartByte, call.Node.EndByte,
                        $"delegatecall to '{target.Text}', which a caller of '{flow.Function.Name}' chooses: the callee runs with this contract's storage and ether.");
                }
            }
        }
    }

    private static void UncheckedResult(ContractAnalysis analysis, AnalysisContext context, CallSite call)
    {
        var outer = SolidityNodes.Outer(call.Node);
        if (outer is { Kind: "expression_statement" } statement)
        {
            context.Report(SolidityRules.UncheckedCall, call.Node.StartByte, call.Node.EndByte,
                $"The result of '{call.Member}' is ignored: if it fails, execution continues as if it had succeeded.",
                proposal: RequireSuccess(analysis, statement, call));
            return;
        }
        // (bool success, ) = addr.call(...); with success never read afterwards.
        if (outer is { Kind: "variable_declaration_statement" } declaration)
        {
            var flag = declaration.Descendants().FirstOrNull(n => n.Kind == "variable_declaration");
            if (flag is { } flagNode && flagNode.ChildByField("name") is { } name
                && ContractAnalysis.EnclosingDeclaration(call.Node) is var function
                && !function.Descendants().Any(n => n.Kind == "identifier" && n.Text == name.Text && n.StartByte > declaration.EndByte))
            {
                context.Report(SolidityRules.UncheckedCall, call.Node.StartByte, call.Node.EndByte,
                    $"'{name.Text}' holds the result of '{call.Member}' but is never checked.",
                    proposal: new FixProposal($"Require '{name.Text}' after the call.",
                        [SourceLines.InsertLinesAfter(analysis.Source.Tree.Source.Utf8, declaration, [$"require({name.Text});"])]));
            }
        }
    }

    private static FixProposal? RequireSuccess(ContractAnalysis analysis, SyntaxNode statement, CallSite call)
    {
        var text = call.Node.Text;
        // From 0.5 call, delegatecall and staticcall return (bool, bytes); send still returns bool.
        if (call.Kind == CallKind.Send || analysis.Source.CompilerMinimum < new Version(0, 5, 0))
        {
            return new FixProposal($"Require the result of '{call.Member}'.", [new TextEdit(statement.StartByte, statement.EndByte, $"require({text});")]);
        }
        var scope = analysis.Source.ScopeOf(ContractAnalysis.EnclosingDeclaration(call.Node));
        var flag = scope.Declares("success") ? "callSucceeded" : "success";
        return new FixProposal($"Capture the success flag of '{call.Member}' and require it.",
            [new TextEdit(statement.StartByte, statement.EndByte, $"(bool {flag}, ) = {text};\n{SourceLines.Indentation(analysis.Source.Tree.Source.Utf8, statement)}require({flag});")]);
    }

    /// <summary><c>require(!addr.delegatecall(data))</c>: a call that succeeds reverts, so none of its effects persist.</summary>
    private static bool RequiredToFail(SyntaxNode call)
    {
        if (SolidityNodes.Outer(call) is { Kind: "unary_expression" } not && not.ChildByField("operator")?.Kind == "!")
        {
            return IsRequire(SolidityNodes.Outer(not));
        }
        // The grammar parses `!a.delegatecall(d)` as `(!a).delegatecall(d)`.
        return SolidityNodes.Field(call, "function") is { Kind: "member_expression" } callee
            && SolidityNodes.Field(callee, "object") is { Kind: "unary_expression" } negated && negated.ChildByField("operator")?.Kind == "!"
            && IsRequire(SolidityNodes.Outer(call));
    }

    private static bool IsRequire(SyntaxNode? node) =>
        node is { Kind: "call_expression" } check && SolidityNodes.Field(check, "function")?.Text is "require" or "assert";

    private static bool IsCallerControlled(ContractAnalysis analysis, FunctionFlow flow, SyntaxNode target)
    {
        if (SolidityNodes.RootName(target) is not { } root)
        {
            return false;
        }
        var function = flow.Function;
        if (function.Parameters.ContainsKey(root))
        {
            return !analysis.Access.IsProtected(function) || !function.IsEntryPoint && InternalCallerPasses(analysis, function);
        }
        if (!analysis.View.StateVariables.ContainsKey(root) || analysis.Source.ScopeOf(function.Node).Declares(root))
        {
            return false;
        }
        return analysis.Flows.Any(f => f.Function.Kind != FunctionKind.Constructor && f.Writes.Contains(root) && !analysis.Access.IsProtected(f.Function));
    }

    /// <summary>An internal function's parameter is caller-controlled when an unprotected entry point calls it.</summary>
    private static bool InternalCallerPasses(ContractAnalysis analysis, FunctionModel function) =>
        analysis.Flows.Any(f => f.Function.IsEntryPoint && !analysis.Access.IsProtected(f.Function)
            && f.Function.Body is { } body && body.Descendants().Any(n => n.Kind == "call_expression" && SolidityNodes.Field(n, "function") is { Kind: "identifier" } id && id.Text == function.Name));
}
