using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis init claude [--dir DIR] [--command CMD]</c>: adds the Portcullis PreToolUse hook to
/// DIR/.claude/settings.json (keeping everything else in the file), for the tools that write code,
/// with <c>onFailure: "block"</c> so a hook that cannot run stops the write.
/// </summary>
internal static class InitCommand
{
    public const string Matcher = "Write|Edit|MultiEdit|NotebookEdit";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        if (args.Count == 0 || args[0] != "claude")
        {
            throw new UsageException("init needs the agent to set up: claude");
        }
        var reader = new ArgumentReader(args.Skip(1).ToArray(), ["--dir", "--command"], []);
        var directory = Path.Combine(reader.Value("--dir") ?? Directory.GetCurrentDirectory(), ".claude");
        var command = reader.Value("--command") ?? "portcullis hook claude";
        var path = Path.Combine(directory, "settings.json");
        JsonObject settings;
        try
        {
            settings = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new UsageException($"{path} is not a JSON object") : [];
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not valid JSON ({e.Message}); fix it first");
        }
        var hooks = settings["hooks"] as JsonObject ?? [];
        settings["hooks"] = hooks;
        var preToolUse = hooks["PreToolUse"] as JsonArray ?? [];
        hooks["PreToolUse"] = preToolUse;
        var already = preToolUse.OfType<JsonObject>().Any(entry =>
            entry["hooks"] is JsonArray list && list.OfType<JsonObject>().Any(h => h["command"]?.GetValue<string>() == command));
        if (!already)
        {
            preToolUse.Add(new JsonObject
            {
                ["matcher"] = Matcher,
                ["hooks"] = new JsonArray(new JsonObject
                {
                    ["type"] = "command",
                    ["command"] = command,
                    ["timeout"] = 30,
                    ["onFailure"] = "block",
                }),
            });
        }
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        stdout.WriteLine(already ? $"{path}: the Portcullis hook is already there" : $"{path}: added the Portcullis PreToolUse hook for {Matcher}");
        return ExitCodes.Allow;
    }
}
