using System.Diagnostics;
using System.Text;
using Portcullis.Bench.Corpora;
using Portcullis.Secrets;
using Portcullis.Secrets.Detection;

namespace Portcullis.Bench.Speed;

/// <summary>
/// <c>secrets-code [--rounds N] [--corpus-dir DIR] [--stages]</c>: the secrets detector alone on one thread over
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
        // One untimed pass over everything: the regexes are interpreted and built on first use, and the JIT tiers up.
        foreach (var (language, code) in files)
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
        if (args.Contains("--stages"))
        {
            Stage("providers", files, output, (code, _) => { var incomplete = false; return ProviderScanner.Default.Scan(code, ref incomplete).Count; });
            if (args.Contains("--patterns"))
            {
                foreach (var pattern in ProviderScanner.Default.Patterns)
                {
                    var single = new ProviderScanner([pattern]);
                    Stage(pattern.Kind, files, output, (code, _) => { var incomplete = false; return single.Scan(code, ref incomplete).Count; });
                }
            }
            Stage("folding", files, output, (code, _) => { var incomplete = false; return LiteralFolding.Scan(code, ProviderScanner.Default, ref incomplete).Count; });
            Stage("generic", files, output, (code, language) => { var incomplete = false; return GenericScanner.Scan(code, language, ref incomplete).Count; });
        }
        return 0;
    }

    /// <summary>One step of the analyzer alone over every file, so a cut can be aimed where the time goes.</summary>
    private static void Stage(string name, List<(string Language, string Code)> files, TextWriter output, Func<string, string, int> run)
    {
        var stopwatch = Stopwatch.StartNew();
        var found = 0;
        foreach (var (language, code) in files)
        {
            found += run(code, language);
        }
        output.WriteLine(FormattableString.Invariant($"  {name,-10} {stopwatch.Elapsed.TotalMilliseconds,8:F0} ms  {found} candidate(s)"));
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
