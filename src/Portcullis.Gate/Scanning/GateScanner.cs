using System.Collections.Immutable;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Gate.Hosting;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Metrics;
using Portcullis.Gate.Overrides;
using Portcullis.Gate.Policy;
using Portcullis.Gate.Recording;
using Portcullis.Ledger.Entries;
using Portcullis.Syntax;

namespace Portcullis.Gate.Scanning;

/// <summary>
/// Decides one submission: scans within the deadline of its kind, applies the active policy (protected
/// paths, unknown languages, thresholds, settings) and approved overrides, records the decision in the
/// decision log and the JSON journal. It fails closed: past the deadline, on an engine error, or when
/// the decision cannot be recorded, the verdict is block with the reason.
/// </summary>
public sealed class GateScanner(
    ScanEngine engine,
    PolicyStore policies,
    OverrideService overrides,
    IDecisionLog log,
    DecisionJournal journal,
    GateMetrics metrics,
    GateOptions options,
    TimeProvider time)
{
    // FIFO (SemaphoreSlim queues async waiters in order): under load a request waits behind those that
    // came before it instead of sharing the cores with all of them, so the slowest answers stay close to
    // the typical one. Only the scan takes a slot; the ledger append waits for the disk, not a core.
    private readonly SemaphoreSlim _scanSlots = new(Math.Max(1, options.ScanConcurrency));

    public async Task<GateDecision> DecideAsync(IReadOnlyList<Submission> submissions, SubmissionInfo info, AccessToken caller, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var reasons = new List<string>();
        var blocked = false;
        GatePolicy policy;
        try
        {
            policy = policies.Current;
        }
        catch (Exception e) when (e is DbException or PolicyException or InvalidOperationException)
        {
            policy = GatePolicy.Default;
            reasons.Add($"the active policy could not be read ({e.Message}); nothing passes until it can");
            blocked = true;
        }

        var scanned = blocked ? [] : await ScanWithinDeadline(submissions, info, reasons, cancellationToken).ConfigureAwait(false);
        blocked |= scanned is null;
        var decided = new List<DecidedFinding>();
        var warned = false;
        foreach (var (submission, result, existing) in scanned ?? [])
        {
            var evaluation = PolicyEvaluation.Evaluate(policy, submission, result, existing, caller.Role == Role.Agent, info.Repository, info.AgentId);
            reasons.AddRange(evaluation.Reasons);
            blocked |= evaluation.Blocked;
            warned |= evaluation.Warned;
            decided.AddRange(evaluation.Findings);
        }

        var blocking = decided.Where(d => d.Action == PolicyAction.Block).Select(d => d.Finding.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var approved = blocking.Count == 0 ? new Dictionary<string, Override>() : ActiveOverrides(blocking, info.Repository, reasons, ref blocked);
        for (var i = 0; i < decided.Count; i++)
        {
            var (finding, action, _) = decided[i];
            if (action == PolicyAction.Block && approved.TryGetValue(finding.Fingerprint, out var grant))
            {
                decided[i] = decided[i] with { OverrideId = grant.Id };
                reasons.Add($"line {finding.Span.StartLine}: {finding.RuleId} is allowed by override {grant.Id} ({grant.Reason}; requested by {grant.RequestedBy}{(grant.ApprovedBy is null ? "" : $", approved by {grant.ApprovedBy}")}, until {GateStore(grant.ExpiresAt)})");
                metrics.RecordOverride("applied");
                warned = true;
            }
            else if (action == PolicyAction.Block)
            {
                reasons.Add($"line {finding.Span.StartLine}: {finding.RuleId} ({string.Join(", ", finding.Taxonomy.Cwe.Concat(finding.Taxonomy.Swc))}, {Lower(finding.Severity)}/{Lower(finding.Confidence)} confidence) in {finding.Path}: {finding.Message}");
                blocked = true;
            }
            else if (action == PolicyAction.Warn)
            {
                warned = true;
            }
        }

        var verdict = blocked ? Verdict.Block : warned ? Verdict.Warn : Verdict.Allow;
        var sampleId = SampleId(submissions);
        var loggedFindings = decided.Select(d => DecisionFinding.From(d.Finding) with
        {
            Action = d.OverrideId is null ? Lower(d.Action) : "overridden",
            OverrideId = d.OverrideId,
        }).ToImmutableArray();
        var entry = new ScanDecision(caller.Id, sampleId, verdict, loggedFindings.Any(f => f.FixOffered), loggedFindings, info.AgentId, info.Repository,
            policy.Version.ToString(CultureInfo.InvariantCulture), info.Kind, info.AgentModel, info.TaskId, info.Ref, policy.Digest, [.. reasons]);
        LogReceipt? receipt = null;
        string? recordingError = null;
        try
        {
            receipt = await log.AppendAsync(entry).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never let a decision stand that the ledger did not record.
            recordingError = $"the decision could not be recorded in the ledger ({e.GetType().Name}: {e.Message}), so it blocks";
            reasons.Add(recordingError);
            verdict = Verdict.Block;
        }
        journal.Write(entry with { Action = verdict, Reasons = [.. reasons] }, receipt, recordingError);
        RememberBlocked(decided.Where(d => d.Action == PolicyAction.Block && d.OverrideId is null), info.Repository);

        var files = (scanned ?? []).Select(s => s.Result).ToList();
        metrics.RecordScan(info.Kind, verdict, decided.Select(d => d.Finding), Stopwatch.GetElapsedTime(started));
        return new GateDecision(verdict, reasons, files, decided, policy, receipt, sampleId);
    }

    private async Task<List<(Submission Submission, FileScanResult Result, HashSet<string> Existing)>?> ScanWithinDeadline(
        IReadOnlyList<Submission> submissions, SubmissionInfo info, List<string> reasons, CancellationToken cancellationToken)
    {
        var deadline = options.DeadlineFor(info.Kind);
        var asked = time.GetTimestamp();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancel.CancelAfter(deadline);
        try
        {
            // The wait for a slot counts against the deadline: the caller's clock runs from the request.
            await _scanSlots.WaitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reasons.Add(DeadlineReason(info.Kind, deadline));
            return null;
        }
        var work = Task.Run(() => submissions.Select(s => Scan(s, cancel.Token)).ToList(), CancellationToken.None);
        // The slot is free when the scan has stopped, not when the answer gave up on it: a scan that runs
        // past its deadline still holds a core.
        _ = work.ContinueWith(_ => _scanSlots.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            // WaitAsync answers at the deadline even if an analyzer does not notice the cancellation.
            var remaining = deadline - time.GetElapsedTime(asked);
            var results = await work.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time, cancellationToken).ConfigureAwait(false);
            if (cancel.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                reasons.Add(DeadlineReason(info.Kind, deadline));
                return null;
            }
            return results;
        }
        catch (TimeoutException)
        {
            reasons.Add(DeadlineReason(info.Kind, deadline));
            return null;
        }
    }

    private (Submission, FileScanResult, HashSet<string>) Scan(Submission submission, CancellationToken cancellationToken)
    {
        var language = submission.Language ?? LanguageDetector.Detect(submission.Path, submission.Content) ?? LanguageIds.Text;
        var result = engine.Scan(new SourceText(submission.Path, language, submission.Content), verifyFixes: true, cancellationToken);
        var existing = string.IsNullOrEmpty(submission.Before)
            ? new HashSet<string>(StringComparer.Ordinal)
            : engine.Scan(new SourceText(submission.Path, language, submission.Before), verifyFixes: false, cancellationToken).Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        return (submission, result, existing);
    }

    private Dictionary<string, Override> ActiveOverrides(HashSet<string> fingerprints, string? repository, List<string> reasons, ref bool blocked)
    {
        try
        {
            return overrides.ActiveFor(fingerprints, repository).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }
        catch (DbException e)
        {
            reasons.Add($"overrides could not be read ({e.Message}); blocking findings stay blocked");
            blocked = true;
            return [];
        }
    }

    private void RememberBlocked(IEnumerable<DecidedFinding> blocking, string? repository)
    {
        foreach (var decided in blocking)
        {
            try
            {
                overrides.RememberBlocked(decided.Finding.Fingerprint, decided.Finding.RuleId, Lower(decided.Finding.Severity), decided.Finding.Taxonomy.Cwe, repository);
            }
            catch (DbException)
            {
                // The verdict is already block; losing the index only means an override cannot be asked for yet.
            }
        }
    }

    private static string DeadlineReason(string kind, TimeSpan deadline) =>
        $"the scan did not finish within the {deadline.TotalMilliseconds:0} ms deadline for a {kind}, so it blocks";

    private static string SampleId(IReadOnlyList<Submission> submissions)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var submission in submissions)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(submission.Path));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(submission.Content));
            hash.AppendData([0]);
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string GateStore(DateTimeOffset time) => State.GateStore.Time(time);

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
