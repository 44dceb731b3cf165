using Portcullis.Core;
using Portcullis.Gate.Policy;

namespace Portcullis.Gate.Scanning;

/// <summary>A finding with what policy did with it, and the approved override that let it through, if any.</summary>
public sealed record DecidedFinding(Finding Finding, PolicyAction Action, string? OverrideId);
