using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Portcullis.Core;

namespace Portcullis.Analysis.Reporting;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning accepts it: one run, rule metadata with a numeric
/// <c>security-severity</c> string and <c>external/cwe/cwe-NNN</c> tags, and
/// <c>partialFingerprints.primaryLocationLineHash</c> from the line-independent fingerprint.
/// </summary>
public static class SarifReport
{
    private const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(ScanReport report)
    {
        var findings = report.Findings.ToList();
        var referenced = findings.Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        var rules = report.Rules.Where(r => referenced.Contains(r.Id)).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", Schema);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            WriteTool(w, rules);
            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var finding in findings)
            {
                WriteResult(w, finding, ruleIndex);
            }
            w.WriteEndArray();
            WriteInvocation(w, report);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>GitHub maps security-severity to critical (≥ 9.0), high (≥ 7.0), medium (≥ 4.0), low.</summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        _ => "0.0",
    };

    /// <summary>"CWE-89" → "external/cwe/cwe-089", the tag form GitHub and CodeQL use.</summary>
    public static string CweTag(string cwe)
    {
        var number = cwe.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) ? cwe[4..] : cwe;
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? $"external/cwe/cwe-{n:D3}"
            : $"external/cwe/{cwe.ToLowerInvariant()}";
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static void WriteTool(Utf8JsonWriter w, IReadOnlyList<RuleDescriptor> rules)
    {
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", ToolInfo.Name);
        w.WriteString("version", ToolInfo.Version);
        w.WriteString("semanticVersion", ToolInfo.Version);
        w.WriteString("informationUri", ToolInfo.InformationUri);
        w.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("name", rule.Id);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", rule.Message);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", rule.Message);
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(rule.Severity));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteStartArray("tags");
            w.WriteStringValue("security");
            foreach (var cwe in rule.Taxonomy.Cwe)
            {
                w.WriteStringValue(CweTag(cwe));
            }
            foreach (var tag in rule.Taxonomy.Owasp.Concat(rule.Taxonomy.Swc))
            {
                w.WriteStringValue(tag);
            }
            w.WriteEndArray();
            w.WriteString("security-severity", SecuritySeverity(rule.Severity));
            w.WriteString("precision", rule.Confidence switch { Confidence.High => "high", Confidence.Medium => "medium", _ => "low" });
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Finding finding, Dictionary<string, int> ruleIndex)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", finding.RuleId);
        if (ruleIndex.TryGetValue(finding.RuleId, out var index))
        {
            w.WriteNumber("ruleIndex", index);
        }
        w.WriteString("level", Level(finding.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", finding.Message);
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", ArtifactUri(finding.Path));
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", finding.Span.StartLine);
        w.WriteNumber("startColumn", finding.Span.StartColumn);
        w.WriteNumber("endLine", finding.Span.EndLine);
        w.WriteNumber("endColumn", finding.Span.EndColumn);
        w.WriteStartObject("snippet");
        w.WriteString("text", finding.Snippet);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("partialFingerprints");
        w.WriteString("primaryLocationLineHash", finding.Fingerprint + ":1");
        w.WriteEndObject();
        if (finding.Suppression is { } suppression)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", suppression.Kind == "inline" ? "inSource" : "external");
            w.WriteString("justification", suppression.Reason);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (finding.Fix is { Verified: true } fix && finding.Proposal is { } proposal)
        {
            WriteFix(w, finding.Path, fix, proposal);
        }
        w.WriteStartObject("properties");
        w.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
        w.WriteString("confidence", finding.Confidence.ToString().ToLowerInvariant());
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter w, string path, Fix fix, FixProposal proposal)
    {
        w.WriteStartArray("fixes");
        w.WriteStartObject();
        w.WriteStartObject("description");
        w.WriteString("text", fix.Description);
        w.WriteEndObject();
        w.WriteStartArray("artifactChanges");
        w.WriteStartObject();
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", ArtifactUri(path));
        w.WriteEndObject();
        w.WriteStartArray("replacements");
        foreach (var edit in proposal.Edits)
        {
            w.WriteStartObject();
            w.WriteStartObject("deletedRegion");
            w.WriteNumber("byteOffset", edit.StartByte);
            w.WriteNumber("byteLength", edit.EndByte - edit.StartByte);
            w.WriteEndObject();
            w.WriteStartObject("insertedContent");
            w.WriteString("text", edit.NewText);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteInvocation(Utf8JsonWriter w, ScanReport report)
    {
        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", !report.Errors.Any());
        w.WriteStartArray("toolExecutionNotifications");
        foreach (var error in report.Errors)
        {
            w.WriteStartObject();
            w.WriteString("level", "error");
            w.WriteStartObject("message");
            w.WriteString("text", error.Error);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>Relative paths with forward slashes, percent-encoded where URIs need it.</summary>
    private static string ArtifactUri(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }
        return string.Join('/', normalized.Split('/').Select(Uri.EscapeDataString));
    }
}
