using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portcullis.Analysis.Reporting;
using Portcullis.Gate.Hosting;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Recording;
using Portcullis.Gate.Scanning;

namespace Portcullis.Gate.Http;

/// <summary>
/// <c>POST /v1/scan</c> and <c>GET /v1/receipts/{index}</c>. The scan answer holds the verdict, the
/// reasons, the findings in the CLI's JSON contract (fixes inside), the action taken on each, the
/// policy that decided and the receipt of the decision-log entry.
/// </summary>
public static class ScanEndpoints
{
    private static readonly Role[] Scanners = [Role.Agent, Role.Developer, Role.Admin];
    private static readonly Role[] Readers = [Role.Agent, Role.Developer, Role.Approver, Role.Admin];

    public static void Map(WebApplication app, GateServices gate)
    {
        app.MapPost("/v1/scan", (HttpContext http) => GateEndpoint.Handle(http, gate, Scanners, async caller =>
        {
            using var body = await GateEndpoint.ReadJson(http, gate).ConfigureAwait(false);
            var (submissions, info) = ScanRequest.Parse(body.RootElement, caller);
            var decision = await gate.Scanner.DecideAsync(submissions, info, caller, http.RequestAborted).ConfigureAwait(false);
            // An unrecorded decision is a block the client must not mistake for a normal answer.
            return JsonAnswer.Of(decision.Recorded ? 200 : 503, w => WriteDecision(w, decision));
        }));

        app.MapGet("/v1/receipts/{index}", (HttpContext http, string index) => GateEndpoint.HandleNow(http, gate, Readers, caller =>
        {
            if (!long.TryParse(index, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var at))
            {
                throw new GateRequestException(400, $"'{index}' is not a ledger index");
            }
            var entry = gate.Log.Read(at);
            // An agent may read only what its own token recorded; it learns nothing about other indexes.
            if (entry is null || (caller.Role == Role.Agent && !string.Equals(entry.Actor, caller.Id, StringComparison.Ordinal)))
            {
                return (entry is null ? JsonAnswer.Error(404, $"no ledger entry at index {at}") : JsonAnswer.Error(403, "an agent token may read only the receipts of its own scans"));
            }
            var proof = gate.Log.Prove(at) ?? throw new GateRequestException(404, $"no ledger entry at index {at}");
            return (JsonAnswer.Of(200, w => WriteProof(w, entry, proof)));
        }));
    }

    public static void WriteDecision(Utf8JsonWriter writer, GateDecision decision)
    {
        writer.WriteString("verdict", JsonReport.VerdictName(decision.Verdict));
        writer.WriteStartArray("reasons");
        foreach (var reason in decision.Reasons)
        {
            writer.WriteStringValue(reason);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("findings");
        foreach (var decided in decision.Findings)
        {
            JsonReport.WriteFinding(writer, decided.Finding);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("actions");
        foreach (var decided in decision.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("fingerprint", decided.Finding.Fingerprint);
            writer.WriteString("action", decided.OverrideId is null ? decided.Action.ToString().ToLowerInvariant() : "overridden");
            if (decided.OverrideId is not null)
            {
                writer.WriteString("override", decided.OverrideId);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("errors");
        foreach (var failed in decision.Files.Where(f => f.Failed))
        {
            writer.WriteStartObject();
            writer.WriteString("path", failed.Path);
            writer.WriteString("message", failed.Error);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartObject("policy");
        writer.WriteNumber("version", decision.Policy.Version);
        writer.WriteString("digest", decision.Policy.Digest);
        writer.WriteEndObject();
        writer.WriteString("sampleId", decision.SampleId);
        if (decision.Receipt is { } receipt)
        {
            writer.WriteStartObject("receipt");
            writer.WriteNumber("index", receipt.Index);
            writer.WriteString("leafHash", receipt.LeafHash);
            writer.WriteString("checkpoint", receipt.Checkpoint);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("receipt");
        }
    }

    private static void WriteProof(Utf8JsonWriter writer, LoggedEntry entry, ReceiptProof proof)
    {
        writer.WriteNumber("index", proof.Index);
        writer.WriteString("kind", entry.Kind);
        writer.WriteString("leafHash", proof.LeafHash);
        writer.WriteNumber("treeSize", proof.TreeSize);
        writer.WriteStartArray("auditPath");
        foreach (var hash in proof.AuditPath)
        {
            writer.WriteStringValue(hash);
        }
        writer.WriteEndArray();
        writer.WriteString("rootHash", proof.RootHash);
        writer.WriteString("checkpoint", proof.Checkpoint);
        writer.WritePropertyName("entry");
        if (entry.Body is null)
        {
            // Retention pruned the body; the leaf hash (and so this proof) still stands.
            writer.WriteNullValue();
            return;
        }
        using var body = JsonDocument.Parse(entry.Body);
        body.RootElement.WriteTo(writer);
    }
}
