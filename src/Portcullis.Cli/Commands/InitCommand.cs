using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis init claude [--dir DIR] [--command CMD | --server URL]</c>: adds the Portcullis
/// PreToolUse hook to DIR/.claude/settings.json (keeping everything else in the file), for the tools
/// that write code, with <c>onFailure: "block"</c> so a hook that cannot run stops the write. With
/// <c>--server</c> it is an <c>http</c> hook: Claude Code posts the payload to the gate service itself,
/// with the token from <c>$PORTCULLIS_TOKEN</c>, and no process starts per write.
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
        var reader = new ArgumentReader(args.Skip(1).ToArray(), ["--dir", "--command", "--server"], []);
        var directory = Path.Combine(reader.Value("--dir") ?? Directory.GetCurrentDirectory(), ".claude");
        var server = reader.Value("--server");
        if (server is not null && reader.Value("--command") is not null)
        {
            throw new UsageException("init claude takes --command or --server, not both");
        }
        var hook = server is null ? CommandHook(reader.Value("--command") ?? "portcullis hook claude") : HttpHook(server);
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
            entry["hooks"] is JsonArray list && list.OfType<JsonObject>().Any(h => JsonNode.DeepEquals(h, hook)));
        if (!already)
        {
            preToolUse.Add(new JsonObject
            {
                ["matcher"] = Matcher,
                ["hooks"] = new JsonArray(hook),
            });
        }
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        stdout.WriteLine(already ? $"{path}: the Portcullis hook is already there" : $"{path}: added the Portcullis PreToolUse hook for {Matcher}");
        return ExitCodes.Allow;
    }

    private static JsonObject CommandHook(string command) => new()
    {
        ["type"] = "command",
        ["command"] = command,
        ["timeout"] = 30,
        ["onFailure"] = "block",
    };

    private static JsonObject HttpHook(string server)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--server needs the gate's http(s) URL, not '{server}'");
        }
        return new JsonObject
        {
            ["type"] = "http",
            ["url"] = new Uri(uri, "/v1/hooks/claude").ToString(),
            ["headers"] = new JsonObject { ["Authorization"] = "Bearer $PORTCULLIS_TOKEN" },
            ["allowedEnvVars"] = new JsonArray("PORTCULLIS_TOKEN"),
            ["timeout"] = 30,
            ["onFailure"] = "block",
        };
    }
}
