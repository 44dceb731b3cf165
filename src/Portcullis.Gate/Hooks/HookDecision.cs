using Portcullis.Core;

namespace Portcullis.Gate.Hooks;

/// <summary>What the gate tells the agent: allow or deny, why, and the findings the edit would add.</summary>
public sealed record HookDecision(bool Allowed, string Reason, IReadOnlyList<Finding> NewFindings);
