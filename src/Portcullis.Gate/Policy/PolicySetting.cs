namespace Portcullis.Gate.Policy;

/// <summary>
/// A per-rule or per-CWE setting: findings of that rule (or carrying that CWE) get this action where
/// the scope matches. Exactly one of <see cref="RuleId"/> and <see cref="Cwe"/> is set.
/// </summary>
public sealed record PolicySetting(string? RuleId, string? Cwe, PolicyAction Action, PolicyScope Scope)
{
    public string Key => (RuleId is not null ? "rule=" + RuleId : "cwe=" + Cwe) + "|" + Scope.Key;
}
