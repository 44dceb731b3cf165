using Portcullis.Solidity.Model;
using Portcullis.Syntax;

namespace Portcullis.Solidity.Flow;

/// <summary>A state variable written after an external call, on some path of a function.</summary>
/// <param name="ReadBeforeCall">The same variable was read before the call on that path (a check the callee can bypass).</param>
/// <param name="Increment">The write only adds to the variable (<c>+=</c>, <c>++</c>).</param>
internal sealed record WriteAfterCall(CallSite Call, SyntaxNode Write, string Variable, bool ReadBeforeCall, bool Increment)
{
    /// <summary>The variable was also written before the call on that path: a lock being released.</summary>
    public bool WrittenBeforeCall { get; init; }
}

/// <summary>What walking every path of one function (its modifiers and the internal functions it calls) found.</summary>
internal sealed class FunctionFlow(FunctionModel function)
{
    public FunctionModel Function { get; } = function;

    public List<WriteAfterCall> WritesAfterCalls { get; } = [];

    /// <summary>Every call met on a live path, with whether it sits in a loop.</summary>
    public List<(CallSite Call, bool InLoop)> Calls { get; } = [];

    public HashSet<string> Reads { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Writes { get; } = new(StringComparer.Ordinal);
}
