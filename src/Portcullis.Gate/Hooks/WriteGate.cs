using System.Text;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Gate.Policy;
using Portcullis.Gate.Scanning;
using Portcullis.Syntax;

namespace Portcullis.Gate.Hooks;

/// <summary>
/// Decides on one proposed write in-process, with the gate's YAML policy and the same evaluation as the
/// service (<see cref="PolicyEvaluation"/>): protected paths an agent may never write, unknown languages,
/// thresholds, per-rule / per-CWE settings and scopes. Only the findings the edit adds count (a finding
/// whose fingerprint was already in the file is not the agent's doing). The reason names each blocking
/// finding and shows its verified fix, so the agent can correct itself.
/// </summary>
public sealed class WriteGate(ScanEngine engine, GatePolicy policy, string? repository = null, string agentId = "claude-code")
{
    public HookDecision Decide(ProposedWrite write)
    {
        var language = write.LanguageHint ?? LanguageDetector.Detect(write.Path, write.After) ?? LanguageIds.Text;
        var after = engine.Scan(new SourceText(write.Path, language, write.After));
        var existing = write.Before.Length == 0 || after.Failed
            ? new HashSet<string>(StringComparer.Ordinal)
            : engine.Scan(new SourceText(write.Path, language, write.Before), verifyFixes: false).Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var submission = new Submission(write.Path, write.LanguageHint, write.After, write.Before);
        var evaluation = PolicyEvaluation.Evaluate(policy, submission, after, existing, writtenByAgent: true, repository, agentId);
        var added = evaluation.Findings.Select(d => d.Finding).ToList();
        var blocking = evaluation.Findings.Where(d => d.Action == PolicyAction.Block).Select(d => d.Finding).ToList();
        if (!evaluation.Blocked && blocking.Count == 0)
        {
            var note = added.Count == 0 ? "no new findings" : $"{added.Count} finding(s) below the blocking threshold";
            return new HookDecision(true, $"Portcullis: {write.Path}: allowed by policy {policy.Version} ({note})", added);
        }
        return new HookDecision(false, DenyReason(write.Path, blocking, evaluation.Reasons), added);
    }

    /// <summary>The reason the agent reads: each blocking finding and its verified fix, then any other reason (protected path, unknown language, failed scan).</summary>
    public static string DenyReason(string path, IReadOnlyList<Finding> blocking, IReadOnlyList<string> otherReasons)
    {
        var text = new StringBuilder(blocking.Count > 0 ? DenyReason(path, blocking) : $"Portcullis blocked this write to {path}.");
        if (otherReasons.Count > 0)
        {
            text.Append(blocking.Count > 0 ? "\n\nAlso:" : "").Append("\n- ").AppendJoin("\n- ", otherReasons);
        }
        return text.ToString();
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
