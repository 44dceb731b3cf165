using System.Diagnostics;
using System.Globalization;
using Portcullis.Bench.Corpora;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Bench.Speed;

/// <summary>
/// <c>Portcullis.Bench parse</c>: single-thread parse throughput (tree-sitter parse plus the copy into
/// the managed tree) and full-scan throughput over the same corpus, to show where a scan's time goes.
/// </summary>
internal static class ParseBenchmark
{
    public static int Run(IReadOnlyList<string> args, Analysis.Pipeline.ScanEngine engine, TextWriter stdout)
    {
        var directory = SharedBench.Locate(CorpusCommand.Option(args, "--corpus-dir"));
        foreach (var file in new[] { "owasp-benchmark-java.jsonl", "owasp-benchmark-python.jsonl", "cyberseceval.jsonl" })
        {
            var sources = CorpusRecord.Load(Path.Combine(directory, file))
                .Select(r => new SourceText(r.Id, LanguageIds.Normalize(r.Language) ?? LanguageIds.Text, r.Code))
                .Where(s => LanguageIds.GrammarFor(s.Language, s.Text) is not null)
                .ToList();
            var megabytes = sources.Sum(s => s.Utf8.Length) / 1024.0 / 1024.0;
            var parse = Median(() =>
            {
                foreach (var source in sources)
                {
                    SyntaxParser.Parse(source, LanguageIds.GrammarFor(source.Language, source.Text)!);
                }
            });
            var scan = Median(() =>
            {
                foreach (var source in sources)
                {
                    engine.Scan(source, verifyFixes: false);
                }
            });
            var scanWithFixes = Median(() =>
            {
                foreach (var source in sources)
                {
                    engine.Scan(source);
                }
            });
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{file,-30} {megabytes,6:F1} MB  parse {megabytes / parse:F1} MB/s  scan {megabytes / scan:F1} MB/s  scan+fixes {megabytes / scanWithFixes:F1} MB/s (one thread)"));
            if (args.Contains("--analyzers"))
            {
                WriteAnalyzerBreakdown(sources, engine, stdout);
            }
        }
        return 0;
    }

    /// <summary>
    /// Where a scan's time and allocation go, per analyzer, over the same sources (one thread, each
    /// tree parsed once and handed to every analyzer as the engine does). Allocation is exact and
    /// repeatable; time is the median of three passes.
    /// </summary>
    private static void WriteAnalyzerBreakdown(List<SourceText> sources, Analysis.Pipeline.ScanEngine engine, TextWriter stdout)
    {
        var trees = sources.Select(s => (Source: s, Tree: SyntaxParser.Parse(s, LanguageIds.GrammarFor(s.Language, s.Text)!))).ToList();
        foreach (var analyzer in engine.Analyzers)
        {
            var applicable = trees.Where(t => analyzer.AppliesTo(t.Source.Language)).ToList();
            if (applicable.Count == 0)
            {
                continue;
            }
            long allocated = 0;
            var seconds = Median(() =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                foreach (var (source, tree) in applicable)
                {
                    analyzer.Analyze(new Analysis.AnalysisContext(source, tree));
                }
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            });
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {analyzer.Name,-12} {seconds:F2} s  {allocated / 1024.0 / 1024.0,8:F0} MB allocated"));
        }
    }

    private static double Median(Action action)
    {
        action();
        var samples = Enumerable.Range(0, 3).Select(_ =>
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            return stopwatch.Elapsed.TotalSeconds;
        }).Order().ToList();
        return samples[1];
    }
}
