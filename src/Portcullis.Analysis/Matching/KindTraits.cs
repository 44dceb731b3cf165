using System.Runtime.CompilerServices;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Matching;

/// <summary>What a node kind's name says about it, worked out once per grammar instead of per node.</summary>
[Flags]
internal enum KindTrait : byte
{
    None = 0,
    /// <summary>A literal or part of one (string, number, escape...).</summary>
    Literal = 1,
    /// <summary>Names a value that is not fixed in the code (identifier, call, member access...).</summary>
    NonConstant = 2,
    /// <summary>A whole string literal (not its content fragment).</summary>
    String = 4,
    /// <summary>A binary or concatenation expression.</summary>
    Binary = 8,
    /// <summary>A call, invocation or macro.</summary>
    Call = 16,
}

internal static class KindTraits
{
    private static readonly ConditionalWeakTable<Grammar, KindTrait[]> Tables = [];

    private static readonly string[] NonConstantKindWords =
    [
        "identifier", "interpolation", "substitution", "variable", "call", "invocation", "attribute", "member",
        "field", "subscript", "selector", "index", "name", "this", "self", "await", "lambda", "function",
    ];

    public static KindTrait Of(SyntaxNode node)
    {
        var table = Tables.GetValue(node.Tree.Grammar, Build);
        return node.KindId < table.Length ? table[node.KindId] : KindTrait.None;
    }

    private static KindTrait[] Build(Grammar grammar)
    {
        var table = new KindTrait[grammar.KindCount];
        for (ushort kind = 0; kind < table.Length; kind++)
        {
            table[kind] = Classify(grammar.KindName(kind));
        }
        return table;
    }

    private static KindTrait Classify(string kind)
    {
        var traits = KindTrait.None;
        if (kind.Contains("string", StringComparison.Ordinal) || kind.Contains("literal", StringComparison.Ordinal) || kind.Contains("escape", StringComparison.Ordinal))
        {
            traits |= KindTrait.Literal;
        }
        else if (NonConstantKindWords.Any(word => kind.Contains(word, StringComparison.Ordinal)))
        {
            traits |= KindTrait.NonConstant;
        }
        if ((kind.Contains("string", StringComparison.Ordinal) && !kind.Contains("content", StringComparison.Ordinal) && !kind.Contains("fragment", StringComparison.Ordinal))
            || kind is "template_string" or "encapsed_string" or "heredoc")
        {
            traits |= KindTrait.String;
        }
        if (kind.Contains("binary", StringComparison.Ordinal) || kind.Contains("additive", StringComparison.Ordinal) || kind.Contains("concatenat", StringComparison.Ordinal) || kind is "augmented_assignment" or "assignment_expression")
        {
            traits |= KindTrait.Binary;
        }
        if (kind.Contains("call", StringComparison.Ordinal) || kind.Contains("invocation", StringComparison.Ordinal) || kind.Contains("macro", StringComparison.Ordinal))
        {
            traits |= KindTrait.Call;
        }
        return traits;
    }
}
