using System.Runtime.CompilerServices;
using Portcullis.Solidity.Model;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Flow;

/// <summary>
/// Walks the paths of one function in execution order: its modifiers (the body runs where a modifier
/// says <c>_</c>), branches on copies of the state merged where they join, loops twice round (so a call
/// in one iteration is seen before a write in the next), early returns and reverts ending a path, and
/// internal functions walked where they are called. Branches on state variables that never change
/// after construction are decided, so code they make unreachable is not reported.
/// </summary>
/// <remarks>
/// The walk visits every expression of every path on every scan, so its recursive core is compiled fully
/// optimised at once: left to tiered compilation, a freshly started gate ran it several times slower for
/// its first few hundred scans (the latency benchmark's default series). The flow state, call
/// classification and constant conditions it calls on every node are compiled the same way.
/// </remarks>
internal sealed class PathWalker
{
    private const int MaxInlineDepth = 4;

    private readonly ContractView _contract;
    private readonly FunctionFlow _flow;
    private readonly HashSet<int> _reached;
    private readonly Dictionary<(int Call, int Write), int> _writeIndex = [];
    private readonly Stack<(FunctionScope Scope, SyntaxNode Declaration)> _scopes = new();
    private readonly Stack<List<FlowState>> _loopExits = new();
    private readonly HashSet<string> _inlining = new(StringComparer.Ordinal);
    private int _loopDepth;

    private PathWalker(ContractView contract, FunctionModel function, HashSet<int> reached)
    {
        _contract = contract;
        _flow = new FunctionFlow(function);
        _reached = reached;
    }

    /// <summary>Walks a function; <paramref name="reached"/> collects the statements some path reaches.</summary>
    public static FunctionFlow Walk(ContractView contract, FunctionModel function, HashSet<int> reached)
    {
        var walker = new PathWalker(contract, function, reached);
        walker.WalkFunction(function);
        return walker._flow;
    }

    private void WalkFunction(FunctionModel function)
    {
        var state = new FlowState();
        var modifiers = function.Modifiers.Select(m => (Use: m, Model: _contract.Modifier(m.Name))).Where(m => m.Model?.Body is not null).ToList();
        PushScope(function.Node);
        WalkModifiers(function, modifiers, 0, state);
        _scopes.Pop();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WalkModifiers(FunctionModel function, List<(ModifierUse Use, ModifierModel? Model)> modifiers, int index, FlowState state)
    {
        if (index == modifiers.Count)
        {
            if (function.Body is { } body)
            {
                Statement(body, state, null);
                // A return in the body resumes the modifier after its placeholder.
                if (state.Dead && !state.Reverted)
                {
                    state.Dead = false;
                }
            }
            return;
        }
        var (use, modifier) = modifiers[index];
        foreach (var argument in use.Arguments)
        {
            Expression(argument, state);
        }
        PushScope(modifier!.Node);
        Statement(modifier.Body!.Value, state, placeholder: s =>
        {
            _scopes.Pop();
            WalkModifiers(function, modifiers, index + 1, s);
            PushScope(modifier.Node);
        });
        _scopes.Pop();
    }

    private void PushScope(SyntaxNode declaration)
    {
        _scopes.Push((_contract.Source.ScopeOf(declaration), declaration));
    }

    private bool IsStateVariable(string name) => !_scopes.Peek().Scope.Declares(name) && _contract.StateVariables.ContainsKey(name);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Statement(SyntaxNode node, FlowState state, Action<FlowState>? placeholder)
    {
        node = SolidityNodes.Unwrap(node);
        if (state.Dead)
        {
            return;
        }
        _reached.Add(node.Index);
        switch (node.Kind)
        {
            case "function_body":
            case "block_statement":
                foreach (var statement in SolidityNodes.Statements(node))
                {
                    Statement(statement, state, placeholder);
                }
                break;
            case "expression_statement":
                var expression = SolidityNodes.Unwrap(node.NamedChildren.First());
                if (expression.Kind == "identifier" && expression.Text == "_" && placeholder is not null)
                {
                    placeholder(state);
                }
                else
                {
                    Expression(expression, state);
                }
                break;
            case "if_statement":
                If(node, state, placeholder);
                break;
            case "for_statement":
                if (node.ChildByField("initial") is { } initial)
                {
                    Statement(initial, state, placeholder);
                }
                Loop(node.ChildByField("condition"), node.ChildByField("body"), node.ChildByField("update"), state, placeholder, conditionFirst: true);
                break;
            case "while_statement":
                Loop(node.ChildByField("condition"), node.ChildByField("body"), null, state, placeholder, conditionFirst: true);
                break;
            case "do_while_statement":
                Loop(node.ChildByField("condition"), node.ChildByField("body"), null, state, placeholder, conditionFirst: false);
                break;
            case "return_statement":
                foreach (var child in new NamedChildren(node))
                {
                    Expression(child, state);
                }
                state.Dead = true;
                break;
            case "revert_statement":
                foreach (var child in new NamedChildren(node))
                {
                    Expression(child, state);
                }
                state.Dead = state.Reverted = true;
                break;
            case "break_statement" or "continue_statement":
                if (_loopExits.TryPeek(out var exits))
                {
                    exits.Add(state.Clone());
                }
                state.Dead = true;
                break;
            case "try_statement":
                Try(node, state, placeholder);
                break;
            case "assembly_statement":
                break;
            case "variable_declaration_statement":
                if (node.ChildByField("value") is { } value)
                {
                    Expression(value, state);
                }
                break;
            default:
                if (node.Text.TrimStart().StartsWith("throw", StringComparison.Ordinal))
                {
                    state.Dead = state.Reverted = true;
                    break;
                }
                foreach (var child in new NamedChildren(node))
                {
                    Expression(child, state);
                }
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void If(SyntaxNode node, FlowState state, Action<FlowState>? placeholder)
    {
        var condition = node.ChildByField("condition");
        if (condition is { } c)
        {
            Expression(c, state);
        }
        SyntaxNode? thenBody = null;
        SyntaxNode? elseBody = null;
        foreach (var child in node.Children)
        {
            if (child.FieldName == "body")
            {
                if (thenBody is null)
                {
                    thenBody = child;
                }
                else
                {
                    elseBody ??= child;
                }
            }
        }
        var decided = condition is { } cond ? ConstantCondition.Evaluate(cond, _contract, _scopes.Peek().Scope) : null;
        var thenState = state.Clone();
        if (decided != false && thenBody is { } then)
        {
            Statement(then, thenState, placeholder);
        }
        else
        {
            thenState.Dead = true;
            thenState.Reverted = true;
        }
        var elseState = state.Clone();
        if (decided == true)
        {
            elseState.Dead = true;
            elseState.Reverted = true;
        }
        else if (elseBody is { } otherwise)
        {
            Statement(otherwise, elseState, placeholder);
        }
        state.Assign(FlowState.Merge([thenState, elseState]));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Loop(SyntaxNode? condition, SyntaxNode? body, SyntaxNode? update, FlowState state, Action<FlowState>? placeholder, bool conditionFirst)
    {
        var exits = new List<FlowState>();
        _loopExits.Push(exits);
        _loopDepth++;
        var current = state.Clone();
        for (var iteration = 0; iteration < 2 && !current.Dead; iteration++)
        {
            if (conditionFirst && condition is { } c1)
            {
                Expression(c1, current);
                exits.Add(current.Clone());
            }
            if (body is { } b)
            {
                Statement(b, current, placeholder);
            }
            if (update is { } u && !current.Dead)
            {
                Expression(u, current);
            }
            if (!conditionFirst && condition is { } c2 && !current.Dead)
            {
                Expression(c2, current);
                exits.Add(current.Clone());
            }
        }
        if (!current.Dead)
        {
            exits.Add(current);
        }
        _loopDepth--;
        _loopExits.Pop();
        state.Assign(exits.Count == 0 ? new FlowState { Dead = true, Reverted = true } : FlowState.Merge(exits));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Try(SyntaxNode node, FlowState state, Action<FlowState>? placeholder)
    {
        if (node.ChildByField("attempt") is { } attempt)
        {
            Expression(attempt, state);
        }
        var branches = new List<FlowState>();
        foreach (var child in new NamedChildren(node))
        {
            if (child.FieldName == "body" || child.Kind == "catch_clause")
            {
                var branch = state.Clone();
                Statement(child.Kind == "catch_clause" ? child.ChildByField("body") ?? child : child, branch, placeholder);
                branches.Add(branch);
            }
        }
        if (branches.Count > 0)
        {
            state.Assign(FlowState.Merge(branches));
        }
    }

    /// <summary>Evaluates an expression in order: operands, then the effect of the node itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Expression(SyntaxNode node, FlowState state)
    {
        node = SolidityNodes.Unwrap(node);
        if (state.Dead)
        {
            return;
        }
        switch (node.Kind)
        {
            case "identifier":
                Read(node.Text, state);
                break;
            case "member_expression":
                Expression(node.ChildByField("object")!.Value, state);
                break;
            case "assignment_expression":
                Expression(node.ChildByField("right")!.Value, state);
                Target(node.ChildByField("left")!.Value, state);
                Write(node.ChildByField("left")!.Value, node, state, increment: false);
                break;
            case "augmented_assignment_expression":
                Expression(node.ChildByField("right")!.Value, state);
                Expression(node.ChildByField("left")!.Value, state);
                var op = node.Children.FirstOrNull(c => !c.IsNamed && c.Kind.EndsWith('='))?.Kind;
                Write(node.ChildByField("left")!.Value, node, state, increment: op is "+=");
                break;
            case "update_expression":
                Expression(node.ChildByField("argument")!.Value, state);
                Write(node.ChildByField("argument")!.Value, node, state, increment: node.Text.Contains("++", StringComparison.Ordinal));
                break;
            case "unary_expression" when node.ChildByField("operator")?.Kind == "delete":
                Target(node.ChildByField("argument")!.Value, state);
                Write(node.ChildByField("argument")!.Value, node, state, increment: false);
                break;
            case "call_expression":
                Call(node, state);
                break;
            case "yul_block":
                break;
            default:
                foreach (var child in new NamedChildren(node))
                {
                    Expression(child, state);
                }
                break;
        }
    }

    /// <summary>The reads an assignment target makes: its indexes, not its own value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Target(SyntaxNode node, FlowState state)
    {
        node = SolidityNodes.Unwrap(node);
        switch (node.Kind)
        {
            case "array_access":
                Target(node.ChildByField("base")!.Value, state);
                if (node.ChildByField("index") is { } index)
                {
                    Expression(index, state);
                }
                break;
            case "member_expression":
                Target(node.ChildByField("object")!.Value, state);
                break;
            case "tuple_expression":
                foreach (var child in new NamedChildren(node))
                {
                    Target(child, state);
                }
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Call(SyntaxNode node, FlowState state)
    {
        var site = _contract.Classify(_scopes.Peek().Declaration, node);
        var arguments = SolidityNodes.Arguments(node);
        foreach (var argument in arguments)
        {
            Expression(argument, state);
        }
        var callee = SolidityNodes.Field(node, "function");
        if (callee is { } f)
        {
            foreach (var option in f.Descendants())
            {
                if (option.Kind == "struct_field_assignment")
                {
                    Expression(option.ChildByField("value")!.Value, state);
                }
            }
        }
        if (site.Target is { } target && !arguments.Any(a => a.Contains(target)))
        {
            Expression(target, state);
        }
        if (state.Dead)
        {
            return;
        }
        _flow.Calls.Add((site, _loopDepth > 0));
        if (site.CanReenter)
        {
            var before = new HashSet<string>(state.Reads, StringComparer.Ordinal);
            // A variable both written and read before the call is marked as such ("w:" prefix) so that a
            // lock (checked, set, called, reset) is told apart from a balance read and then written.
            foreach (var written in state.Writes)
            {
                before.Add("w:" + written);
            }
            state.Calls[site.Node.Index] = (site, before);
            return;
        }
        if (site.Kind != CallKind.Internal)
        {
            return;
        }
        switch (site.Member)
        {
            case "require" or "assert" when arguments.Count > 0 && ConstantCondition.Evaluate(arguments[0], _contract, _scopes.Peek().Scope) == false:
            case "revert" or "selfdestruct" or "suicide":
                state.Dead = state.Reverted = true;
                return;
            case "push" or "pop" when callee is { Kind: "member_expression" } member:
                Write(SolidityNodes.Field(member, "object")!.Value, node, state, increment: site.Member == "push");
                return;
        }
        if (callee is { Kind: "identifier" } name && _inlining.Count < MaxInlineDepth
            && _contract.InternalFunction(name.Text, arguments.Count) is { } function && _inlining.Add(function.Name))
        {
            PushScope(function.Node);
            var inner = state.Clone();
            var modifiers = function.Modifiers.Select(m => (Use: m, Model: _contract.Modifier(m.Name))).Where(m => m.Model?.Body is not null).ToList();
            WalkModifiers(function, modifiers, 0, inner);
            _scopes.Pop();
            _inlining.Remove(function.Name);
            // The callee's returns end the callee, not the caller.
            if (inner.Dead && !inner.Reverted)
            {
                inner.Dead = false;
            }
            state.Assign(inner);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Read(string name, FlowState state)
    {
        if (IsStateVariable(name))
        {
            state.Reads.Add(name);
            _flow.Reads.Add(name);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Write(SyntaxNode target, SyntaxNode at, FlowState state, bool increment)
    {
        if (state.Dead)
        {
            return;
        }
        target = SolidityNodes.Unwrap(target);
        List<string?> names = target.Kind == "tuple_expression"
            ? [.. target.NamedChildren.Select(SolidityNodes.RootName)]
            : [SolidityNodes.RootName(target)];
        foreach (var name in names)
        {
            if (name is null || !IsStateVariable(name))
            {
                continue;
            }
            _flow.Writes.Add(name);
            state.Writes.Add(name);
            foreach (var (callIndex, (call, readsBefore)) in state.Calls)
            {
                var key = (callIndex, at.Index);
                var readBefore = readsBefore.Contains(name);
                if (_writeIndex.TryGetValue(key, out var existing))
                {
                    if (readBefore && !_flow.WritesAfterCalls[existing].ReadBeforeCall)
                    {
                        _flow.WritesAfterCalls[existing] = _flow.WritesAfterCalls[existing] with { ReadBeforeCall = true };
                    }
                    continue;
                }
                _writeIndex[key] = _flow.WritesAfterCalls.Count;
                _flow.WritesAfterCalls.Add(new WriteAfterCall(call, at, name, readBefore, increment) { WrittenBeforeCall = readsBefore.Contains("w:" + name) });
            }
        }
    }
}
