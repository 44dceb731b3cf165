using System.Buffers;

namespace Portcullis.Secrets.Detection;

/// <summary>
/// The keyword prefilter: every literal anchor of a set of detectors in one vectorised multi-string
/// search (<see cref="SearchValues{T}"/> of strings: Aho-Corasick / Teddy), so the regexes run only on
/// short windows around a hit and text with no anchor costs one pass.
/// </summary>
/// <typeparam name="T">What an anchor stands for (a provider pattern, a keyword).</typeparam>
internal sealed class AnchorIndex<T>
{
    private readonly SearchValues<string>? _values;
    private readonly Dictionary<char, (string Anchor, T Target)[]> _byFirst;
    private readonly StringComparison _comparison;

    public AnchorIndex(IEnumerable<(string Anchor, T Target)> anchors, bool ignoreCase)
    {
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var all = anchors.ToArray();
        _values = all.Length == 0 ? null : SearchValues.Create(all.Select(a => a.Anchor).Distinct(StringComparer.Ordinal).ToArray(), _comparison);
        _byFirst = all
            .SelectMany(a => ignoreCase ? new[] { (char.ToLowerInvariant(a.Anchor[0]), a), (char.ToUpperInvariant(a.Anchor[0]), a) }.Distinct() : [(a.Anchor[0], a)])
            .GroupBy(x => x.Item1)
            .ToDictionary(g => g.Key, g => g.Select(x => x.a).ToArray());
    }

    /// <summary>Every (position, target) where an anchor occurs in the text.</summary>
    public IEnumerable<(int Position, string Anchor, T Target)> Hits(string text)
    {
        if (_values is null)
        {
            yield break;
        }
        var position = 0;
        while (position < text.Length)
        {
            var offset = text.AsSpan(position).IndexOfAny(_values);
            if (offset < 0)
            {
                yield break;
            }
            var at = position + offset;
            if (_byFirst.TryGetValue(text[at], out var candidates))
            {
                foreach (var (anchor, target) in candidates)
                {
                    if (text.AsSpan(at).StartsWith(anchor, _comparison))
                    {
                        yield return (at, anchor, target);
                    }
                }
            }
            position = at + 1;
        }
    }
}
