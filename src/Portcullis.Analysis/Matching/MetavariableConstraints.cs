using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Matching;

/// <summary>Checks a <c>where</c> clause against the code a metavariable bound.</summary>
internal static class MetavariableConstraints
{
    public static bool Hold(CompiledWhere where, Bindings bindings, SyntaxTree tree)
    {
        if (bindings.Find(where.Metavariable) is not { } bound)
        {
            return false;
        }
        var text = tree.Source.Slice(bound.StartByte, bound.EndByte);
        var constraint = where.Constraint;
        var node = bound.Node;
        var wholeNode = node.StartByte == bound.StartByte && node.EndByte == bound.EndByte;
        if (where.Regex is { } regex && !Matches(regex, text))
        {
            return false;
        }
        if (where.NotRegex is { } notRegex && Matches(notRegex, text))
        {
            return false;
        }
        if (constraint.Kinds.Count > 0 && !(wholeNode && constraint.Kinds.Contains(node.Kind)))
        {
            return false;
        }
        if (constraint.NotKinds.Count > 0 && wholeNode && constraint.NotKinds.Contains(node.Kind))
        {
            return false;
        }
        if (constraint.Constant is { } constant && (wholeNode && CodeFacts.IsConstant(node)) != constant)
        {
            return false;
        }
        if (constraint.DynamicString is { } dynamic && (wholeNode && CodeFacts.IsDynamicString(node)) != dynamic)
        {
            return false;
        }
        return true;
    }

    private static bool Matches(Regex regex, string text)
    {
        // Constraints mostly test short names (a method, an algorithm) that repeat across a codebase.
        if (text.Length <= 64 && Cache.TryGetValue((regex, text), out var cached))
        {
            return cached;
        }
        bool result;
        try
        {
            result = regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A constraint that cannot be decided in time counts as holding: the gate errs toward reporting.
            return true;
        }
        if (text.Length <= 64 && Cache.Count < MaxCacheEntries)
        {
            Cache.TryAdd((regex, text), result);
        }
        return result;
    }

    private const int MaxCacheEntries = 50_000;
    private static readonly ConcurrentDictionary<(Regex, string), bool> Cache = new();
}
