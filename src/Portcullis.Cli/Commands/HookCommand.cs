using System.Text.Json;
using System.Data.Common;
using Portcullis.Gate.Hooks;
using Portcullis.Gate.Policy;
using Portcullis.Gate.State;
using Portcullis.Syntax;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis hook claude</c>: Claude Code's PreToolUse hook. Reads the payload on standard input,
/// scans the post-image of Write / Edit / MultiEdit / NotebookEdit, and exits 0 to allow or 2 to block
/// with the reason on standard error (Claude Code shows it to the agent). In-process it decides with the
/// gate's YAML policy (<c>--policy FILE</c>, the active policy of <c>--data DIR</c>, or the embedded
/// default) through the same evaluation as the service; it records nothing. Anything that goes wrong
/// inside the hook blocks: an unchecked write must never pass.
/// </summary>
internal static class HookCommand
{
    public const int Deny = 2;

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] != "claude")
        {
            throw new UsageException("hook needs the agent it serves: claude");
        }
        var reader = new ArgumentReader(args.Skip(1).ToArray(), ["--rules", "--server", "--token", "--policy", "--data", "--repo"], []);
        try
        {
            var input = stdin.ReadToEnd();
            if (reader.Value("--server") is { } server)
            {
                return AskServer(server, reader.Value("--token") ?? Environment.GetEnvironmentVariable("PORTCULLIS_TOKEN"), input, stderr);
            }
            using var payload = JsonDocument.Parse(input);
            var write = ClaudeToolCall.PostImage(payload.RootElement, ReadFile);
            if (write is null)
            {
                return ExitCodes.Allow;
            }
            var policy = LoadPolicy(reader);
            var language = LanguageDetector.Detect(write.Path, write.After) ?? write.LanguageHint;
            var engine = EngineFactory.Create(reader.Values("--rules"), ParseLimits.Default, stderr, language is null ? null : new HashSet<string>([language], StringComparer.Ordinal));
            var decision = new WriteGate(engine, policy, reader.Value("--repo")).Decide(write);
            if (decision.Allowed)
            {
                return ExitCodes.Allow;
            }
            stderr.WriteLine(decision.Reason);
            return Deny;
        }
        catch (Exception e) when (e is JsonException or HookInputException or IOException or UnauthorizedAccessException or UsageException or Rules.Model.RuleLoadException or SyntaxUnavailableException or PolicyException or DbException)
        {
            stderr.WriteLine($"Portcullis blocked this tool call because it could not check it: {e.Message}");
            return Deny;
        }
    }

    /// <summary>
    /// <c>--server URL</c>: posts the payload to the gate's <c>/v1/hooks/claude</c> and follows its
    /// <c>permissionDecision</c>. No answer, a refusal or an answer it cannot read blocks.
    /// </summary>
    private static int AskServer(string server, string? token, string payload, TextWriter stderr)
    {
        if (string.IsNullOrEmpty(token))
        {
            stderr.WriteLine("Portcullis blocked this tool call: --server needs a token (--token or PORTCULLIS_TOKEN)");
            return Deny;
        }
        try
        {
            using var client = new GateClient(server, token);
            var (status, body) = client.Send(HttpMethod.Post, "v1/hooks/claude", payload);
            if (status != 200)
            {
                stderr.WriteLine($"Portcullis blocked this tool call because the gate at {server} answered {status}: {body}");
                return Deny;
            }
            using var answer = JsonDocument.Parse(body);
            var output = answer.RootElement.GetProperty("hookSpecificOutput");
            if (output.GetProperty("permissionDecision").GetString() == "allow")
            {
                return ExitCodes.Allow;
            }
            stderr.WriteLine(output.GetProperty("permissionDecisionReason").GetString());
            return Deny;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or UsageException or UriFormatException)
        {
            stderr.WriteLine($"Portcullis blocked this tool call because it could not ask the gate at {server}: {e.Message}");
            return Deny;
        }
    }

    /// <summary>
    /// The YAML policy the service would apply: <c>--policy FILE</c>, else the active policy of the gate's
    /// <c>--data DIR</c>, else the embedded default. A policy that cannot be read blocks (the caller catches).
    /// </summary>
    private static GatePolicy LoadPolicy(ArgumentReader reader)
    {
        if (reader.Value("--policy") is { } file)
        {
            return GatePolicy.Parse(File.ReadAllText(file));
        }
        if (reader.Value("--data") is { } data)
        {
            if (!File.Exists(Path.Combine(data, "gate.db")))
            {
                throw new UsageException($"no gate state in {data} (gate.db is missing)");
            }
            return PolicyStore.ActiveIn(GateStore.OpenSqlite(data));
        }
        return GatePolicy.Default;
    }

    private static string? ReadFile(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
