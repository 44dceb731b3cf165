using Portcullis.Core;

namespace Portcullis.Bench.Corpora;

/// <summary>
/// How one corpus is scored (../shared/bench/README.md, "Scoring rules"): which file, what counts as
/// flagged for a record, and which columns its tables break down by.
/// </summary>
internal sealed record CorpusDefinition(
    string Name,
    string File,
    Func<CorpusRecord, IReadOnlyList<Finding>, bool> Flagged,
    IReadOnlyList<(string Column, Func<CorpusRecord, string> Key)> Breakdowns,
    bool HeadlineIsOwaspScore = false,
    string? ContextFile = null)
{
    /// <summary>A record labelled with several CWEs ("CWE-78,CWE-862") counts when a finding carries any of them.</summary>
    private static bool HasCwe(IReadOnlyList<Finding> findings, string? cwe) =>
        cwe is null ? findings.Count > 0 : cwe.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(c => findings.Any(f => f.Taxonomy.Cwe.Contains(c)));

    public static IReadOnlyList<CorpusDefinition> All { get; } =
    [
        new("owasp-benchmark-java", "owasp-benchmark-java.jsonl", (r, f) => HasCwe(f, r.Cwe),
            [("category", r => r.Category ?? "?")], HeadlineIsOwaspScore: true, ContextFile: "owasp-benchmark-java-context.jsonl"),
        new("owasp-benchmark-python", "owasp-benchmark-python.jsonl", (r, f) => HasCwe(f, r.Cwe),
            [("category", r => r.Category ?? "?")], HeadlineIsOwaspScore: true, ContextFile: "owasp-benchmark-python-context.jsonl"),
        new("cyberseceval", "cyberseceval.jsonl", (r, f) => HasCwe(f, r.Cwe),
            [("language", r => r.Language), ("set", r => r.Source), ("cwe", r => $"{r.Language}/{r.Cwe}")]),
        new("icd-tests", "icd-tests.jsonl", (r, f) => HasCwe(f, r.Cwe),
            [("language", r => r.Language)]),
        new("swc-registry", "swc-registry.jsonl", (r, f) => r.Swc is not null && f.Any(x => x.Taxonomy.Swc.Contains(r.Swc)),
            [("swc", r => r.Swc ?? "?")]),
        new("secrets", "secrets.jsonl", (_, f) => f.Any(x => x.RuleId.StartsWith("secrets.", StringComparison.Ordinal)),
            [("language", r => r.Language)]),
    ];
}
