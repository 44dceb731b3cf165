using System.Text.Json;

namespace Portcullis.Gate.Tests;

/// <summary>
/// Claude Code's PreToolUse hook input in the shape it documents (session_id, transcript_path, cwd,
/// permission_mode, hook_event_name, tool_name, tool_input, tool_use_id), for every hook test.
/// </summary>
internal static class ClaudePayload
{
    /// <summary>The payload as an object, for a JSON body the HTTP client serialises.</summary>
    public static Dictionary<string, object> PreToolUse(string cwd, string tool, object input) => new()
    {
        ["session_id"] = "abc123",
        ["transcript_path"] = "/tmp/t.jsonl",
        ["cwd"] = cwd,
        ["permission_mode"] = "default",
        ["hook_event_name"] = "PreToolUse",
        ["tool_name"] = tool,
        ["tool_input"] = input,
        ["tool_use_id"] = "toolu_01ABC",
    };

    /// <summary>The payload as the JSON text a command hook reads on standard input.</summary>
    public static string Json(string cwd, string tool, object input) => JsonSerializer.Serialize(PreToolUse(cwd, tool, input));

    /// <summary>A Write of <paramref name="content"/> to <paramref name="path"/>, as JSON text.</summary>
    public static string Write(string cwd, string path, string content) => Json(cwd, "Write", new { file_path = path, content });
}
