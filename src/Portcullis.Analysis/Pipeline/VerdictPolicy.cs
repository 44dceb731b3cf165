using Portcullis.Core;

namespace Portcullis.Analysis.Pipeline;

/// <summary>
/// Turns findings into allow / warn / block. Until policy-as-code exists, the default of DESIGN.md §5:
/// block critical and high findings of medium or higher confidence, warn on the rest. Suppressed
/// findings do not count; an analysis error blocks (the gate fails closed).
/// </summary>
public sealed record VerdictPolicy(Severity BlockAtSeverity, Confidence BlockAtConfidence)
{
    public static VerdictPolicy Default { get; } = new(Severity.High, Confidence.Medium);

    public bool Blocks(Finding finding) =>
        !finding.Suppressed && finding.Severity >= BlockAtSeverity && finding.Confidence >= BlockAtConfidence;

    public Verdict Decide(IEnumerable<FileScanResult> results)
    {
        var verdict = Verdict.Allow;
        foreach (var result in results)
        {
            if (result.Failed)
            {
                return Verdict.Block;
            }
            foreach (var finding in result.Findings)
            {
                if (finding.Suppressed)
                {
                    continue;
                }
                if (Blocks(finding))
                {
                    return Verdict.Block;
                }
                verdict = Verdict.Warn;
            }
        }
        return verdict;
    }
}
