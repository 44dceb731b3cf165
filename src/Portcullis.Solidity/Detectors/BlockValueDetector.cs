using Portcullis.Analysis;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Detectors;

/// <summary>
/// SWC-120: block values (timestamp, number, difficulty / prevrandao, coinbase, blockhash) hashed or
/// reduced modulo into a "random" number. SWC-116: block.timestamp (or now) deciding a branch through a
/// comparison, where a few seconds of proposer drift change the outcome.
/// </summary>
internal static class BlockValueDetector
{
    private static readonly HashSet<string> BlockMembers = ["timestamp", "number", "difficulty", "prevrandao", "coinbase", "gaslimit"];

    public static void Run(ContractAnalysis analysis, AnalysisContext context)
    {
        var randomness = new HashSet<int>();
        foreach (var node in analysis.Contract.Body.Descendants())
        {
            if (!IsBlockValue(node))
            {
                continue;
            }
            if (UsedAsRandomness(node, analysis) is { } use && randomness.Add(use.Index))
            {
                context.Report(SolidityRules.WeakRandomness, use.StartByte, use.EndByte,
                    $"'{Short(use.Text)}' derives a random value from '{node.Text}', which the block's proposer and other contracts know or choose.");
                continue;
            }
            if (IsTimestamp(node) && DecidesBranch(node) is { } comparison)
            {
                context.Report(SolidityRules.TimestampDependence, comparison.StartByte, comparison.EndByte,
                    $"'{Short(comparison.Text)}' decides on block.timestamp, which the proposer can shift by several seconds.");
            }
        }
    }

    private static bool IsBlockValue(SyntaxNode node) =>
        (node.Kind == "member_expression" && SolidityNodes.Field(node, "object") is { Kind: "identifier", Text: "block" } && BlockMembers.Contains(node.ChildByField("property")?.Text ?? ""))
        || (node.Kind == "identifier" && node.Text == "now" && node.Parent?.Kind != "member_expression")
        || (node.Kind == "call_expression" && SolidityNodes.Field(node, "function") is { Kind: "identifier", Text: "blockhash" })
        || (node.Kind == "call_expression" && SolidityNodes.Field(node, "function") is { Kind: "member_expression" } m && m.Text == "block.blockhash");

    private static bool IsTimestamp(SyntaxNode node) => node.Text is "block.timestamp" or "now";

    /// <summary>The hash or modulo the value flows into directly, or through a local assigned from it.</summary>
    private static SyntaxNode? UsedAsRandomness(SyntaxNode node, ContractAnalysis analysis)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor.Kind is "expression_statement" or "variable_declaration_statement" or "return_statement" or "if_statement" or "function_body" or "block_statement")
            {
                // uint seed = block.timestamp; ... keccak256(seed) / seed % n
                if (ancestor.Kind == "variable_declaration_statement" && ancestor.NamedChildren.FirstOrNull(c => c.Kind == "variable_declaration")?.ChildByField("name") is { } local
                    && SourceLinesOfFunction(ancestor) is { } body)
                {
                    foreach (var use in body.Descendants().Where(n => n.Kind == "identifier" && n.Text == local.Text && n.StartByte > ancestor.EndByte))
                    {
                        if (UsedAsRandomness(use, analysis) is { } deeper)
                        {
                            return deeper;
                        }
                    }
                }
                return null;
            }
            if (ancestor.Kind == "call_expression" && SolidityNodes.Field(ancestor, "function")?.Text is "keccak256" or "sha3" or "sha256")
            {
                return ancestor;
            }
            if (ancestor.Kind == "binary_expression" && ancestor.ChildByField("operator")?.Kind == "%")
            {
                return ancestor;
            }
        }
        return null;
    }

    private static SyntaxNode? SourceLinesOfFunction(SyntaxNode node) =>
        node.Ancestors().Where(a => a.Kind == "function_body").Select(a => (SyntaxNode?)a).FirstOrDefault();

    /// <summary>A comparison on the timestamp that is the condition of an if / while / require, or returned.</summary>
    private static SyntaxNode? DecidesBranch(SyntaxNode node)
    {
        SyntaxNode? comparison = null;
        foreach (var ancestor in node.Ancestors())
        {
            if (comparison is null && ancestor.Kind == "binary_expression" && ancestor.ChildByField("operator")?.Kind is "<" or "<=" or ">" or ">=" or "==" or "!=")
            {
                comparison = ancestor;
                continue;
            }
            if (comparison is null)
            {
                if (ancestor.Kind is "expression_statement" or "variable_declaration_statement" or "function_body" or "block_statement")
                {
                    return null;
                }
                continue;
            }
            if (ancestor.Kind is "if_statement" or "while_statement" or "for_statement" or "return_statement" or "conditional_expression"
                || (ancestor.Kind == "call_expression" && SolidityNodes.Field(ancestor, "function")?.Text is "require" or "assert"))
            {
                return comparison;
            }
            if (ancestor.Kind is "expression_statement" or "function_body" or "block_statement")
            {
                return null;
            }
        }
        return null;
    }

    private static string Short(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
