using System.Text.RegularExpressions;
using Portcullis.Core;
using Portcullis.Secrets.Providers;
using Portcullis.Secrets.Values;

namespace Portcullis.Secrets.Detection;

/// <summary>
/// Finds provider formats in raw text: the anchor prefilter first, then each hit pattern's regex over
/// a bounded window around its anchors (overlapping windows merged), then the value checks: structure,
/// placeholder, randomness of the random part, checksum, published documentation examples.
/// </summary>
internal sealed class ProviderScanner
{
    private readonly AnchorIndex<ProviderPattern> _caseSensitive;
    private readonly AnchorIndex<ProviderPattern> _ignoreCase;
    private readonly IReadOnlyList<ProviderPattern> _patterns;

    public ProviderScanner(IReadOnlyList<ProviderPattern> patterns)
    {
        _patterns = patterns;
        _caseSensitive = new(patterns.Where(p => !p.AnchorsIgnoreCase).SelectMany(p => p.Anchors.Select(a => (a, p))), ignoreCase: false, AtAnchorAllows);
        _ignoreCase = new(patterns.Where(p => p.AnchorsIgnoreCase).SelectMany(p => p.Anchors.Select(a => (a, p))), ignoreCase: true, AtAnchorAllows);
    }

    private static bool AtAnchorAllows(ProviderPattern pattern, string text, int position) => pattern.AtAnchor?.Invoke(text, position) ?? true;

    public static ProviderScanner Default { get; } = new(ProviderCatalog.All);

    public IReadOnlyList<ProviderPattern> Patterns => _patterns;

    /// <param name="incomplete">Set when a regex ran out of time on a window (the window is skipped, not the text).</param>
    public List<SecretCandidate> Scan(string text, ref bool incomplete, CancellationToken cancellationToken = default)
    {
        var windows = new Dictionary<ProviderPattern, List<(int Start, int End)>>();
        // Occurrences that a pattern's AtAnchor look rules out were left out by the anchor index already.
        foreach (var (position, anchor, pattern) in _caseSensitive.Hits(text).Concat(_ignoreCase.Hits(text)))
        {
            var start = Math.Max(0, position - pattern.Leading);
            var end = (int)Math.Min(text.Length, (long)position + anchor.Length + pattern.TrailingReach);
            if (!windows.TryGetValue(pattern, out var list))
            {
                windows[pattern] = list = [];
            }
            if (list.Count > 0 && list[^1].End >= start)
            {
                list[^1] = (list[^1].Start, Math.Max(list[^1].End, end));
            }
            else
            {
                list.Add((start, end));
            }
        }
        var found = new List<SecretCandidate>();
        var seen = new HashSet<(string, int, int)>();
        foreach (var (pattern, list) in windows)
        {
            foreach (var (start, end) in list)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    for (var match = pattern.Regex.Match(text, start, end - start); match.Success; match = match.NextMatch())
                    {
                        if (match.Index == start && start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]))
                        {
                            continue;
                        }
                        if (Judge(pattern, match, text) is { } candidate && seen.Add((pattern.Kind, candidate.Start, candidate.End)))
                        {
                            found.Add(candidate);
                        }
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    incomplete = true;
                }
            }
        }
        return found;
    }

    private static SecretCandidate? Judge(ProviderPattern pattern, Match match, string text)
    {
        if (pattern.Accept is { } accept && !accept(match.Value))
        {
            return null;
        }
        var group = match.Groups["secret"];
        var secret = group.Success ? group : (Group)match;
        var value = secret.Value;
        if (DocumentationExamples.IsKnown(value) || DocumentationExamples.IsKnown(match.Value))
        {
            return Candidate(pattern, secret, Severity.Low, Confidence.High);
        }
        if (!pattern.Strict)
        {
            if (!FreeFormSecret.IsRealistic(value) || SameAsUser(match.Value, value))
            {
                return null;
            }
        }
        else if (pattern.JudgeRandomness)
        {
            // A format with fixed or numeric parts (a Slack token's team and user ids) names its random part.
            var random = match.Groups["random"];
            var body = random.Success ? random.Value : Body(pattern, value);
            if (LooksLikePlaceholderToken(value))
            {
                return null;
            }
            if (Randomness.ClassifyBody(body) != RandomnessClass.Random)
            {
                // The vendor's exact shape with one character repeated or an alphabet in place of the key
                // (`sk_live_AAAA…`, `AKIAZZZZ…`), or a generated key with a run of zeros typed into it, is a
                // dummy or a hand-redacted key: shown, at low severity, not blocked.
                // Masks (`xxxx`, `****`, `0000…`) and placeholder words announce themselves and pass.
                return Randomness.IsFill(body) || Randomness.IsPartlyFilled(body)
                    ? Candidate(pattern, secret, Severity.Low, Confidence.Low) with { Kind = pattern.Kind + " (filled)" }
                    : null;
            }
        }
        else if (LooksLikePlaceholderToken(value))
        {
            return null;
        }
        if (pattern.Validate is { } validate && !validate(value))
        {
            return Candidate(pattern, secret, Severity.High, Confidence.Medium);
        }
        _ = text;
        return pattern.Strict
            ? Candidate(pattern, secret, Severity.Critical, Confidence.High)
            : Candidate(pattern, secret, Severity.High, Confidence.High);
    }

    /// <summary><c>mongodb://mongodb:mongodb@…</c>: a default account whose password is its name.</summary>
    private static bool SameAsUser(string match, string password)
    {
        var schemeEnd = match.IndexOf("://", StringComparison.Ordinal);
        var colon = schemeEnd < 0 ? -1 : match.IndexOf(':', schemeEnd + 3);
        return colon > 0 && string.Equals(match[(schemeEnd + 3)..colon], password, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The random part of a token: what follows its fixed prefix (the longest anchor it starts with).</summary>
    private static string Body(ProviderPattern pattern, string value)
    {
        var prefix = pattern.AnchorsIgnoreCase ? 0 : pattern.Anchors.Where(a => value.StartsWith(a, StringComparison.Ordinal)).Select(a => a.Length).DefaultIfEmpty(0).Max();
        return value[prefix..];
    }

    /// <summary>Words that announce a documentation token (<c>sk_live_YOUR_KEY_HERE…</c>), checked on tokens with a vendor shape.</summary>
    private static bool LooksLikePlaceholderToken(string value) =>
        value.Contains("EXAMPLE", StringComparison.OrdinalIgnoreCase) || value.Contains("PLACEHOLDER", StringComparison.OrdinalIgnoreCase)
        || value.Contains("REDACTED", StringComparison.OrdinalIgnoreCase) || value.Contains("YOUR", StringComparison.Ordinal)
        || value.Contains("xxxx", StringComparison.OrdinalIgnoreCase) || value.Contains("****", StringComparison.Ordinal)
        || value.Contains("...", StringComparison.Ordinal) || value.Contains('…') || Placeholders.ContainsReference(value);

    private static SecretCandidate Candidate(ProviderPattern pattern, Capture secret, Severity severity, Confidence confidence) =>
        new(pattern.RuleId, pattern.Kind, pattern.Provider, pattern.EnvironmentName, secret.Index, secret.Index + secret.Length, secret.Value, severity, confidence, CandidateOrigin.Provider);
}
