using MethodImplAttribute = System.Runtime.CompilerServices.MethodImplAttribute;
using MethodImplOptions = System.Runtime.CompilerServices.MethodImplOptions;
using Portcullis.Solidity.Model;

namespace Portcullis.Solidity.Flow;

/// <summary>
/// What is known at one point of a function along the paths that reach it: the state variables read so
/// far, and the external calls made so far with the variables read before each of them. Branches work on
/// copies that are merged (union) where the paths join: a fact holds when it holds on some path.
/// </summary>
internal sealed class FlowState
{
    public bool Dead { get; set; }

    /// <summary>Dead because of a revert (require, revert, throw), not a return: nothing after it runs.</summary>
    public bool Reverted { get; set; }

    public HashSet<string> Reads { get; private init; } = new(StringComparer.Ordinal);

    /// <summary>State variables written so far (a lock set before a call is reset after it).</summary>
    public HashSet<string> Writes { get; private init; } = new(StringComparer.Ordinal);

    public Dictionary<int, (CallSite Call, HashSet<string> ReadsBefore)> Calls { get; private init; } = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public FlowState Clone() => new()
    {
        Dead = Dead,
        Reverted = Reverted,
        Reads = new HashSet<string>(Reads, StringComparer.Ordinal),
        Writes = new HashSet<string>(Writes, StringComparer.Ordinal),
        Calls = Calls.ToDictionary(kv => kv.Key, kv => (kv.Value.Call, new HashSet<string>(kv.Value.ReadsBefore, StringComparer.Ordinal))),
    };

    /// <summary>Joins the paths of <paramref name="states"/> into one state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FlowState Merge(IEnumerable<FlowState> states)
    {
        var merged = new FlowState { Dead = true, Reverted = true };
        foreach (var state in states)
        {
            if (state.Dead)
            {
                merged.Reverted &= state.Reverted;
                continue;
            }
            merged.Dead = false;
            merged.Reverted = false;
            merged.Reads.UnionWith(state.Reads);
            merged.Writes.UnionWith(state.Writes);
            foreach (var (key, (call, reads)) in state.Calls)
            {
                if (merged.Calls.TryGetValue(key, out var existing))
                {
                    existing.ReadsBefore.UnionWith(reads);
                }
                else
                {
                    merged.Calls[key] = (call, new HashSet<string>(reads, StringComparer.Ordinal));
                }
            }
        }
        return merged;
    }

    /// <summary>Replaces this state's content with <paramref name="other"/>'s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Assign(FlowState other)
    {
        Dead = other.Dead;
        Reverted = other.Reverted;
        Reads.Clear();
        Reads.UnionWith(other.Reads);
        Writes.Clear();
        Writes.UnionWith(other.Writes);
        Calls.Clear();
        foreach (var (key, value) in other.Calls)
        {
            Calls[key] = value;
        }
    }
}
