using Portcullis.Analysis.Matching;
using Portcullis.Analysis.Pipeline;
using Portcullis.Analysis.Reporting;
using Portcullis.Core;

namespace Portcullis.Analysis.Tests;

/// <summary>
/// The text, JSON and SARIF reports of one fixed scan, compared byte for byte with files under Golden/.
/// Set PORTCULLIS_UPDATE_GOLDEN=1 to rewrite them after an intended change, and review the diff.
/// </summary>
public sealed class GoldenReportTests
{
    private const string Code = """
        import subprocess
        import yaml

        def handler(request, cursor):
            cursor.execute("SELECT * FROM t WHERE id = " + request.args["id"])
            data = yaml.load(request.data)
            # portcullis-ignore python.crypto.weak-hash reason="cache key, not security"
            key = hashlib.md5(data).hexdigest()
            return key

        """;

    private static ScanReport Report()
    {
        var engine = new ScanEngine([.. StructuralRules.CreateAnalyzers(StructuralRules.LoadDefinitions())]);
        var result = engine.Scan(new SourceText("app/views.py", "python", Code));
        return new ScanReport([result], VerdictPolicy.Default.Decide([result]), engine.Rules.ToList());
    }

    [Fact]
    public void Text_report_matches_the_golden_file() => AssertGolden("report.txt", TextReport.Render(Report(), VerdictPolicy.Default));

    [Fact]
    public void Json_report_matches_the_golden_file() => AssertGolden("report.json", JsonReport.Render(Report()));

    [Fact]
    public void Sarif_report_matches_the_golden_file() => AssertGolden("report.sarif", SarifReport.Render(Report()));

    [Fact]
    public void Sarif_carries_what_github_code_scanning_requires()
    {
        using var sarif = System.Text.Json.JsonDocument.Parse(SarifReport.Render(Report()));
        var root = sarif.RootElement;
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var sql = rules.Single(r => r.GetProperty("id").GetString() == "python.sql.query-built-from-strings");

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal("9.5", sql.GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Contains("external/cwe/cwe-089", sql.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.All(run.GetProperty("results").EnumerateArray(), r => Assert.EndsWith(":1", r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString(), StringComparison.Ordinal));
        Assert.Contains(run.GetProperty("results").EnumerateArray(), r => r.TryGetProperty("suppressions", out _));
    }

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(SourceDirectory(), "Golden", name);
        if (Environment.GetEnvironmentVariable("PORTCULLIS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"missing golden file {path}; run with PORTCULLIS_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
