using System.Text.Json.Serialization;

namespace Portcullis.HookClient;

/// <summary>The gate's answer on <c>/v1/hooks/claude</c>: Claude Code's PreToolUse hook output.</summary>
internal sealed record HookAnswer(HookSpecificOutput? HookSpecificOutput);

internal sealed record HookSpecificOutput(string? HookEventName, string? PermissionDecision, string? PermissionDecisionReason);

/// <summary>The gate's refusal body (401, 403, 413, 429...).</summary>
internal sealed record GateError(string? Error);

/// <summary>Source-generated (no reflection), so the client compiles ahead of time without trimming warnings.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HookAnswer))]
[JsonSerializable(typeof(GateError))]
internal sealed partial class HookJson : JsonSerializerContext;
