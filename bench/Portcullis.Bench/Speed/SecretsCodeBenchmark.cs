using System.Diagnostics;
using System.Text;
using Portcullis.Bench.Corpora;
using Portcullis.Secrets;

namespace Portcullis.Bench.Speed;

/// <summary>
/// <c>secrets-code [--rounds N] [--corpus-dir DIR]</c>: the secrets detector alone on one thread over
/// real source code, the OWASP Benchmark Java and Python test cases (with their helper files) and the
/// CyberSecEval snippets, each scanned as its own file in its own language. Source code is full of
/// secret-like names (<c>password</c>, <c>key</c>, <c>token</c>) that plain text lacks, so this is the
/// figure that the directory scan feels.
/// </summary>
internal static class SecretsCodeBenchmark
{
    private static readonly string[] Corpora =
    [
        "owasp-benchmark-java.jsonl", "owasp-benchmark-java-context.jsonl",
        "owasp-benchmark-python.jsonl", "owasp-benchmark-python-context.jsonl",
        "cyberseceval.jsonl",
    ];

    public static int Run(string[] args, TextWriter output)
    {
        var rounds = int.TryParse(CorpusCommand.Option(args, "--rounds"), out var n) ? n : 3;
        var directory = SharedBench.Locate(CorpusCommand.Option(args, "--corpus-dir"));
        var files = new List<(string Language, string Code)>();
        foreach (var corpus in Corpora)
        {
            var path = Path.Combine(directory, corpus);
            files.AddRange(corpus.Contains("-context", StringComparison.Ordinal)
                ? ContextFiles(path)
                : CorpusRecord.Load(path).Select(r => (r.Language, r.Code)));
        }
        var bytes = files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Code));
        foreach (var (language, code) in files.Take(200))
        {
            _ = SecretsAnalyzer.Find(code, language, out _);
        }
        var times = new List<double>();
        var found = 0;
        for (var round = 0; round < rounds; round++)
        {
            found = 0;
            var stopwatch = Stopwatch.StartNew();
            foreach (var (language, code) in files)
            {
                found += SecretsAnalyzer.Find(code, language, out _).Count;
            }
            times.Add(stopwatch.Elapsed.TotalSeconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        output.WriteLine(FormattableString.Invariant(
            $"secrets throughput, source code (OWASP Benchmark Java + Python, CyberSecEval), one thread: {bytes / 1048576.0 / median:F1} MB/s ({files.Count} files, {bytes / 1048576.0:F1} MB in {median * 1000:F0} ms, median of {rounds}; {found} finding(s))"));
        return 0;
    }

    /// <summary>A context file (helper class, <c>.properties</c>) carries <c>path</c> and <c>content</c> instead of <c>code</c>.</summary>
    private static IEnumerable<(string Language, string Code)> ContextFiles(string file)
    {
        foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = System.Text.Json.JsonDocument.Parse(line);
            var path = document.RootElement.GetProperty("path").GetString() ?? "";
            var language = Path.GetExtension(path) switch
            {
                ".java" => "java",
                ".py" => "python",
                _ => "text",
            };
            yield return (language, document.RootElement.GetProperty("content").GetString() ?? "");
        }
    }
}
