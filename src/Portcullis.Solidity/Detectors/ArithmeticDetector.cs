using Portcullis.Analysis;
using Portcullis.Solidity.Model;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Detectors;

/// <summary>
/// SWC-101. Arithmetic wraps silently before 0.8 and inside <c>unchecked { }</c> from 0.8: an addition,
/// subtraction or multiplication (or its compound assignment, or ++ / --) is reported when an operand is
/// a value callers influence (a parameter, a state variable, msg.value) and no comparison in the function
/// checks the operands (<c>require(a &gt;= b)</c> before <c>a - b</c>, <c>require(a + b &gt;= a)</c>).
/// From 0.8 a narrowing cast of such a value truncates without reverting.
/// </summary>
internal static class ArithmeticDetector
{
    public static void Run(ContractAnalysis analysis, AnalysisContext context)
    {
        var wrapping = !analysis.Source.CheckedArithmetic;
        foreach (var flow in analysis.OwnFlows)
        {
            var function = flow.Function;
            if (function.Body is not { } body || function.Kind == FunctionKind.Constructor)
            {
                continue;
            }
            var scope = analysis.Source.ScopeOf(function.Node);
            // Built on first need: from 0.8 most functions have no unchecked arithmetic to judge.
            List<(string Left, string Right, string Text)>? comparisons = null;
            InfluencedLocals? influenced = null;
            var reportedStatements = new HashSet<int>();
            foreach (var node in body.Descendants())
            {
                if (!IsArithmetic(node, out var left, out var right))
                {
                    if (!wrapping && node.Kind == "type_cast_expression")
                    {
                        NarrowingCast(analysis, context, node, scope, function);
                    }
                    continue;
                }
                if (!wrapping && !SolidityNodes.IsInsideUnchecked(node))
                {
                    continue;
                }
                if (IsLoopCounter(node, scope) || !analysis.IsReachable(node))
                {
                    continue;
                }
                influenced ??= new InfluencedLocals(analysis, function, scope);
                if (!influenced.Reaches(left) && (right is null || !influenced.Reaches(right.Value)))
                {
                    continue;
                }
                if (UsesSafeMath(node) || IsChecked(node, left, right, comparisons ??= Comparisons(body)))
                {
                    continue;
                }
                var statement = SolidityNodes.EnclosingStatement(node);
                if (!reportedStatements.Add(statement.Index))
                {
                    continue;
                }
                var where = wrapping ? $"compiled with {analysis.Source.Pragma?.Constraint ?? "an old compiler"} (no overflow checks)" : "inside unchecked { }";
                context.Report(SolidityRules.IntegerOverflow, node.StartByte, node.EndByte,
                    $"'{Short(node.Text)}' {where} can {(IsSubtraction(node) ? "underflow" : "overflow")} on values a caller influences.");
            }
        }
    }

    private static bool IsArithmetic(SyntaxNode node, out SyntaxNode left, out SyntaxNode? right)
    {
        left = node;
        right = null;
        switch (node.Kind)
        {
            case "binary_expression" when node.ChildByField("operator")?.Kind is "+" or "-" or "*" or "**":
                left = node.ChildByField("left")!.Value;
                right = node.ChildByField("right")!.Value;
                return true;
            case "augmented_assignment_expression" when node.Children.Any(c => !c.IsNamed && c.Kind is "+=" or "-=" or "*="):
                left = node.ChildByField("left")!.Value;
                right = node.ChildByField("right")!.Value;
                return true;
            case "update_expression":
                left = node.ChildByField("argument")!.Value;
                return true;
            default:
                return false;
        }
    }

    private static bool IsSubtraction(SyntaxNode node) =>
        node.Children.Any(c => !c.IsNamed && c.Kind is "-" or "-=" or "--");

    /// <summary><c>i++</c> / <c>i += 1</c> in a for loop's update over a local counter: bounded by the loop condition.</summary>
    private static bool IsLoopCounter(SyntaxNode node, FunctionScope scope)
    {
        var parent = SolidityNodes.Outer(node);
        if (parent is { Kind: "for_statement" } && SolidityNodes.RootName(node.ChildByField("argument") ?? node.ChildByField("left") ?? node) is { } name && scope.Declares(name))
        {
            return true;
        }
        return false;
    }

    private static bool UsesSafeMath(SyntaxNode node) =>
        node.Ancestors().TakeWhile(a => a.Kind is not "function_body").Any(a => a.Kind == "call_expression"
            && SolidityNodes.Field(a, "function") is { Kind: "member_expression" } m && m.ChildByField("property")?.Text is "add" or "sub" or "mul" or "tryAdd" or "trySub" or "tryMul");

    /// <summary>The comparisons of require / assert / if conditions, as text with spaces removed.</summary>
    private static List<(string Left, string Right, string Text)> Comparisons(SyntaxNode body)
    {
        var list = new List<(string, string, string)>();
        foreach (var node in body.Descendants())
        {
            if (node.Kind == "binary_expression" && node.ChildByField("operator")?.Kind is ">=" or "<=" or ">" or "<" or "==")
            {
                list.Add((Squash(node.ChildByField("left")!.Value.Text), Squash(node.ChildByField("right")!.Value.Text), Squash(node.Text)));
            }
        }
        return list;
    }

    private static bool IsChecked(SyntaxNode node, SyntaxNode left, SyntaxNode? right, List<(string Left, string Right, string Text)> comparisons)
    {
        if (right is not { } r)
        {
            return false;
        }
        var a = Squash(left.Text);
        var b = Squash(r.Text);
        var whole = Squash(node.Kind == "binary_expression" ? node.Text : $"{left.Text}{(IsSubtraction(node) ? "-" : "+")}{r.Text}");
        // uint c = a + b; require(c >= a);  uint c = a * b; require(c / a == b): the result checked against an operand.
        if (SolidityNodes.Outer(node) is { Kind: "variable_declaration_statement" } declaration
            && declaration.Descendants().FirstOrNull(n => n.Kind == "variable_declaration")?.ChildByField("name") is { } result)
        {
            var local = result.Text;
            bool IsResult(string side) => side == local || side.StartsWith(local + "/", StringComparison.Ordinal);
            bool IsOperand(string side) => side == a || side == b;
            if (comparisons.Any(c => (IsResult(c.Left) && IsOperand(c.Right)) || (IsResult(c.Right) && IsOperand(c.Left))))
            {
                return true;
            }
        }
        foreach (var (cl, cr, _) in comparisons)
        {
            // require(a >= b) before a - b; require(a + b >= a) after a + b; require(c / a == b) is not tracked.
            if ((cl == a && cr == b) || (cl == b && cr == a) || cl == whole || cr == whole)
            {
                return true;
            }
        }
        return false;
    }

    private static void NarrowingCast(ContractAnalysis analysis, AnalysisContext context, SyntaxNode cast, FunctionScope scope, FunctionModel function)
    {
        var type = cast.NamedChildren.FirstOrNull(c => c.Kind == "primitive_type")?.Text ?? "";
        if (!TryBits(type, out var bits) || bits >= 256)
        {
            return;
        }
        if (SolidityNodes.Arguments(cast).FirstOrNull() is not { Kind: "identifier" } argument || !function.Parameters.TryGetValue(argument.Text, out var sourceType) && scope.TypeOf(argument.Text) is null)
        {
            return;
        }
        sourceType ??= scope.TypeOf(argument.Text)!;
        if (TryBits(sourceType, out var sourceBits) && sourceBits > bits && type[0] == sourceType[0] && function.Parameters.ContainsKey(argument.Text))
        {
            context.Report(SolidityRules.NarrowingCast, cast.StartByte, cast.EndByte,
                $"'{cast.Text}' truncates the {sourceType} parameter '{argument.Text}' to {bits} bits without reverting.");
        }
    }

    private static bool TryBits(string type, out int bits)
    {
        bits = 0;
        var digits = type.TrimStart('u', 'i', 'n', 't');
        if (!type.StartsWith("uint", StringComparison.Ordinal) && !type.StartsWith("int", StringComparison.Ordinal))
        {
            return false;
        }
        if (digits.Length == 0)
        {
            bits = 256;
            return true;
        }
        return int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out bits);
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not '(' and not ')'));

    private static string Short(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
