using System.Diagnostics;
using System.Text.Json;
using Portcullis.Analysis.Pipeline;
using Portcullis.Analysis.Reporting;
using Portcullis.Cli.Targets;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>scan --corpus FILE.jsonl</c>: each line <c>{"id", "language", "code", "path"?}</c> is scanned and
/// answered by one line <c>{"id", "verdict", "findings", "durationMs"}</c> — how a model's generations
/// are evaluated. A malformed record gets an error line (verdict block) and the exit code 2.
/// </summary>
internal static class CorpusScan
{
    public static int Run(ScanEngine engine, string corpusPath, ScanOptions options, bool verifyFixes, TextWriter output, TextWriter stderr)
    {
        if (!File.Exists(corpusPath))
        {
            throw new UsageException($"no such corpus file: {corpusPath}");
        }
        var lines = File.ReadAllLines(corpusPath);
        var rendered = new string[lines.Length];
        var errors = 0;
        var blocked = 0;
        Parallel.For(0, lines.Length, i =>
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                return;
            }
            var (id, line, failed, blocks) = ScanRecord(engine, lines[i], i + 1, options, verifyFixes);
            rendered[i] = line;
            if (failed)
            {
                Interlocked.Increment(ref errors);
                stderr.WriteLine($"portcullis: {corpusPath}:{i + 1}: record '{id}' could not be scanned");
            }
            if (blocks)
            {
                Interlocked.Increment(ref blocked);
            }
        });
        foreach (var line in rendered)
        {
            if (line is not null)
            {
                output.WriteLine(line);
            }
        }
        return errors > 0 ? ExitCodes.Error : blocked > 0 ? ExitCodes.Block : ExitCodes.Allow;
    }

    private static (string Id, string Line, bool Failed, bool Blocks) ScanRecord(ScanEngine engine, string json, int lineNumber, ScanOptions options, bool verifyFixes)
    {
        var stopwatch = Stopwatch.StartNew();
        string id = $"line-{lineNumber}";
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            id = root.TryGetProperty("id", out var idElement) ? idElement.ToString() : id;
            var code = root.GetProperty("code").GetString() ?? throw new FormatException("'code' is null");
            var path = root.TryGetProperty("path", out var p) && p.GetString() is { Length: > 0 } given ? given : id;
            var language = options.Language
                ?? (root.TryGetProperty("language", out var l) && l.GetString() is { } name ? LanguageIds.Normalize(name) : null)
                ?? LanguageDetector.Detect(path, code)
                ?? LanguageIds.Text;
            var read = TargetReader.FromBytes(path, System.Text.Encoding.UTF8.GetBytes(code), isExplicit: false, language, options.Limits.MaxBytes);
            if (read.Source is null)
            {
                return (id, JsonReport.RenderCorpusLine(id, Verdict.Block, [], stopwatch.Elapsed.TotalMilliseconds, read.Error ?? read.Skipped), true, true);
            }
            var result = engine.Scan(read.Source, verifyFixes);
            var verdict = VerdictPolicy.Default.Decide([result]);
            return (id, JsonReport.RenderCorpusLine(id, verdict, result.Findings, stopwatch.Elapsed.TotalMilliseconds, result.Error), result.Failed, verdict == Verdict.Block);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return (id, JsonReport.RenderCorpusLine(id, Verdict.Block, [], stopwatch.Elapsed.TotalMilliseconds, $"malformed record on line {lineNumber}: {e.Message}"), true, true);
        }
    }
}
