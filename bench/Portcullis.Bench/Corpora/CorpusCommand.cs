using System.Globalization;
using System.Text.Json;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;

namespace Portcullis.Bench.Corpora;

/// <summary>
/// <c>portcullis-bench corpus [--only NAME] [--corpus-dir DIR] [--json] [--misses FILE] [--project]</c>: per corpus, per language
/// and per category: TP / FN / FP / TN, recall, false-positive rate, the OWASP Benchmark score, fix
/// coverage of blocking findings, and latency percentiles for snippets (&lt; 50 lines) and whole files.
/// With <c>--project</c>, corpora that come with context files (OWASP Benchmark's helper classes and
/// .properties files) are scored a second time, each record scanned inside that project.
/// </summary>
internal static class CorpusCommand
{
    public static int Run(IReadOnlyList<string> args, ScanEngine engine, TextWriter stdout)
    {
        var only = Option(args, "--only");
        var json = args.Contains("--json");
        var wholeProject = args.Contains("--project");
        var directory = SharedBench.Locate(Option(args, "--corpus-dir"));
        var report = new List<object>();
        foreach (var corpus in CorpusDefinition.All.Where(c => only is null || c.Name == only))
        {
            var file = Path.Combine(directory, corpus.File);
            if (!File.Exists(file))
            {
                stdout.WriteLine($"{corpus.Name}: {file} not found, skipped");
                continue;
            }
            var records = CorpusRecord.Load(file);
            var outcomes = CorpusRun.Scan(engine, corpus, records, verifyFixes: true);
            WriteMisses(Option(args, "--misses"), corpus.Name, outcomes);
            report.Add(Summarize(corpus, corpus.ContextFile is null ? corpus.Name : corpus.Name + " (each file alone)", outcomes, json ? null : stdout));
            if (wholeProject && corpus.ContextFile is { } context)
            {
                // The same records, each scanned inside the project its context files make up.
                var project = CorpusRun.LoadProject(Path.Combine(directory, context));
                var inProject = CorpusRun.Scan(engine, corpus, records, verifyFixes: true, project);
                WriteMisses(Option(args, "--misses"), corpus.Name + "/project", inProject);
                report.Add(Summarize(corpus, $"{corpus.Name} (whole project: with the {project.FileCount} files of {context})", inProject, json ? null : stdout));
            }
        }
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        }
        return 0;
    }

    private static object Summarize(CorpusDefinition corpus, string title, IReadOnlyList<RecordOutcome> outcomes, TextWriter? text)
    {
        var overall = CorpusRun.Tally(outcomes, _ => "all")["all"];
        var tables = corpus.Breakdowns.ToDictionary(b => b.Column, b => CorpusRun.Tally(outcomes, b.Key));
        var snippets = Percentiles.Of(outcomes.Where(o => o.Lines < 50).Select(o => o.Milliseconds).ToList());
        var files = Percentiles.Of(outcomes.Where(o => o.Lines >= 50).Select(o => o.Milliseconds).ToList());
        var blocking = outcomes.SelectMany(o => o.Findings).Where(f => f.Severity >= Severity.High).ToList();
        var withFix = blocking.Count(f => f.Fix is { Verified: true });
        var fixCoverage = new Dictionary<string, Dictionary<string, FixCount>>
        {
            ["language"] = FixCoverage(outcomes.SelectMany(o => o.Findings.Select(f => (Key: o.Record.Language, Finding: f)))),
            ["cwe"] = FixCoverage(outcomes.SelectMany(o => o.Findings.SelectMany(f => f.Taxonomy.Cwe.Take(1).Select(c => (Key: c, Finding: f))))),
            ["rule"] = FixCoverage(outcomes.SelectMany(o => o.Findings.Select(f => (Key: f.RuleId, Finding: f)))),
        };
        var errors = outcomes.Count(o => o.Error is not null);
        double? owaspScore = corpus.HeadlineIsOwaspScore ? tables["category"].Values.Average(c => c.Score) : null;
        var distinct = outcomes.Where(o => o.Record.Vulnerable).DistinctBy(o => o.Record.Code).ToList();
        var distinctRecall = distinct.Count == 0 ? 0 : (double)distinct.Count(o => o.Flagged) / distinct.Count;

        if (text is not null)
        {
            text.WriteLine($"== {title} ({outcomes.Count} records)");
            text.WriteLine(Invariant($"overall: TP {overall.TruePositives} FN {overall.FalseNegatives} FP {overall.FalsePositives} TN {overall.TrueNegatives}  recall {overall.Recall:P1}  FPR {overall.FalsePositiveRate:P1}  distinct-snippet recall {distinctRecall:P1}"));
            if (owaspScore is { } score)
            {
                text.WriteLine(Invariant($"OWASP Benchmark score (average over categories): {score:F1}"));
            }
            foreach (var (column, table) in tables)
            {
                text.WriteLine($"  by {column}:");
                text.WriteLine($"    {column,-28} {"TP",5} {"FN",5} {"FP",5} {"TN",5} {"recall",8} {"FPR",8} {"score",7}");
                foreach (var (key, c) in table.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    text.WriteLine(Invariant($"    {key,-28} {c.TruePositives,5} {c.FalseNegatives,5} {c.FalsePositives,5} {c.TrueNegatives,5} {c.Recall,8:P1} {c.FalsePositiveRate,8:P1} {c.Score,7:F1}"));
                }
            }
            text.WriteLine(Invariant($"  fix coverage: {withFix}/{blocking.Count} critical/high findings carry a verified fix"));
            foreach (var (column, coverage) in fixCoverage)
            {
                text.WriteLine($"    by {column}: " + string.Join(", ", coverage.OrderByDescending(kv => kv.Value.Total).Select(kv => $"{kv.Key} {kv.Value.Fixed}/{kv.Value.Total}")));
            }
            text.WriteLine($"  latency, snippets < 50 lines: {snippets}");
            text.WriteLine($"  latency, whole files:         {files}");
            if (errors > 0)
            {
                text.WriteLine($"  {errors} records could not be analysed (counted as not flagged)");
            }
            text.WriteLine();
        }
        return new
        {
            corpus = corpus.Name,
            run = title,
            records = outcomes.Count,
            overall = Row(overall),
            distinctSnippetRecall = distinctRecall,
            owaspScore,
            tables = tables.ToDictionary(t => t.Key, t => t.Value.ToDictionary(kv => kv.Key, kv => Row(kv.Value))),
            fixCoverage = new { blocking = blocking.Count, withVerifiedFix = withFix, by = fixCoverage },
            latencySnippetsMs = snippets,
            latencyFilesMs = files,
            errors,
        };
    }

    /// <summary>
    /// With <c>--misses FILE</c>, the records scored wrongly (a missed vulnerable one, a flagged safe
    /// one), one per line, so that a change can be checked record by record.
    /// </summary>
    private static void WriteMisses(string? path, string run, IReadOnlyList<RecordOutcome> outcomes)
    {
        if (path is null)
        {
            return;
        }
        var lines = outcomes.Where(o => o.Flagged != o.Record.Vulnerable)
            .Select(o => $"{run}\t{o.Record.Id}\t{(o.Record.Vulnerable ? "FN" : "FP")}\t{o.Record.Category}\t{o.Record.Cwe}");
        File.AppendAllLines(path, lines);
    }

    /// <summary>Critical/high findings and how many carry a verified fix, per key.</summary>
    private static Dictionary<string, FixCount> FixCoverage(IEnumerable<(string Key, Finding Finding)> findings) =>
        findings.Where(x => x.Finding.Severity >= Severity.High)
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new FixCount(g.Count(), g.Count(x => x.Finding.Fix is { Verified: true })), StringComparer.Ordinal);

    internal sealed record FixCount(int Total, int Fixed);

    private static object Row(Confusion c) => new { tp = c.TruePositives, fn = c.FalseNegatives, fp = c.FalsePositives, tn = c.TrueNegatives, recall = c.Recall, fpr = c.FalsePositiveRate, score = c.Score };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    internal static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }
        return null;
    }
}
