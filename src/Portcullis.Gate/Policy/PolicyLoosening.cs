namespace Portcullis.Gate.Policy;

/// <summary>
/// Finds what a new policy would let through that the current one blocks. Any such change needs a
/// second admin's approval. The comparison is conservative: a change it cannot prove is not looser
/// (a scope or setting with a different 'when', a removed protected path) counts as loosening.
/// </summary>
public static class PolicyLoosening
{
    public static IReadOnlyList<string> Reasons(GatePolicy current, GatePolicy proposed)
    {
        var reasons = new List<string>();
        if (!proposed.Block.IsAtLeastAsStrictAs(current.Block))
        {
            reasons.Add($"the blocking threshold rises from {Describe(current.Block)} to {Describe(proposed.Block)}");
        }
        if (proposed.UnknownLanguage < current.UnknownLanguage)
        {
            reasons.Add($"unknown languages change from {current.UnknownLanguage} to {proposed.UnknownLanguage}");
        }
        var kept = proposed.ProtectedPaths.Select(p => p.Pattern).ToHashSet(StringComparer.OrdinalIgnoreCase);
        reasons.AddRange(current.ProtectedPaths.Where(p => !kept.Contains(p.Pattern)).Select(p => $"protected path '{p.Pattern}' is removed"));

        var oldSettings = current.Settings.GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Action, StringComparer.Ordinal);
        var newSettings = proposed.Settings.GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Action, StringComparer.Ordinal);
        foreach (var (key, action) in newSettings.Where(s => s.Value != PolicyAction.Block))
        {
            // A setting below block can only let through what thresholds would block, unless the same
            // setting already said the same or less.
            if (!oldSettings.TryGetValue(key, out var before) || before > action)
            {
                reasons.Add($"setting {key} becomes {action.ToString().ToLowerInvariant()}");
            }
        }
        reasons.AddRange(oldSettings.Where(s => s.Value == PolicyAction.Block && !newSettings.ContainsKey(s.Key)).Select(s => $"blocking setting {s.Key} is removed"));

        var oldScopes = current.Scopes.GroupBy(s => s.Scope.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Block, StringComparer.Ordinal);
        var newScopes = proposed.Scopes.GroupBy(s => s.Scope.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Block, StringComparer.Ordinal);
        foreach (var (key, block) in newScopes)
        {
            // A new scope may shadow an old one for the paths they share, so it must be as strict as any.
            var references = oldScopes.TryGetValue(key, out var before) ? [before] : oldScopes.Values.Append(current.Block).ToList();
            if (!references.All(block.IsAtLeastAsStrictAs))
            {
                reasons.Add($"scope {key} blocks only at {Describe(block)}");
            }
        }
        foreach (var (key, block) in oldScopes.Where(s => !newScopes.ContainsKey(s.Key)))
        {
            if (!proposed.Block.IsAtLeastAsStrictAs(block))
            {
                reasons.Add($"stricter scope {key} is removed");
            }
        }
        if (!current.Scopes.Select(s => s.Scope.Key).Where(newScopes.ContainsKey).SequenceEqual(proposed.Scopes.Select(s => s.Scope.Key).Where(oldScopes.ContainsKey), StringComparer.Ordinal))
        {
            // The first matching scope wins, so reordering can change which threshold applies.
            reasons.Add("scopes are reordered");
        }
        return reasons;
    }

    private static string Describe(PolicyThreshold threshold) =>
        $"{threshold.Severity.ToString().ToLowerInvariant()}/{threshold.Confidence.ToString().ToLowerInvariant()} confidence";
}
