using System.Diagnostics;
using Portcullis.Analysis.Dataflow;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Bench.Corpora;

/// <summary>What scanning one record gave: whether it was flagged, how long it took, and its findings.</summary>
internal sealed record RecordOutcome(CorpusRecord Record, bool Flagged, double Milliseconds, int Lines, IReadOnlyList<Finding> Findings, string? Error);

/// <summary>
/// Scans every record of a corpus in-process, one at a time (so the durations are per-scan latencies
/// of the real pipeline, fixes included), and tallies the tables the corpus definition asks for.
/// </summary>
internal static class CorpusRun
{
    /// <param name="project">The project's other files (helper classes, .properties) for a whole-project scan; null scans each record alone.</param>
    public static IReadOnlyList<RecordOutcome> Scan(ScanEngine engine, CorpusDefinition corpus, IReadOnlyList<CorpusRecord> records, bool verifyFixes, ProjectContext? project = null)
    {
        var outcomes = new List<RecordOutcome>(records.Count);
        foreach (var record in records)
        {
            var language = LanguageIds.Normalize(record.Language) ?? LanguageIds.Text;
            var source = new SourceText(record.Path ?? record.Id, language, record.Code);
            var stopwatch = Stopwatch.StartNew();
            var result = engine.Scan(source, project, verifyFixes);
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            var lines = record.Code.Count(c => c == '\n') + 1;
            outcomes.Add(new RecordOutcome(record, corpus.Flagged(record, result.Findings), elapsed, lines, result.Findings, result.Error));
        }
        return outcomes;
    }

    /// <summary>
    /// The context files of a corpus (one JSON object per line with <c>path</c> and <c>content</c>) as
    /// the project the records belong to, as if each test file were scanned inside the whole project.
    /// </summary>
    public static ProjectContext LoadProject(string contextFile)
    {
        var files = new List<SourceText>();
        foreach (var line in File.ReadLines(contextFile).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = System.Text.Json.JsonDocument.Parse(line);
            var path = document.RootElement.GetProperty("path").GetString() ?? "";
            var content = document.RootElement.GetProperty("content").GetString() ?? "";
            files.Add(new SourceText(path, LanguageDetector.Detect(path, content) ?? LanguageIds.Text, content));
        }
        return ProjectContext.Create(files);
    }

    public static Dictionary<string, Confusion> Tally(IEnumerable<RecordOutcome> outcomes, Func<CorpusRecord, string> key)
    {
        var table = new Dictionary<string, Confusion>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            var k = key(outcome.Record);
            if (!table.TryGetValue(k, out var confusion))
            {
                table[k] = confusion = new Confusion();
            }
            confusion.Add(outcome.Record.Vulnerable, outcome.Flagged);
        }
        return table;
    }
}
