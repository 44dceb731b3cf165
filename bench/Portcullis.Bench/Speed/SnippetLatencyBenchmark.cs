using System.Diagnostics;
using Portcullis.Analysis.Pipeline;
using Portcullis.Bench.Corpora;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Bench.Speed;

/// <summary>
/// <c>portcullis-bench latency</c>: in-process parse + scan (every loaded rule, fix stage included) of
/// 30-line snippets cut from the corpora, per language. Reports p50 / p95 / p99 after a warm-up, which
/// is what a long-running gate pays per completion.
/// </summary>
internal static class SnippetLatencyBenchmark
{
    private const int SnippetLines = 30;

    public static int Run(IReadOnlyList<string> args, ScanEngine engine, TextWriter stdout)
    {
        var directory = SharedBench.Locate(CorpusCommand.Option(args, "--corpus-dir"));
        var rounds = int.TryParse(CorpusCommand.Option(args, "--rounds"), out var r) ? r : 20;
        var snippets = Snippets(directory).ToList();
        foreach (var snippet in snippets.Take(200))
        {
            engine.Scan(snippet);
        }
        var all = new List<double>();
        foreach (var group in snippets.GroupBy(s => s.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var samples = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var snippet in group)
                {
                    var stopwatch = Stopwatch.StartNew();
                    engine.Scan(snippet);
                    samples.Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }
            all.AddRange(samples);
            stdout.WriteLine($"{group.Key,-12} {group.Count(),4} snippets  {Percentiles.Of(samples)}");
        }
        stdout.WriteLine($"{"all",-12} {snippets.Count,4} snippets  {Percentiles.Of(all)}");
        return 0;
    }

    /// <summary>30-line windows from each language's records (the first 40 records of each language).</summary>
    internal static IEnumerable<SourceText> Snippets(string directory)
    {
        var files = new[] { "cyberseceval.jsonl", "owasp-benchmark-python.jsonl", "owasp-benchmark-java.jsonl", "swc-registry.jsonl" };
        foreach (var file in files.Select(f => Path.Combine(directory, f)).Where(File.Exists))
        {
            foreach (var group in CorpusRecord.Load(file).GroupBy(r => r.Language))
            {
                var language = LanguageIds.Normalize(group.Key) ?? LanguageIds.Text;
                foreach (var record in group.Take(40))
                {
                    var lines = record.Code.Split('\n');
                    var start = Math.Max(0, lines.Length / 2 - SnippetLines / 2);
                    var window = string.Join('\n', lines.Skip(start).Take(SnippetLines));
                    yield return new SourceText(record.Id, language, window);
                }
            }
        }
    }
}
