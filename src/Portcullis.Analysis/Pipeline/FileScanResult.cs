using Portcullis.Core;

namespace Portcullis.Analysis.Pipeline;

/// <summary>
/// The outcome for one file or snippet. <see cref="Error"/> is set when it could not be analysed
/// (too large, parse deadline, unknown language): the gate treats that as a block, never an allow.
/// </summary>
public sealed record FileScanResult(string Path, string Language, IReadOnlyList<Finding> Findings, string? Error, TimeSpan Duration)
{
    public bool Failed => Error is not null;
}
