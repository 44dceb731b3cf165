using Portcullis.Analysis;
using Portcullis.Solidity.Fixes;
using Portcullis.Solidity.Flow;
using Portcullis.Solidity.Model;

namespace Portcullis.Solidity.Detectors;

/// <summary>
/// SWC-107: a state variable written after a call that hands control to code that can call back.
/// The same function reading the variable is classic reentrancy (the re-entered call sees the old value);
/// another entry point reading it is cross-function reentrancy; only a view reading it is read-only
/// reentrancy. A lock released after the call and writes in guarded functions are not reported.
/// </summary>
internal static class ReentrancyDetector
{
    public static void Run(ContractAnalysis analysis, AnalysisContext context)
    {
        foreach (var flow in analysis.OwnFlows)
        {
            var function = flow.Function;
            if (!function.IsEntryPoint || function.IsView)
            {
                continue;
            }
            var guarded = analysis.Access.IsGuarded(function);
            foreach (var group in flow.WritesAfterCalls.Where(w => !w.WrittenBeforeCall && IsUntrusted(analysis, w.Call)).GroupBy(w => w.Call.Node.Index))
            {
                var writes = group.ToList();
                var call = writes[0].Call;
                var sameFunction = writes.Where(w => w.ReadBeforeCall).ToList();
                if (!guarded && sameFunction.Count > 0)
                {
                    Report(analysis, context, flow, SolidityRules.Reentrancy, call, writes,
                        $"'{Names(sameFunction)}' is written after the external call '{Short(call)}': the callee can re-enter '{function.Name}' before it is updated.");
                    continue;
                }
                var crossReaders = writes.Select(w => (Write: w, Reader: OtherReader(analysis, flow, w.Variable, views: false))).Where(x => x.Reader is not null).ToList();
                if (!guarded && crossReaders.Count > 0)
                {
                    Report(analysis, context, flow, SolidityRules.CrossFunctionReentrancy, call, writes,
                        $"'{crossReaders[0].Write.Variable}' is written after the external call '{Short(call)}' and read by '{crossReaders[0].Reader!.Function.Name}', which the callee can call before the update.");
                    continue;
                }
                var viewReaders = writes.Select(w => (Write: w, Reader: OtherReader(analysis, flow, w.Variable, views: true))).Where(x => x.Reader is not null).ToList();
                if (viewReaders.Count > 0 && call.HandsControlToRecipient)
                {
                    Report(analysis, context, flow, SolidityRules.ReadOnlyReentrancy, call, writes,
                        $"'{viewReaders[0].Write.Variable}' is written after the call '{Short(call)}' while the view '{viewReaders[0].Reader!.Function.Name}' exposes it: during the call it returns a stale value.");
                }
            }
        }
    }

    /// <summary>
    /// A call to a contract whose address is a constant or immutable goes to code the author chose;
    /// anything else may be an attacker's contract.
    /// </summary>
    private static bool IsUntrusted(ContractAnalysis analysis, CallSite call)
    {
        if (call.Kind != CallKind.ContractCall || call.Target is not { } target)
        {
            return true;
        }
        var root = SolidityNodes.RootName(target);
        if (root is null || !analysis.View.StateVariables.TryGetValue(root, out var variable) || SolidityNodes.Unwrap(target).Kind == "array_access")
        {
            return true;
        }
        // Only an address fixed in the code (constant / immutable) is known; one set at run time, even in
        // the constructor, may be any contract.
        return !variable.IsConstant;
    }

    private static FunctionFlow? OtherReader(ContractAnalysis analysis, FunctionFlow writer, string variable, bool views) =>
        analysis.Flows.FirstOrDefault(f => !ReferenceEquals(f, writer) && f.Function.IsEntryPoint && f.Function.IsView == views
            && f.Reads.Contains(variable) && (views || !analysis.Access.IsGuarded(f.Function)));

    private static void Report(ContractAnalysis analysis, AnalysisContext context, FunctionFlow flow, Core.RuleDescriptor rule, CallSite call, List<WriteAfterCall> writes, string message)
    {
        var proposal = ReentrancyFix.Propose(analysis, flow, call, writes);
        context.Report(rule, call.Node.StartByte, call.Node.EndByte, message, proposal: proposal);
    }

    private static string Names(IEnumerable<WriteAfterCall> writes) => string.Join("', '", writes.Select(w => w.Variable).Distinct());

    private static string Short(CallSite call)
    {
        var text = call.Node.Text.ReplaceLineEndings(" ");
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
