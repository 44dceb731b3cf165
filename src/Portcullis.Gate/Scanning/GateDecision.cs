using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Gate.Policy;
using Portcullis.Gate.Recording;

namespace Portcullis.Gate.Scanning;

/// <summary>
/// The gate's answer to one scan: the verdict, why, the findings with their actions, the policy that
/// decided and the receipt of the decision-log entry (null when recording failed, which blocks).
/// </summary>
public sealed record GateDecision(
    Verdict Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<FileScanResult> Files,
    IReadOnlyList<DecidedFinding> Findings,
    GatePolicy Policy,
    LogReceipt? Receipt,
    string SampleId)
{
    public bool Recorded => Receipt is not null;
}
