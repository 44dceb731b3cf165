namespace Portcullis.Ledger.Verification;

/// <summary>One thing that does not match. <see cref="Index"/> names the first entry it implicates.</summary>
public sealed record VerificationProblem(long Index, string Message);

/// <summary>The outcome of re-deriving the log from its stored rows.</summary>
public sealed record VerificationReport(long Entries, int CheckpointsChecked, IReadOnlyList<VerificationProblem> Problems)
{
    public bool Ok => Problems.Count == 0;

    /// <summary>The first entry that does not match, or null when everything verifies.</summary>
    public long? FirstBadIndex => Problems.Count == 0 ? null : Problems.Min(p => p.Index);

    public VerificationProblem? FirstProblem => Problems.OrderBy(p => p.Index).FirstOrDefault();
}
