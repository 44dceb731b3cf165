using Portcullis.Analysis.Pipeline;
using Portcullis.Gate.Policy;
using Portcullis.Syntax;

namespace Portcullis.Gate.Scanning;

/// <summary>
/// What the policy makes of one scanned file, before overrides: protected paths (for an agent's
/// writes), unknown languages, a scan that failed, and the action on each finding the submission adds.
/// The service's scanner and the in-process Claude hook both decide through this, so one policy
/// document means the same thing wherever the code is checked.
/// </summary>
public static class PolicyEvaluation
{
    public static FileEvaluation Evaluate(GatePolicy policy, Submission submission, FileScanResult result, IReadOnlySet<string> existing, bool writtenByAgent, string? repository, string? agentId)
    {
        var reasons = new List<string>();
        var blocked = false;
        var warned = false;
        if (writtenByAgent && policy.ProtectedPathMatching(submission.Path) is { } pattern)
        {
            reasons.Add($"{submission.Path} is a protected path ('{pattern.Pattern}' in policy {policy.Version}): an agent may never write it");
            blocked = true;
        }
        if (submission.Language is null && LanguageDetector.Detect(submission.Path, submission.Content) is null)
        {
            switch (policy.UnknownLanguage)
            {
                case PolicyAction.Block:
                    reasons.Add($"{submission.Path}: the language is unknown and policy {policy.Version} blocks unknown languages; give a 'language'");
                    blocked = true;
                    break;
                case PolicyAction.Warn:
                    reasons.Add($"{submission.Path}: the language is unknown; only language-independent checks ran");
                    warned = true;
                    break;
            }
        }
        if (result.Failed)
        {
            reasons.Add(result.Error!);
            return new FileEvaluation([], reasons, Blocked: true, warned);
        }
        var context = new SubmissionContext(submission.Path, result.Language, repository, agentId);
        var decided = result.Findings
            .Where(f => !f.Suppressed && !existing.Contains(f.Fingerprint))
            .Select(f => new DecidedFinding(f, policy.ActionFor(f, context), null))
            .ToList();
        return new FileEvaluation(decided, reasons, blocked, warned);
    }
}

/// <summary>
/// One file's evaluation: the findings it adds with their actions, and the reasons that block or warn
/// whatever the findings are (<see cref="Blocked"/> and <see cref="Warned"/> do not count the findings).
/// </summary>
public sealed record FileEvaluation(IReadOnlyList<DecidedFinding> Findings, IReadOnlyList<string> Reasons, bool Blocked, bool Warned);
