using System.Collections.Immutable;

namespace Portcullis.Analysis.Dataflow;

/// <summary>Where a value's taint comes from. Ordered: a larger value is worse.</summary>
internal enum TaintOrigin
{
    /// <summary>Not influenced by outside input.</summary>
    None = 0,

    /// <summary>A parameter of a function whose callers are not visible: untrusted, origin unknown.</summary>
    Parameter = 1,

    /// <summary>A known source of untrusted input (a request parameter, argv, a socket...).</summary>
    Source = 2,
}

/// <summary>
/// The abstract value of an expression: its taint, its constant value when the code fixes it (for
/// branch pruning), and, for lists and maps built in the function, the values of their elements, so
/// that a safe element taken out of a list that also holds input is still safe.
/// </summary>
internal sealed record TaintValue(TaintOrigin Origin, string? Constant = null, ImmutableList<TaintValue>? Elements = null, ImmutableDictionary<string, TaintValue>? Entries = null)
{
    public static readonly TaintValue Clean = new(TaintOrigin.None);

    public static readonly TaintValue FromSource = new(TaintOrigin.Source);

    public static readonly TaintValue FromParameter = new(TaintOrigin.Parameter);

    public bool Tainted => Origin != TaintOrigin.None;

    public static TaintValue Const(string value) => new(TaintOrigin.None, value);

    /// <summary>The taint of a value built from both (constants are not carried over).</summary>
    public static TaintValue Join(TaintValue a, TaintValue b) =>
        a.Origin >= b.Origin ? (a.Constant is null && a.Elements is null && a.Entries is null ? a : new TaintValue(a.Origin)) : new TaintValue(b.Origin);

    public static TaintValue Join(IEnumerable<TaintValue> values) => values.Aggregate(Clean, Join);

    /// <summary>The taint of the container as a whole: the worst of its own and its elements'.</summary>
    public TaintValue Flattened()
    {
        var origin = Origin;
        foreach (var element in (IEnumerable<TaintValue>?)Elements ?? [])
        {
            origin = (TaintOrigin)Math.Max((int)origin, (int)element.Flattened().Origin);
        }
        foreach (var entry in (IEnumerable<TaintValue>?)Entries?.Values ?? [])
        {
            origin = (TaintOrigin)Math.Max((int)origin, (int)entry.Flattened().Origin);
        }
        return origin == Origin && Elements is null && Entries is null ? this : new TaintValue(origin);
    }

    /// <summary>The value after either of two branches ran.</summary>
    public static TaintValue Merge(TaintValue a, TaintValue b)
    {
        if (ReferenceEquals(a, b) || a == b)
        {
            return a;
        }
        var joined = Join(a.Flattened(), b.Flattened());
        return a.Constant is not null && a.Constant == b.Constant ? joined with { Constant = a.Constant } : joined;
    }
}
