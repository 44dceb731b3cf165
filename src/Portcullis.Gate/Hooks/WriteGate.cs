using System.Text;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Gate.Hooks;

/// <summary>
/// Decides on one proposed write: scans the post-image, keeps the findings the edit adds (a finding
/// whose fingerprint was already in the file is not the agent's doing), and denies when one of them
/// blocks. The reason names each finding and shows its verified fix, so the agent can correct itself.
/// </summary>
public sealed class WriteGate(ScanEngine engine, VerdictPolicy policy)
{
    public HookDecision Decide(ProposedWrite write)
    {
        var language = write.LanguageHint ?? LanguageDetector.Detect(write.Path, write.After) ?? LanguageIds.Text;
        var after = engine.Scan(new SourceText(write.Path, language, write.After));
        if (after.Failed)
        {
            return new HookDecision(false, $"Portcullis could not check {write.Path}: {after.Error}", []);
        }
        var existing = write.Before.Length == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : engine.Scan(new SourceText(write.Path, language, write.Before), verifyFixes: false).Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var added = after.Findings.Where(f => !f.Suppressed && !existing.Contains(f.Fingerprint)).ToList();
        var blocking = added.Where(policy.Blocks).ToList();
        if (blocking.Count == 0)
        {
            var note = added.Count == 0 ? "no new findings" : $"{added.Count} finding(s) below the blocking threshold";
            return new HookDecision(true, $"Portcullis: {write.Path}: allowed ({note})", added);
        }
        return new HookDecision(false, DenyReason(write.Path, blocking), added);
    }

    /// <summary>The reason the agent reads: each blocking finding and its verified fix, as a diff.</summary>
    public static string DenyReason(string path, IReadOnlyList<Finding> blocking)
    {
        var text = new StringBuilder();
        text.Append("Portcullis blocked this write to ").Append(path).Append(": ")
            .Append(blocking.Count).Append(blocking.Count == 1 ? " security finding" : " security findings").Append(".\n");
        foreach (var finding in blocking)
        {
            text.Append("\n- line ").Append(finding.Span.StartLine).Append(": ").Append(finding.RuleId)
                .Append(" (").Append(string.Join(", ", finding.Taxonomy.Cwe.Concat(finding.Taxonomy.Swc))).Append(", ")
                .Append(finding.Severity.ToString().ToLowerInvariant()).Append(")\n  ").Append(finding.Message).Append('\n');
            if (finding.Fix is { Verified: true } fix)
            {
                text.Append("  Verified fix (").Append(fix.Description).Append("):\n");
                foreach (var line in fix.Diff.TrimEnd('\n').Split('\n').Skip(2))
                {
                    text.Append("    ").Append(line).Append('\n');
                }
            }
        }
        text.Append("\nRewrite the code without these patterns and try again.");
        return text.ToString();
    }
}
