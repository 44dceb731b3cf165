using System.Security.Cryptography;
using Portcullis.Analysis.Pipeline;
using Portcullis.Ledger;
using Portcullis.Ledger.Entries;

namespace Portcullis.Cli.Commands;

/// <summary>
/// The Record stage for <c>scan --record DIR</c>: one <see cref="ScanDecision"/> per scanned file in the
/// ledger at DIR (SQLite, created on first use), so that a scan run by hand or in CI leaves the same
/// evidence as one through the gate service. The sample id names the file and a hash of its content.
/// </summary>
internal static class DecisionRecorder
{
    public static IReadOnlyList<Receipt> Record(string dataDirectory, IReadOnlyList<FileScanResult> results, VerdictPolicy policy)
    {
        using var ledger = Ledger.Ledger.Open(new LedgerOptions(Path.GetFullPath(dataDirectory)));
        var actor = Environment.GetEnvironmentVariable("PORTCULLIS_ACTOR") ?? Environment.UserName;
        var decisions = results
            .Select(r => (LedgerEntry)ScanDecision.From(actor, SampleId(r.Path), policy.Decide([r]), r.Findings))
            .ToList();
        return ledger.AppendBatch(decisions);
    }

    private static string SampleId(string path)
    {
        if (!File.Exists(path))
        {
            return path;
        }
        var digest = SHA256.HashData(File.ReadAllBytes(path));
        return $"{path}#sha256:{Convert.ToHexStringLower(digest)}";
    }
}
