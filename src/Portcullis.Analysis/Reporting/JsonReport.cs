using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Portcullis.Core;

namespace Portcullis.Analysis.Reporting;

/// <summary>
/// The JSON contract other tools read:
/// <c>{"tool": {"name", "version"}, "verdict", "findings": [...], "errors": [...]}</c>.
/// Field names and order are part of the contract; golden-file tests pin them.
/// </summary>
public static class JsonReport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions CompactOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(ScanReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("tool");
            writer.WriteString("name", ToolInfo.Name);
            writer.WriteString("version", ToolInfo.Version);
            writer.WriteEndObject();
            writer.WriteString("verdict", VerdictName(report.Verdict));
            writer.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                WriteFinding(writer, finding);
            }
            writer.WriteEndArray();
            writer.WriteStartArray("errors");
            foreach (var error in report.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("path", error.Path);
                writer.WriteString("message", error.Error);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One line of <c>scan --corpus</c> output: <c>{"id", "verdict", "findings", "durationMs"}</c>.</summary>
    public static string RenderCorpusLine(string id, Verdict verdict, IReadOnlyList<Finding> findings, double durationMs, string? error)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, CompactOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("verdict", VerdictName(verdict));
            writer.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                WriteFinding(writer, finding);
            }
            writer.WriteEndArray();
            writer.WriteNumber("durationMs", Math.Round(durationMs, 3));
            if (error is not null)
            {
                writer.WriteString("error", error);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string VerdictName(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    public static void WriteFinding(Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.RuleId);
        writer.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
        writer.WriteString("confidence", finding.Confidence.ToString().ToLowerInvariant());
        WriteStrings(writer, "cwe", finding.Taxonomy.Cwe);
        WriteStrings(writer, "owasp", finding.Taxonomy.Owasp);
        WriteStrings(writer, "swc", finding.Taxonomy.Swc);
        writer.WriteString("message", finding.Message);
        writer.WriteString("path", finding.Path);
        writer.WriteNumber("startLine", finding.Span.StartLine);
        writer.WriteNumber("startColumn", finding.Span.StartColumn);
        writer.WriteNumber("endLine", finding.Span.EndLine);
        writer.WriteNumber("endColumn", finding.Span.EndColumn);
        writer.WriteString("snippet", finding.Snippet);
        writer.WriteString("fingerprint", finding.Fingerprint);
        writer.WriteBoolean("suppressed", finding.Suppressed);
        if (finding.Suppression is { } suppression)
        {
            writer.WriteStartObject("suppression");
            writer.WriteString("kind", suppression.Kind);
            writer.WriteString("reason", suppression.Reason);
            if (suppression.Until is { } until)
            {
                writer.WriteString("until", until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
            writer.WriteEndObject();
        }
        if (finding.Fix is { } fix)
        {
            writer.WriteStartObject("fix");
            writer.WriteString("description", fix.Description);
            writer.WriteString("fixedCode", fix.DisplayCode);
            writer.WriteString("diff", fix.Diff);
            writer.WriteBoolean("verified", fix.Verified);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("fix");
        }
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }
}
