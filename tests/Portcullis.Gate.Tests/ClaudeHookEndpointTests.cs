using System.Text.Json;
using Portcullis.Gate.Identity;

namespace Portcullis.Gate.Tests;

/// <summary>
/// <c>POST /v1/hooks/claude</c> with Claude Code's documented PreToolUse payloads, answering the documented
/// hook output: <c>hookSpecificOutput.hookEventName</c> and <c>permissionDecision</c> deny or allow.
/// </summary>
public sealed class ClaudeHookEndpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("portcullis-hook-http-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private object Payload(string tool, object input) => ClaudePayload.PreToolUse(_dir, tool, input);

    private static JsonElement Output(JsonElement body)
    {
        var output = body.GetProperty("hookSpecificOutput");
        Assert.Equal("PreToolUse", output.GetProperty("hookEventName").GetString());
        return output;
    }

    [Fact]
    public async Task An_insecure_write_is_denied_with_the_finding_and_its_verified_fix()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");

        var (status, body) = await host.Post("/v1/hooks/claude", agent, Payload("Write", new { file_path = Path.Combine(_dir, "loader.py"), content = "import yaml\n\ndef load(text):\n    return yaml.load(text)\n" }));

        Assert.Equal(200, status);
        var output = Output(body);
        Assert.Equal("deny", output.GetProperty("permissionDecision").GetString());
        var reason = output.GetProperty("permissionDecisionReason").GetString()!;
        Assert.Contains("python.deserialization.yaml-load", reason, StringComparison.Ordinal);
        Assert.Contains("+    return yaml.safe_load(text)", reason, StringComparison.Ordinal);
        Assert.Equal("scan_decision", host.Gate.Log.Read(host.Gate.Log.Size - 1)!.Kind);
    }

    [Fact]
    public async Task A_secure_edit_is_allowed_on_the_file_it_would_leave()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");
        var path = Path.Combine(_dir, "app.py");
        await File.WriteAllTextAsync(path, "import yaml\nX = 1\n");

        var (_, body) = await host.Post("/v1/hooks/claude", agent, Payload("Edit", new { file_path = path, old_string = "X = 1", new_string = "X = 2", replace_all = false }));

        Assert.Equal("allow", Output(body).GetProperty("permissionDecision").GetString());
    }

    [Fact]
    public async Task A_write_to_a_protected_path_is_denied()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");

        var (_, body) = await host.Post("/v1/hooks/claude", agent, Payload("Write", new { file_path = ".github/workflows/release.yml", content = "name: release\n" }));

        var output = Output(body);
        Assert.Equal("deny", output.GetProperty("permissionDecision").GetString());
        Assert.Contains("protected path", output.GetProperty("permissionDecisionReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_it_cannot_read_is_denied_and_a_missing_token_is_401()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");

        var (_, body) = await host.Post("/v1/hooks/claude", agent, new { tool_name = "Write", tool_input = new { content = "x" } });
        var (unauthenticated, _) = await host.Post("/v1/hooks/claude", null, Payload("Write", new { file_path = "a.py", content = "x = 1\n" }));

        Assert.Equal("deny", Output(body).GetProperty("permissionDecision").GetString());
        Assert.Equal(401, unauthenticated);
    }
}
