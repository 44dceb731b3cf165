using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portcullis.Core;
using Portcullis.Gate.Hooks;
using Portcullis.Gate.Hosting;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Policy;
using Portcullis.Gate.Scanning;

namespace Portcullis.Gate.Http;

/// <summary>
/// <c>POST /v1/hooks/claude</c>: Claude Code's <c>http</c> hook posts its PreToolUse payload here and
/// gets the hook output JSON back, <c>hookSpecificOutput.permissionDecision</c> <c>deny</c> with the
/// reason (each finding and its verified fix) or <c>allow</c>. Every failure denies. The decision is
/// recorded like any scan; Edit post-images are built from the file on this machine's disk.
/// </summary>
public static class HookEndpoints
{
    private static readonly Role[] Callers = [Role.Agent, Role.Developer, Role.Admin];

    public static void Map(WebApplication app, GateServices gate)
    {
        app.MapPost("/v1/hooks/claude", (HttpContext http) => GateEndpoint.Handle(http, gate, Callers, async caller =>
        {
            try
            {
                using var body = await GateEndpoint.ReadJson(http, gate).ConfigureAwait(false);
                var write = ClaudeToolCall.PostImage(body.RootElement, ReadFile);
                if (write is null)
                {
                    return Answer(true, "Portcullis: this tool does not write files");
                }
                var info = ScanRequest.BindToToken(new SubmissionInfo("file", null, null, null, null, null), caller);
                var decision = await gate.Scanner.DecideAsync([new Submission(write.Path, write.LanguageHint, write.After, write.Before)], info, caller, http.RequestAborted).ConfigureAwait(false);
                return decision.Verdict == Verdict.Block
                    ? Answer(false, DenyReason(write.Path, decision))
                    : Answer(true, $"Portcullis: {write.Path}: {decision.Verdict.ToString().ToLowerInvariant()} (policy {decision.Policy.Version}, ledger index {decision.Receipt?.Index})");
            }
            catch (GateRequestException e) when (e.Status == 400)
            {
                return Answer(false, $"Portcullis blocked this tool call because it could not check it: {e.Message}");
            }
            catch (Exception e) when (e is HookInputException or IOException or UnauthorizedAccessException)
            {
                return Answer(false, $"Portcullis blocked this tool call because it could not check it: {e.Message}");
            }
        }));
    }

    private static string DenyReason(string path, GateDecision decision)
    {
        var blocking = decision.Findings.Where(d => d.Action == PolicyAction.Block && d.OverrideId is null).Select(d => d.Finding).ToList();
        var other = decision.Reasons.Where(r => !blocking.Any(f => r.StartsWith($"line {f.Span.StartLine}: {f.RuleId}", StringComparison.Ordinal))).ToList();
        return WriteGate.DenyReason(path, blocking, other);
    }

    public static JsonAnswer Answer(bool allow, string reason) => JsonAnswer.Of(200, w =>
    {
        w.WriteStartObject("hookSpecificOutput");
        w.WriteString("hookEventName", "PreToolUse");
        w.WriteString("permissionDecision", allow ? "allow" : "deny");
        w.WriteString("permissionDecisionReason", reason);
        w.WriteEndObject();
    });

    private static string? ReadFile(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
