using Portcullis.Analysis.Pipeline;
using Portcullis.Analysis.Reporting;
using Portcullis.Core;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis scan</c>: files, folders or standard input, reported as text, JSON or SARIF; or a
/// JSONL corpus of generations, one JSON line per record. Exit 0 allow/warn, 1 block, 2 error.
/// </summary>
internal static class ScanCommand
{
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgumentReader(args, [.. ScanOptions.ValueOptions, "--format", "--output", "--baseline", "--diff", "--corpus", "--record"], ["--no-fix"]);
        var options = ScanOptions.From(reader);
        var verifyFixes = !reader.Flag("--no-fix");
        var engine = EngineFactory.Create(options.RulePaths, options.Limits, stderr, reader.Value("--corpus") is null ? options.KnownLanguages() : null);
        if (reader.Value("--corpus") is { } corpus)
        {
            using var corpusOutput = OpenOutput(reader.Value("--output"), stdout);
            return CorpusScan.Run(engine, corpus, options, verifyFixes, corpusOutput.Writer, stderr);
        }
        var format = reader.Choice("--format", "text", "text", "json", "sarif");
        var baseline = reader.Value("--baseline") is { } baselinePath ? Baseline.Read(baselinePath) : null;
        var changed = reader.Value("--diff") is { } revision ? GitChangedLines.Since(revision) : null;

        var (results, skipped) = TargetScanner.Scan(engine, options, stdin, verifyFixes);
        var hiddenByBaseline = 0;
        if (baseline is not null || changed is not null)
        {
            results = results.Select(r => r with
            {
                Findings = r.Findings.Where(f =>
                {
                    var keep = (baseline is null || !baseline.Contains(f)) && (changed is null || changed.Touches(f.Path, f.Span.StartLine, f.Span.EndLine));
                    if (!keep)
                    {
                        hiddenByBaseline++;
                    }
                    return keep;
                }).ToList(),
            }).ToList();
        }
        var policy = VerdictPolicy.Default;
        var report = new ScanReport(results, policy.Decide(results), engine.Rules.ToList());
        var rendered = format switch
        {
            "json" => JsonReport.Render(report),
            "sarif" => SarifReport.Render(report),
            _ => TextReport.Render(report, policy),
        };
        using (var output = OpenOutput(reader.Value("--output"), stdout))
        {
            output.Writer.Write(rendered);
        }
        if (skipped > 0)
        {
            stderr.WriteLine($"portcullis: skipped {skipped} binary file(s)");
        }
        if (hiddenByBaseline > 0)
        {
            stderr.WriteLine($"portcullis: {hiddenByBaseline} finding(s) not shown: in the baseline or outside the changed lines");
        }
        if (results.Count == 1 && results[0].Findings.Count == 0 && results[0].Error is null && new FileInfo(results[0].Path) is { Exists: true, Length: 0 })
        {
            stderr.WriteLine($"portcullis: {results[0].Path} is empty: nothing to scan");
        }
        foreach (var error in report.Errors)
        {
            stderr.WriteLine($"portcullis: error: {error.Error}");
        }
        if (reader.Value("--record") is { } ledgerDirectory && !Record(ledgerDirectory, results, policy, stderr))
        {
            return ExitCodes.Error;
        }
        return report.Errors.Any() ? ExitCodes.Error : report.Verdict == Verdict.Block ? ExitCodes.Block : ExitCodes.Allow;
    }

    /// <summary>A decision that cannot be recorded is an error: the gate does not pass what it cannot account for.</summary>
    private static bool Record(string ledgerDirectory, IReadOnlyList<FileScanResult> results, VerdictPolicy policy, TextWriter stderr)
    {
        try
        {
            var receipts = DecisionRecorder.Record(ledgerDirectory, results, policy);
            if (receipts.Count > 0)
            {
                stderr.WriteLine($"portcullis: recorded {receipts.Count} decision(s) in {ledgerDirectory}: entries {receipts[0].Index}..{receipts[^1].Index}, checkpoint size {receipts[^1].Checkpoint.Checkpoint.Size}");
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            stderr.WriteLine($"portcullis: error: cannot record the decision in {ledgerDirectory}: {e.Message}");
            return false;
        }
    }

    /// <summary>Standard output, or a file opened for writing; disposing closes only the file.</summary>
    internal static OutputTarget OpenOutput(string? path, TextWriter stdout) =>
        path is null ? new OutputTarget(stdout, null) : new OutputTarget(null, new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)));

    internal sealed class OutputTarget(TextWriter? console, StreamWriter? file) : IDisposable
    {
        public TextWriter Writer => (TextWriter?)file ?? console!;

        public void Dispose() => file?.Dispose();
    }
}
