namespace Portcullis.Gate.Policy;

/// <summary>A different blocking threshold where the scope matches (for example stricter for a payments repository).</summary>
public sealed record PolicyScopeOverride(PolicyScope Scope, PolicyThreshold Block);
