using Portcullis.Core;
using Portcullis.Solidity.Detectors;
using Portcullis.Solidity.Flow;
using Portcullis.Solidity.Model;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Fixes;

/// <summary>
/// The reentrancy fix. Checks-effects-interactions: the state updates move before the external call,
/// when they are plain statements of the call's block that use nothing the call or the statements
/// between produce, and neither the call nor those statements read what they write. Otherwise a
/// <c>nonReentrant</c> guard is added to the function (and to the entry points that read the same state),
/// declaring the modifier when the contract has none.
/// </summary>
internal static class ReentrancyFix
{
    public static FixProposal? Propose(ContractAnalysis analysis, FunctionFlow flow, CallSite call, List<WriteAfterCall> writes)
    {
        var utf8 = analysis.Source.Tree.Source.Utf8;
        return MoveBeforeCall(utf8, call, writes) ?? AddGuard(analysis, flow, writes);
    }

    private static FixProposal? MoveBeforeCall(byte[] utf8, CallSite call, List<WriteAfterCall> writes)
    {
        if (SourceLines.EnclosingBlock(call.Node) is not { } block || SourceLines.StatementIn(call.Node, block) is not { } callStatement)
        {
            return null;
        }
        var statements = block.NamedChildren.Where(c => !c.IsExtra).ToList();
        var callIndex = statements.FindIndex(s => s == callStatement);
        var moved = new List<SyntaxNode>();
        foreach (var write in writes.DistinctBy(w => w.Write.Index))
        {
            if (SourceLines.StatementIn(write.Write, block) is not { } statement || SolidityNodes.Unwrap(statement).Kind != "expression_statement"
                || SolidityNodes.Unwrap(SolidityNodes.Unwrap(statement).NamedChildren.First()) != write.Write)
            {
                return null;
            }
            if (!moved.Contains(statement))
            {
                moved.Add(statement);
            }
        }
        moved.Sort((a, b) => a.StartByte.CompareTo(b.StartByte));
        if (callIndex < 0 || moved.Count == 0 || moved[0].StartByte < callStatement.EndByte)
        {
            return null;
        }
        var movedNames = moved.SelectMany(Identifiers).ToHashSet(StringComparer.Ordinal);
        var lastIndex = statements.FindIndex(s => s == moved[^1]);
        var writtenRoots = writes.Select(w => w.Variable).ToHashSet(StringComparer.Ordinal);
        for (var i = callIndex; i <= lastIndex; i++)
        {
            var statement = statements[i];
            if (moved.Contains(statement))
            {
                continue;
            }
            // What the call and the statements between declare or assign must not feed the moved updates,
            // and they must not read what the updates write.
            var produced = statement.Descendants().Where(n => n.Kind == "variable_declaration" || n.Kind == "assignment_expression")
                .Select(n => n.Kind == "variable_declaration" ? n.ChildByField("name")?.Text : SolidityNodes.RootName(n.ChildByField("left")!.Value))
                .OfType<string>();
            if (produced.Any(movedNames.Contains) || Identifiers(statement).Any(writtenRoots.Contains))
            {
                return null;
            }
            // A return or a loop control between would change which paths perform the update.
            if (statement.Descendants().Any(n => n.Kind is "return_statement" or "break_statement" or "continue_statement"))
            {
                return null;
            }
        }
        var edits = new List<TextEdit> { SourceLines.InsertLinesBefore(utf8, callStatement, moved.Select(s => s.Text.Trim())) };
        edits.AddRange(moved.Select(s => SourceLines.RemoveStatement(utf8, s)));
        return new FixProposal("Move the state update before the external call (checks-effects-interactions).", edits);
    }

    private static FixProposal? AddGuard(ContractAnalysis analysis, FunctionFlow flow, List<WriteAfterCall> writes)
    {
        var utf8 = analysis.Source.Tree.Source.Utf8;
        var edits = new List<TextEdit>();
        var declared = analysis.View.Modifier("nonReentrant") is not null
            || analysis.Contract.Bases.Any(b => b.Contains("ReentrancyGuard", StringComparison.Ordinal));
        if (!declared)
        {
            if (analysis.View.StateVariables.ContainsKey("_reentrancyLock"))
            {
                return null;
            }
            var body = analysis.Contract.Body;
            var first = body.NamedChildren.FirstOrNull(c => !c.IsExtra);
            var indentation = first is { } member ? SourceLines.Indentation(utf8, member) : "    ";
            if (indentation.Length == 0)
            {
                indentation = "    ";
            }
            var open = body.StartByte + 1;
            edits.Add(new TextEdit(open, open,
                $"\n{indentation}bool private _reentrancyLock;\n\n{indentation}modifier nonReentrant() {{\n{indentation}    require(!_reentrancyLock);\n{indentation}    _reentrancyLock = true;\n{indentation}    _;\n{indentation}    _reentrancyLock = false;\n{indentation}}}\n"));
        }
        var variables = writes.Select(w => w.Variable).ToHashSet(StringComparer.Ordinal);
        var functions = analysis.Flows.Where(f => ReferenceEquals(f, flow)
                || (f.Function.IsEntryPoint && !f.Function.IsView && ReferenceEquals(f.Function.Contract, analysis.Contract) && f.Reads.Overlaps(variables)))
            .Select(f => f.Function).Where(f => !analysis.Access.IsGuarded(f)).DistinctBy(f => f.Node.Index);
        foreach (var function in functions)
        {
            if (function.Body is not { } functionBody)
            {
                continue;
            }
            edits.Add(new TextEdit(functionBody.StartByte, functionBody.StartByte, "nonReentrant "));
        }
        return new FixProposal(declared
            ? "Add the nonReentrant guard to the function (the state update could not be moved before the call safely)."
            : "Declare a nonReentrant guard and add it to the function (the state update could not be moved before the call safely).", edits);
    }

    private static IEnumerable<string> Identifiers(SyntaxNode node) =>
        node.Descendants().Where(n => n.Kind == "identifier").Select(n => n.Text);
}
