using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis init claude [--dir DIR] [--command CMD | --server URL [--client PATH]]</c>: adds the
/// Portcullis PreToolUse hook to DIR/.claude/settings.json (keeping everything else in the file), for the
/// tools that write code, with <c>onFailure: "block"</c> so a hook that cannot run stops the write. With
/// <c>--server</c> it is an <c>http</c> hook: Claude Code posts the payload to the gate service itself,
/// with the token from <c>$PORTCULLIS_TOKEN</c>, and no process starts per write. With <c>--client</c> as
/// well it is a command hook running that native <c>portcullis-hook</c> (installed beside
/// <c>portcullis</c>), for Claude Code versions without http hooks: a native start, no .NET runtime start.
/// The token never goes into the file; both read <c>$PORTCULLIS_TOKEN</c>.
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
        var reader = new ArgumentReader(args.Skip(1).ToArray(), ["--dir", "--command", "--server", "--client"], []);
        var directory = Path.Combine(reader.Value("--dir") ?? Directory.GetCurrentDirectory(), ".claude");
        var server = reader.Value("--server");
        if (server is not null && reader.Value("--command") is not null)
        {
            throw new UsageException("init claude takes --command or --server, not both");
        }
        var client = reader.Value("--client");
        if (client is not null && server is null)
        {
            throw new UsageException("init claude --client needs the gate's --server URL");
        }
        var hook = server is null ? CommandHook(reader.Value("--command") ?? "portcullis hook claude")
            : client is null ? HttpHook(server)
            : CommandHook(NativeClientCommand(client, server));
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
        if (server is not null && client is null && InstalledNativeClient() is { } native)
        {
            stdout.WriteLine($"(a command hook that needs no http hook support: --client {native})");
        }
        return ExitCodes.Allow;
    }

    /// <summary>The native hook client <c>install.sh</c> puts beside <c>portcullis</c>, if it is there.</summary>
    public static string? InstalledNativeClient() =>
        Environment.ProcessPath is { } self && Path.Combine(Path.GetDirectoryName(self)!, "portcullis-hook") is var client && File.Exists(client) ? client : null;

    private static string NativeClientCommand(string client, string server)
    {
        var url = GateUrl(server);
        var full = Path.GetFullPath(client);
        if (!File.Exists(full))
        {
            throw new UsageException($"--client {client}: no such file (./install.sh builds portcullis-hook)");
        }
        return $"{ShellQuote(full)} --server {ShellQuote(url.ToString())}";
    }

    private static string ShellQuote(string word) =>
        word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or ':' or '+' or '=')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static Uri GateUrl(string server) =>
        Uri.TryCreate(server, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--server needs the gate's http(s) URL, not '{server}'");

    private static JsonObject CommandHook(string command) => new()
    {
        ["type"] = "command",
        ["command"] = command,
        ["timeout"] = 30,
        ["onFailure"] = "block",
    };

    private static JsonObject HttpHook(string server) => new()
    {
        ["type"] = "http",
        ["url"] = new Uri(GateUrl(server), "/v1/hooks/claude").ToString(),
        ["headers"] = new JsonObject { ["Authorization"] = "Bearer $PORTCULLIS_TOKEN" },
        ["allowedEnvVars"] = new JsonArray("PORTCULLIS_TOKEN"),
        ["timeout"] = 30,
        ["onFailure"] = "block",
    };
}
