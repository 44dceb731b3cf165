using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Portcullis.HookClient;

/// <summary>
/// <c>portcullis-hook --server URL [--token TOKEN] [--timeout SECONDS]</c>: posts Claude Code's PreToolUse
/// payload (standard input, passed through unchanged) to the gate's <c>/v1/hooks/claude</c> with the
/// bearer token (<c>--token</c> or <c>PORTCULLIS_TOKEN</c>) and follows its <c>permissionDecision</c>:
/// exit 0 allows, exit 2 blocks with the reason on standard error (Claude Code shows it to the agent).
/// It fails closed: any other outcome — no server, no token, a refusal, an answer it cannot read, a
/// timeout, an exception — is exit 2 with the reason. Claude Code treats every other exit code as a
/// non-blocking error and lets the write through, so nothing here may end the process another way.
/// </summary>
internal static class GateHookClient
{
    public const int Allow = 0;
    public const int Deny = 2;

    private const string Blocked = "Portcullis blocked this tool call";
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(25);

    public static int Run(IReadOnlyList<string> args, Stream stdin, TextWriter stderr, Func<string, string?> environment)
    {
        try
        {
            var options = HookClientOptions.Parse(args, environment);
            if (options.Error is { } usage)
            {
                return Refuse(stderr, $"{Blocked}: {usage}");
            }
            using var payload = new MemoryStream();
            stdin.CopyTo(payload);
            return Ask(options, payload.ToArray(), stderr);
        }
        catch (Exception e)
        {
            // Deliberately everything: an escaped exception would exit with a code Claude Code ignores.
            return Refuse(stderr, $"{Blocked} because the hook failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static int Ask(HookClientOptions options, byte[] payload, TextWriter stderr)
    {
        using var handler = new SocketsHttpHandler { ConnectTimeout = options.Timeout };
        using var http = new HttpClient(handler) { Timeout = options.Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Endpoint) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        int status;
        string body;
        try
        {
            using var response = http.Send(request);
            status = (int)response.StatusCode;
            using var reader = new StreamReader(response.Content.ReadAsStream());
            body = reader.ReadToEnd();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            var why = e is TaskCanceledException ? $"no answer within {options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s" : e.Message;
            return Refuse(stderr, $"{Blocked} because it could not ask the gate at {options.Server}: {why}");
        }
        return Follow(options.Server, status, body, stderr);
    }

    /// <summary>The gate's answer, read strictly: only a well-formed allow allows.</summary>
    internal static int Follow(string server, int status, string body, TextWriter stderr)
    {
        if (status != 200)
        {
            return Refuse(stderr, $"{Blocked} because the gate at {server} answered {status}: {ErrorMessage(body)}");
        }
        HookSpecificOutput? output;
        try
        {
            output = JsonSerializer.Deserialize(body, HookJson.Default.HookAnswer)?.HookSpecificOutput;
        }
        catch (JsonException e)
        {
            return Refuse(stderr, $"{Blocked} because the gate at {server} answered something that is not hook output JSON: {e.Message}");
        }
        switch (output?.PermissionDecision)
        {
            case "allow":
                return Allow;
            case "deny" when !string.IsNullOrWhiteSpace(output.PermissionDecisionReason):
                return Refuse(stderr, output.PermissionDecisionReason);
            case "deny":
                return Refuse(stderr, $"{Blocked}: the gate at {server} denied it without a reason");
            default:
                return Refuse(stderr, $"{Blocked} because the gate at {server} answered without a permissionDecision of allow or deny");
        }
    }

    private static string ErrorMessage(string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, HookJson.Default.GateError)?.Error is { } error)
            {
                return error;
            }
        }
        catch (JsonException)
        {
            // Not the gate's JSON: show (the start of) what came back.
        }
        return body.Length <= 300 ? body : body[..300] + "...";
    }

    private static int Refuse(TextWriter stderr, string reason)
    {
        stderr.WriteLine(reason);
        stderr.Flush();
        return Deny;
    }

    /// <summary>The command line and environment, checked; <see cref="Error"/> says why they cannot be used.</summary>
    private sealed record HookClientOptions(string Server, Uri? Endpoint, string Token, TimeSpan Timeout, string? Error)
    {
        public static HookClientOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
        {
            string? server = environment("PORTCULLIS_SERVER");
            string? token = environment("PORTCULLIS_TOKEN");
            var timeout = DefaultTimeout;
            for (var i = 0; i < args.Count; i++)
            {
                var (name, inline) = args[i].IndexOf('=', StringComparison.Ordinal) is var equals and > 0 ? (args[i][..equals], args[i][(equals + 1)..]) : (args[i], null);
                if (name is not ("--server" or "--token" or "--timeout"))
                {
                    return Invalid($"unknown option '{name}' (portcullis-hook --server URL [--token TOKEN] [--timeout SECONDS])");
                }
                var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                if (value is null)
                {
                    return Invalid($"option '{name}' needs a value");
                }
                switch (name)
                {
                    case "--server":
                        server = value;
                        break;
                    case "--token":
                        token = value;
                        break;
                    default:
                        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 3600)
                        {
                            return Invalid($"--timeout needs a number of seconds, not '{value}'");
                        }
                        timeout = TimeSpan.FromSeconds(seconds);
                        break;
                }
            }
            if (string.IsNullOrEmpty(server))
            {
                return Invalid("it needs the gate's URL (--server URL or PORTCULLIS_SERVER)");
            }
            if (!Uri.TryCreate(server.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
            {
                return Invalid($"--server must be an http(s) URL, not '{server}'");
            }
            if (string.IsNullOrEmpty(token))
            {
                return Invalid("it needs a token (--token or PORTCULLIS_TOKEN)");
            }
            return new HookClientOptions(server, new Uri(baseUri, "v1/hooks/claude"), token, timeout, null);
        }

        private static HookClientOptions Invalid(string error) => new("", null, "", DefaultTimeout, error);
    }
}
