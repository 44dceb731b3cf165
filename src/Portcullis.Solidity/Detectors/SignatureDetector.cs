using Portcullis.Analysis;
using Portcullis.Solidity.Flow;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Detectors;

/// <summary>
/// SWC-117: ecrecover called directly with no bound on <c>s</c>, so (r, n − s) verifies too, while the
/// contract uses the signature as an identifier: its other form is a new identifier. SWC-121: a signature
/// accepted with nothing that makes it single-use: no nonce in the signed data that the function
/// advances, no record of used hashes or signatures, and no contract address in the signed data.
/// </summary>
internal static class SignatureDetector
{
    public static void Run(ContractAnalysis analysis, AnalysisContext context)
    {
        SyntaxNode? unboundedRecovery = null;
        foreach (var flow in analysis.OwnFlows)
        {
            if (flow.Function.Body is not { } body)
            {
                continue;
            }
            foreach (var call in body.Descendants().Where(n => n.Kind == "call_expression" && SolidityNodes.Field(n, "function") is { Kind: "identifier", Text: "ecrecover" }))
            {
                var arguments = SolidityNodes.Arguments(call);
                var sName = arguments.Count == 4 ? arguments[3].Text : null;
                if (sName is not null && !body.Descendants().Any(n => n.Kind == "binary_expression" && n.ChildByField("operator")?.Kind is "<" or "<=" or ">" or ">="
                        && n.Descendants().Any(d => d.Text == sName)))
                {
                    unboundedRecovery ??= call;
                }
                if (flow.Function.IsEntryPoint && !SingleUse(analysis, flow, body))
                {
                    context.Report(SolidityRules.SignatureReplay, call.StartByte, call.EndByte,
                        $"'{flow.Function.Name}' accepts the same signature again: sign a nonce (and address(this), block.chainid) and record it as used.");
                }
            }
        }
        if (unboundedRecovery is not null)
        {
            SignatureAsKey(analysis, context);
        }
    }

    /// <summary>
    /// Malleability matters where the signature itself identifies something: a state mapping keyed by the
    /// signature bytes (or a hash of them) marks "this signature was used", and the other form of the
    /// same signature is a different key.
    /// </summary>
    private static void SignatureAsKey(ContractAnalysis analysis, AnalysisContext context)
    {
        foreach (var flow in analysis.OwnFlows)
        {
            if (flow.Function.Body is not { } body)
            {
                continue;
            }
            var signatures = flow.Function.Parameters.Where(p => p.Value.StartsWith("bytes", StringComparison.Ordinal) && !p.Value.StartsWith("bytes32", StringComparison.Ordinal)
                && p.Key.Contains("sig", StringComparison.OrdinalIgnoreCase)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            if (signatures.Count == 0)
            {
                continue;
            }
            var derived = new HashSet<string>(signatures, StringComparer.Ordinal);
            foreach (var declaration in body.Descendants().Where(n => n.Kind == "variable_declaration_statement"))
            {
                if (declaration.ChildByField("value") is { } value && value.Descendants().Any(d => d.Kind == "identifier" && derived.Contains(d.Text))
                    && declaration.Descendants().FirstOrNull(n => n.Kind == "variable_declaration")?.ChildByField("name") is { } name)
                {
                    derived.Add(name.Text);
                }
            }
            foreach (var assignment in body.Descendants().Where(n => n.Kind == "assignment_expression"))
            {
                if (SolidityNodes.Unwrap(assignment.ChildByField("left")!.Value) is { Kind: "array_access" } access
                    && SolidityNodes.RootName(access) is { } root && analysis.View.StateVariables.TryGetValue(root, out var v) && v.IsMapping
                    && access.ChildByField("index") is { } index && index.Descendants().Any(d => d.Kind == "identifier" && derived.Contains(d.Text)))
                {
                    context.Report(SolidityRules.SignatureMalleability, assignment.StartByte, assignment.EndByte,
                        $"'{root}' is keyed by the signature, but ecrecover also accepts its other form (s replaced by n - s): mark the signed message as used, or use OpenZeppelin ECDSA.recover.");
                    return;
                }
            }
        }
    }

    /// <summary>Something the function writes to state is keyed by or derived from the signed data, or a nonce is advanced.</summary>
    private static bool SingleUse(ContractAnalysis analysis, FunctionFlow flow, SyntaxNode body)
    {
        var hashed = body.Descendants().Where(n => n.Kind == "call_expression" && SolidityNodes.Field(n, "function")?.Text is "keccak256" or "sha3" or "sha256").ToList();
        if (hashed.Any(h => h.Descendants().Any(d => d.Kind == "identifier" && d.Text == "this")))
        {
            return flow.Writes.Count > 0 && hashed.Any(h => h.Descendants().Any(d => d.Kind == "identifier" && flow.Writes.Contains(d.Text)));
        }
        // A state variable in the signed data that the function also writes (nonce++), or a mapping marked used.
        foreach (var write in flow.Writes)
        {
            if (hashed.Any(h => h.Descendants().Any(d => d.Kind == "identifier" && d.Text == write)))
            {
                return true;
            }
            if (analysis.View.StateVariables.TryGetValue(write, out var v) && v.IsMapping
                && body.Descendants().Any(n => n.Kind == "assignment_expression" && SolidityNodes.RootName(n.ChildByField("left")!.Value) == write
                    && SolidityNodes.Unwrap(n.ChildByField("left")!.Value) is { Kind: "array_access" } access
                    && access.ChildByField("index") is { } index && index.Descendants().Any(d => d.Kind == "identifier" && IsSignedData(d.Text, body, hashed))))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsSignedData(string name, SyntaxNode body, List<SyntaxNode> hashed) =>
        hashed.Any(h => h.Descendants().Any(d => d.Kind == "identifier" && d.Text == name))
        || body.Descendants().Any(n => n.Kind == "variable_declaration" && n.ChildByField("name")?.Text == name && n.Parent is { } p && p.Descendants().Any(d => d.Kind == "call_expression" && SolidityNodes.Field(d, "function")?.Text is "keccak256" or "sha3" or "sha256"))
        || name.Contains("sig", StringComparison.OrdinalIgnoreCase) || name.Contains("hash", StringComparison.OrdinalIgnoreCase);
}
