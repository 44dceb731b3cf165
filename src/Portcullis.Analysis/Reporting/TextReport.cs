using System.Text;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;

namespace Portcullis.Analysis.Reporting;

/// <summary>The human-readable report: one block per finding, with the verified fix as a diff.</summary>
public static class TextReport
{
    public static string Render(ScanReport report, VerdictPolicy policy)
    {
        var text = new StringBuilder();
        foreach (var finding in report.Findings)
        {
            var action = finding.Suppressed ? "suppressed" : policy.Blocks(finding) ? "BLOCK" : "warn";
            text.Append(finding.Path).Append(':').Append(finding.Span.StartLine).Append(':').Append(finding.Span.StartColumn)
                .Append(": ").Append(action).Append(' ').Append(finding.Severity.ToString().ToLowerInvariant())
                .Append(" [").Append(finding.RuleId).Append(']');
            var tags = finding.Taxonomy.Cwe.Concat(finding.Taxonomy.Owasp).Concat(finding.Taxonomy.Swc).ToArray();
            if (tags.Length > 0)
            {
                text.Append(" (").Append(string.Join(", ", tags)).Append(')');
            }
            text.Append('\n').Append("  ").Append(finding.Message).Append('\n');
            text.Append("  > ").Append(FirstLine(finding.Snippet)).Append('\n');
            if (finding.Suppression is { } suppression)
            {
                text.Append("  suppressed: ").Append(suppression.Reason).Append('\n');
            }
            if (finding.Fix is { } fix)
            {
                text.Append("  fix (verified): ").Append(fix.Description).Append('\n');
                foreach (var line in fix.Diff.TrimEnd('\n').Split('\n'))
                {
                    text.Append("    ").Append(line).Append('\n');
                }
            }
            text.Append('\n');
        }
        foreach (var error in report.Errors)
        {
            text.Append("error: ").Append(error.Error).Append('\n');
        }
        var counts = report.Findings.Where(f => !f.Suppressed).GroupBy(f => f.Severity).OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        var suppressed = report.Findings.Count(f => f.Suppressed);
        text.Append("verdict: ").Append(JsonReport.VerdictName(report.Verdict)).Append(" — ")
            .Append(report.Files.Count).Append(report.Files.Count == 1 ? " file, " : " files, ")
            .Append(report.Findings.Count(f => !f.Suppressed)).Append(" findings");
        var summary = string.Join(", ", counts);
        if (summary.Length > 0)
        {
            text.Append(" (").Append(summary).Append(')');
        }
        if (suppressed > 0)
        {
            text.Append(", ").Append(suppressed).Append(" suppressed");
        }
        if (report.Errors.Any())
        {
            text.Append(", ").Append(report.Errors.Count()).Append(" errors");
        }
        return text.Append('\n').ToString();
    }

    private static string FirstLine(string snippet)
    {
        var line = snippet.Split('\n')[0].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
