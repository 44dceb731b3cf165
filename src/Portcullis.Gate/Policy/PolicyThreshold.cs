using Portcullis.Core;

namespace Portcullis.Gate.Policy;

/// <summary>A finding at or above both the severity and the confidence meets the threshold.</summary>
public sealed record PolicyThreshold(Severity Severity, Confidence Confidence)
{
    public bool IsMetBy(Finding finding) => finding.Severity >= Severity && finding.Confidence >= Confidence;

    /// <summary>True when this threshold is met by every finding that meets <paramref name="other"/>.</summary>
    public bool IsAtLeastAsStrictAs(PolicyThreshold other) => Severity <= other.Severity && Confidence <= other.Confidence;
}
