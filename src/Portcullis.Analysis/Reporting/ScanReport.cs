using Portcullis.Analysis.Pipeline;
using Portcullis.Core;

namespace Portcullis.Analysis.Reporting;

/// <summary>Everything one scan produced: per-file results, the verdict, and the rules that could fire.</summary>
public sealed record ScanReport(IReadOnlyList<FileScanResult> Files, Verdict Verdict, IReadOnlyList<RuleDescriptor> Rules)
{
    public IEnumerable<Finding> Findings => Files.SelectMany(f => f.Findings);

    public IEnumerable<FileScanResult> Errors => Files.Where(f => f.Failed);
}
