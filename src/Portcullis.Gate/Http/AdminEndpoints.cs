using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portcullis.Gate.Hosting;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Overrides;
using Portcullis.Gate.State;

namespace Portcullis.Gate.Http;

/// <summary>
/// Tokens (admin), policy (admin; loosening needs a second admin) and overrides (developer requests,
/// approver approves). Roles do not nest, so an agent token reaches none of these.
/// </summary>
public static class AdminEndpoints
{
    private static readonly Role[] Admins = [Role.Admin];
    private static readonly Role[] People = [Role.Developer, Role.Approver, Role.Admin];

    public static void Map(WebApplication app, GateServices gate)
    {
        app.MapPost("/v1/tokens", (HttpContext http) => GateEndpoint.Handle(http, gate, Admins, async caller =>
        {
            using var body = await GateEndpoint.ReadJson(http, gate).ConfigureAwait(false);
            var request = body.RootElement;
            var roleName = String(request, "role") ?? throw new GateRequestException(400, "'role' is required: agent, developer, approver or admin");
            if (!Enum.TryParse<Role>(roleName, ignoreCase: true, out var role) || !Enum.IsDefined(role) || roleName.Any(char.IsDigit))
            {
                throw new GateRequestException(400, $"unknown role '{roleName}': agent, developer, approver or admin");
            }
            var ttl = Number(request, "ttlMinutes") is { } minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
            var (token, record) = gate.Tokens.Issue(role, String(request, "subject") ?? "", String(request, "task"), String(request, "repository"), String(request, "ref"), ttl, caller.Id);
            return JsonAnswer.Of(201, w =>
            {
                w.WriteString("token", token);
                WriteToken(w, record);
            });
        }));

        app.MapGet("/v1/tokens", (HttpContext http) => GateEndpoint.HandleNow(http, gate, Admins, _ => (JsonAnswer.Of(200, w =>
        {
            w.WriteStartArray("tokens");
            foreach (var token in gate.Tokens.List())
            {
                w.WriteStartObject();
                WriteToken(w, token);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }))));

        app.MapDelete("/v1/tokens/{id}", (HttpContext http, string id) => GateEndpoint.HandleNow(http, gate, Admins, caller =>
        {
            gate.Tokens.Revoke(id, caller.Id);
            return (JsonAnswer.Of(200, w => w.WriteString("revoked", id)));
        }));

        app.MapGet("/v1/policy", (HttpContext http) => GateEndpoint.HandleNow(http, gate, People, _ =>
        {
            var policy = gate.Policies.Current;
            return (JsonAnswer.Of(200, w =>
            {
                w.WriteNumber("version", policy.Version);
                w.WriteString("digest", policy.Digest);
                w.WriteString("text", policy.Text);
                w.WriteStartArray("proposals");
                foreach (var proposal in gate.Policies.Proposals())
                {
                    w.WriteStartObject();
                    w.WriteString("id", proposal.Id);
                    w.WriteNumber("version", proposal.Version);
                    w.WriteString("digest", proposal.Digest);
                    w.WriteString("proposedBy", proposal.ProposedBy);
                    w.WriteString("status", proposal.Status);
                    w.WriteStartArray("loosening");
                    proposal.Reasons.ToList().ForEach(w.WriteStringValue);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
        }));

        // The body is the policy YAML itself, so what the admin reviewed is byte for byte what is digested.
        app.MapPut("/v1/policy", (HttpContext http) => GateEndpoint.Handle(http, gate, Admins, async caller =>
        {
            var text = await GateEndpoint.ReadText(http, gate).ConfigureAwait(false);
            var outcome = gate.Policies.Propose(text, caller);
            return JsonAnswer.Of(outcome.Activated ? 200 : 202, w =>
            {
                w.WriteString("status", outcome.Activated ? "active" : "pending-approval");
                w.WriteNumber("version", outcome.Policy.Version);
                w.WriteString("digest", outcome.Policy.Digest);
                if (outcome.ProposalId is not null)
                {
                    w.WriteString("proposal", outcome.ProposalId);
                }
                w.WriteStartArray("loosening");
                outcome.LooseningReasons.ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
            });
        }));

        app.MapPost("/v1/policy/proposals/{id}/approve", (HttpContext http, string id) => GateEndpoint.HandleNow(http, gate, Admins, caller =>
        {
            var policy = gate.Policies.Approve(id, caller);
            return (JsonAnswer.Of(200, w =>
            {
                w.WriteString("status", "active");
                w.WriteNumber("version", policy.Version);
                w.WriteString("digest", policy.Digest);
            }));
        }));

        app.MapPost("/v1/overrides", (HttpContext http) => GateEndpoint.Handle(http, gate, [Role.Developer], async caller =>
        {
            using var body = await GateEndpoint.ReadJson(http, gate).ConfigureAwait(false);
            var fingerprint = String(body.RootElement, "fingerprint") ?? throw new GateRequestException(400, "'fingerprint' is required: the blocked finding's fingerprint");
            var ttl = Number(body.RootElement, "ttlHours") is { } hours ? TimeSpan.FromHours(hours) : (TimeSpan?)null;
            var record = gate.Overrides.Request(caller, fingerprint, String(body.RootElement, "reason") ?? "", ttl);
            gate.Metrics.RecordOverride("requested");
            return JsonAnswer.Of(201, w => WriteOverride(w, record, gate.Time.GetUtcNow()));
        }));

        app.MapPost("/v1/overrides/{id}/approve", (HttpContext http, string id) => GateEndpoint.HandleNow(http, gate, [Role.Approver], caller =>
        {
            var record = gate.Overrides.Approve(caller, id);
            gate.Metrics.RecordOverride("approved");
            return (JsonAnswer.Of(200, w => WriteOverride(w, record, gate.Time.GetUtcNow())));
        }));

        app.MapGet("/v1/overrides", (HttpContext http) => GateEndpoint.HandleNow(http, gate, People, _ => (JsonAnswer.Of(200, w =>
        {
            var now = gate.Time.GetUtcNow();
            w.WriteStartArray("overrides");
            foreach (var record in gate.Overrides.List())
            {
                w.WriteStartObject();
                WriteOverride(w, record, now);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }))));
    }

    private static void WriteToken(Utf8JsonWriter w, AccessToken token)
    {
        w.WriteString("id", token.Id);
        w.WriteString("role", token.RoleName);
        w.WriteString("subject", token.Subject);
        w.WriteString("task", token.Task);
        w.WriteString("repository", token.Repository);
        w.WriteString("ref", token.Ref);
        w.WriteString("issuedAt", GateStore.Time(token.IssuedAt));
        w.WriteString("expiresAt", GateStore.Time(token.ExpiresAt));
        w.WriteString("revokedAt", token.RevokedAt is { } revoked ? GateStore.Time(revoked) : null);
    }

    private static void WriteOverride(Utf8JsonWriter w, Override record, DateTimeOffset now)
    {
        w.WriteString("id", record.Id);
        w.WriteString("status", record.Status(now));
        w.WriteString("fingerprint", record.Fingerprint);
        w.WriteString("ruleId", record.RuleId);
        w.WriteString("severity", record.Severity);
        w.WriteString("cwe", record.Cwe);
        w.WriteString("repository", record.Repository);
        w.WriteString("reason", record.Reason);
        w.WriteString("requestedBy", record.RequestedBy);
        w.WriteBoolean("needsApproval", record.NeedsApproval);
        w.WriteString("approvedBy", record.ApprovedBy);
        w.WriteString("expiresAt", GateStore.Time(record.ExpiresAt));
    }

    private static string? String(JsonElement body, string name)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new GateRequestException(400, "the body must be a JSON object");
        }
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new GateRequestException(400, $"'{name}' must be a string");
    }

    private static double? Number(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.GetDouble() is var n && n > 0 && double.IsFinite(n)
            ? n
            : throw new GateRequestException(400, $"'{name}' must be a positive number");
    }
}
