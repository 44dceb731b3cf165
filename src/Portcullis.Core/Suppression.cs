namespace Portcullis.Core;

/// <summary>Why a finding does not count toward the verdict: an inline comment or a baseline entry.</summary>
public sealed record Suppression(string Kind, string Reason, DateOnly? Until);
