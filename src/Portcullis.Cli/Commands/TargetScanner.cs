using Portcullis.Analysis.Dataflow;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Cli.Targets;

namespace Portcullis.Cli.Commands;

/// <summary>
/// Scans the targets of a command line — files, folders or standard input — in parallel, and returns
/// the per-file results in path order. Skipped binaries are counted, not reported as findings. A
/// folder given on the command line is scanned as a project (<see cref="ProjectContext"/>).
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
        var reads = new TargetRead[targets.Count];
        Parallel.For(0, targets.Count, i => reads[i] = TargetReader.ReadFile(targets[i].Path, targets[i].Explicit, options.Language, options.Limits.MaxBytes));
        // A folder is a project: each file is scanned with the others as context, so flows through
        // helper classes and modules of other files, and values of its .properties files, are followed.
        var project = options.Paths.Any(Directory.Exists)
            ? ProjectContext.Create(reads.Select(r => r.Source).OfType<SourceText>(), options.Limits)
            : null;
        var results = new FileScanResult?[targets.Count];
        Parallel.For(0, targets.Count, i =>
        {
            if (reads[i].Skipped is null)
            {
                results[i] = ScanOne(engine, reads[i], targets[i].Path, options.Language ?? "unknown", verifyFixes, project);
            }
        });
        return (results.OfType<FileScanResult>().ToList(), reads.Count(r => r.Skipped is not null));
    }

    private static FileScanResult ScanOne(ScanEngine engine, TargetRead read, string path, string language, bool verifyFixes, ProjectContext? project = null) =>
        read.Source is { } source
            ? engine.Scan(source, project, verifyFixes)
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
