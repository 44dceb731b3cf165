using Portcullis.Analysis.Pipeline;
using Portcullis.Cli.Targets;

namespace Portcullis.Cli.Commands;

/// <summary>
/// Scans the targets of a command line — files, folders or standard input — in parallel, and returns
/// the per-file results in path order. Skipped binaries are counted, not reported as findings.
/// </summary>
internal static class TargetScanner
{
    public static (List<FileScanResult> Results, int Skipped) Scan(ScanEngine engine, ScanOptions options, TextReader stdin, bool verifyFixes)
    {
        if (options.Paths.Count == 0)
        {
            throw new UsageException("nothing to scan: give files, folders, or '-' for standard input with --lang");
        }
        if (options.Paths.Contains("-"))
        {
            if (options.Paths.Count > 1)
            {
                throw new UsageException("'-' (standard input) cannot be combined with paths");
            }
            if (options.Language is null)
            {
                throw new UsageException("standard input needs --lang to say what language it is");
            }
            var bytes = ReadAll(stdin);
            var read = TargetReader.FromBytes("<stdin>", bytes, isExplicit: true, options.Language, options.Limits.MaxBytes);
            return ([ScanOne(engine, read, "<stdin>", options.Language, verifyFixes)], 0);
        }
        var targets = FileCollector.Collect(options.Paths).ToList();
        var results = new FileScanResult?[targets.Count];
        var skipped = 0;
        Parallel.For(0, targets.Count, i =>
        {
            var (path, isExplicit) = targets[i];
            var read = TargetReader.ReadFile(path, isExplicit, options.Language, options.Limits.MaxBytes);
            if (read.Skipped is not null)
            {
                Interlocked.Increment(ref skipped);
                return;
            }
            results[i] = ScanOne(engine, read, path, options.Language ?? "unknown", verifyFixes);
        });
        return (results.OfType<FileScanResult>().ToList(), skipped);
    }

    private static FileScanResult ScanOne(ScanEngine engine, TargetRead read, string path, string language, bool verifyFixes) =>
        read.Source is { } source
            ? engine.Scan(source, verifyFixes)
            : new FileScanResult(path, language, [], read.Error, TimeSpan.Zero);

    /// <summary>Standard input as bytes, so invalid UTF-8 is detected rather than silently replaced.</summary>
    private static byte[] ReadAll(TextReader stdin)
    {
        if (stdin == Console.In)
        {
            using var input = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            input.CopyTo(buffer);
            return buffer.ToArray();
        }
        return System.Text.Encoding.UTF8.GetBytes(stdin.ReadToEnd());
    }
}
