using System.Buffers;
using System.Text;
using System.Text.Json;
using Portcullis.Core;
using Portcullis.Gate.Http;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Scanning;

namespace Portcullis.Gate.Mcp;

/// <summary>
/// The <c>scan</c> tool: the same arguments as the body of <c>POST /v1/scan</c> (code with a language or
/// path, files, or a patch; kind, agent, task) and the same decision — policy, overrides, deadline, and
/// a ledger entry — answered as MCP tool content: a readable summary, the JSON decision as text, and the
/// same object as <c>structuredContent</c>.
/// </summary>
internal sealed class McpScanTool(GateScanner scanner)
{
    public const string Name = "scan";

    private const string Description =
        "Checks code before it is written: runs Portcullis's detectors and the gate's policy, records the decision in the tamper-evident ledger, " +
        "and answers verdict (allow, warn or block), the findings with their CWE and verified fixes as diffs, the reasons, and a ledger receipt. " +
        "When the verdict is block, do not write the code: apply the fixes and scan again.";

    public static void WriteDefinition(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        writer.WriteString("title", "Portcullis security scan");
        writer.WriteString("description", Description);
        writer.WriteStartObject("inputSchema");
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        Property(writer, "code", "string", "The code to check (a completion, a function or a whole file).");
        Property(writer, "language", "string", "Its language (python, java, javascript, typescript, go, c, cpp, csharp, solidity, ...), when the path does not say.");
        Property(writer, "path", "string", "Where the code will be written; it also names the language and is checked against protected paths.");
        writer.WriteStartObject("files");
        writer.WriteString("type", "array");
        writer.WriteString("description", "Several files instead of code: each with path and content.");
        writer.WriteStartObject("items");
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        Property(writer, "path", "string", "The file's path.");
        Property(writer, "content", "string", "The file's new content.");
        writer.WriteEndObject();
        writer.WriteStartArray("required");
        writer.WriteStringValue("path");
        writer.WriteStringValue("content");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        Property(writer, "patch", "string", "A unified diff instead of code; the added lines are checked.");
        writer.WriteStartObject("kind");
        writer.WriteString("type", "string");
        writer.WriteStartArray("enum");
        foreach (var kind in SubmissionInfo.Kinds)
        {
            writer.WriteStringValue(kind);
        }
        writer.WriteEndArray();
        writer.WriteString("description", "What the code is; completions get the 2 s deadline, the others 10 s.");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("annotations");
        writer.WriteBoolean("readOnlyHint", false);
        writer.WriteBoolean("destructiveHint", false);
        writer.WriteBoolean("idempotentHint", false);
        writer.WriteBoolean("openWorldHint", false);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes the <c>tools/call</c> result. Arguments the gate refuses are a tool error the model can correct.</summary>
    public async Task WriteCall(Utf8JsonWriter writer, JsonElement arguments, AccessToken caller, CancellationToken cancellationToken)
    {
        GateDecision decision;
        try
        {
            var (submissions, info) = ScanRequest.Parse(arguments, caller);
            decision = await scanner.DecideAsync(submissions, info, caller, cancellationToken).ConfigureAwait(false);
        }
        catch (GateRequestException e)
        {
            WriteToolError(writer, $"Portcullis did not check this code, so it must not be written as it is: {e.Message}");
            return;
        }
        var structured = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(structured))
        {
            json.WriteStartObject();
            ScanEndpoints.WriteDecision(json, decision);
            json.WriteEndObject();
        }
        var decisionJson = Encoding.UTF8.GetString(structured.WrittenSpan);
        writer.WriteStartArray("content");
        Text(writer, Summary(decision));
        Text(writer, decisionJson);
        writer.WriteEndArray();
        writer.WritePropertyName("structuredContent");
        writer.WriteRawValue(decisionJson, skipInputValidation: true);
        writer.WriteBoolean("isError", false);
    }

    public static void WriteToolError(Utf8JsonWriter writer, string message)
    {
        writer.WriteStartArray("content");
        Text(writer, message);
        writer.WriteEndArray();
        writer.WriteBoolean("isError", true);
    }

    /// <summary>What the model reads first: the verdict, then each finding with its verified fix.</summary>
    private static string Summary(GateDecision decision)
    {
        var text = new StringBuilder();
        text.Append("Portcullis verdict: ").Append(decision.Verdict.ToString().ToLowerInvariant());
        if (decision.Receipt is { } receipt)
        {
            text.Append(" (ledger entry ").Append(receipt.Index).Append(')');
        }
        text.Append('\n');
        foreach (var reason in decision.Reasons)
        {
            text.Append("- ").Append(reason).Append('\n');
        }
        foreach (var decided in decision.Findings)
        {
            var finding = decided.Finding;
            text.Append('\n').Append(finding.Path).Append(':').Append(finding.Span.StartLine).Append(' ').Append(finding.RuleId)
                .Append(" (").Append(string.Join(", ", finding.Taxonomy.Cwe.Concat(finding.Taxonomy.Swc))).Append(", ")
                .Append(finding.Severity.ToString().ToLowerInvariant()).Append(", ").Append(decided.OverrideId is null ? decided.Action.ToString().ToLowerInvariant() : "overridden")
                .Append("): ").Append(finding.Message).Append('\n');
            if (finding.Fix is { Verified: true } fix)
            {
                text.Append("Verified fix (").Append(fix.Description).Append("):\n").Append(fix.Diff.TrimEnd('\n')).Append('\n');
            }
        }
        if (decision.Verdict == Verdict.Block)
        {
            text.Append("\nDo not write this code as it is: apply the fixes (or remove the patterns) and scan again.");
        }
        return text.ToString();
    }

    private static void Text(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "text");
        writer.WriteString("text", text);
        writer.WriteEndObject();
    }

    private static void Property(Utf8JsonWriter writer, string name, string type, string description)
    {
        writer.WriteStartObject(name);
        writer.WriteString("type", type);
        writer.WriteString("description", description);
        writer.WriteEndObject();
    }
}
