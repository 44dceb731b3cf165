using Portcullis.Core;

namespace Portcullis.Secrets.Detection;

/// <summary>How a candidate was found, which also decides which one wins when two overlap.</summary>
internal enum CandidateOrigin
{
    /// <summary>A provider's exact format in the raw text.</summary>
    Provider = 0,

    /// <summary>A provider's format after joining concatenated literals or decoding base64 / hex / URL encoding.</summary>
    Folded = 1,

    /// <summary>A value assigned to something named like a secret.</summary>
    Generic = 2,
}

/// <summary>
/// A credential found in a text. <see cref="Start"/>..<see cref="End"/> are UTF-16 indexes of the
/// secret (or of the literal that encodes it) in the scanned text; <see cref="Value"/> is the clear
/// value, kept only in memory so it can be masked.
/// </summary>
/// <param name="Name">The variable, key or argument the value is assigned to, when known.</param>
internal sealed record SecretCandidate(
    string RuleId,
    string Kind,
    string Provider,
    string EnvironmentName,
    int Start,
    int End,
    string Value,
    Severity Severity,
    Confidence Confidence,
    CandidateOrigin Origin,
    string? Name = null)
{
    public bool Overlaps(SecretCandidate other) => Start < other.End && other.Start < End;
}
