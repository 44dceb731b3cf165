using Portcullis.Analysis.Fixing;
using Portcullis.Core;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis fix PATH... [--write]</c>: shows the verified fixes as unified diffs; with
/// <c>--write</c> applies them (<see cref="VerifiedFixes"/>: one at a time, re-scanned after each).
/// </summary>
internal static class FixCommand
{
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgumentReader(args, ScanOptions.ValueOptions, ["--write"]);
        var options = ScanOptions.From(reader);
        if (options.Paths.Contains("-"))
        {
            throw new UsageException("fix works on files, not standard input");
        }
        var write = reader.Flag("--write");
        var engine = EngineFactory.Create(options.RulePaths, options.Limits, stderr, options.KnownLanguages());
        var (results, _) = TargetScanner.Scan(engine, options, stdin, verifyFixes: true);
        var applied = 0;
        var withoutFix = 0;
        foreach (var result in results)
        {
            if (result.Failed)
            {
                stderr.WriteLine($"portcullis: error: {result.Error}");
                continue;
            }
            var original = File.ReadAllText(result.Path);
            var (source, count) = VerifiedFixes.ApplyAll(engine, new SourceText(result.Path, result.Language, original));
            applied += count;
            var remaining = engine.Scan(source, verifyFixes: false).Findings;
            withoutFix += remaining.Count(f => !f.Suppressed);
            if (source.Text == original)
            {
                continue;
            }
            // Secrets appear masked in the diff, both those fixed (removed lines) and those left.
            var originalSource = new SourceText(result.Path, result.Language, original);
            stdout.Write(UnifiedDiff.Create(result.Path, Redaction.Apply(originalSource, result.Findings), Redaction.Apply(source, remaining)));
            if (write)
            {
                File.WriteAllText(result.Path, source.Text);
            }
        }
        stderr.WriteLine(write
            ? $"portcullis: applied {applied} verified fix(es); {withoutFix} finding(s) have no verified fix"
            : $"portcullis: {applied} verified fix(es) shown (use --write to apply); {withoutFix} finding(s) have no verified fix");
        return results.Any(r => r.Failed) ? ExitCodes.Error : ExitCodes.Allow;
    }
}
