using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Portcullis.Cli.Commands;

/// <summary>
/// Calls a running gate for the commands that act as a person (policy, override): the server checks the
/// token's role, so separation of duties holds whoever runs the command. Token from --token or
/// PORTCULLIS_TOKEN.
/// </summary>
internal sealed class GateClient(string server, string token) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(server.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };

    public static GateClient From(ArgumentReader reader)
    {
        var server = reader.Value("--server") ?? Environment.GetEnvironmentVariable("PORTCULLIS_SERVER") ?? "http://127.0.0.1:8787";
        var token = reader.Value("--token") ?? Environment.GetEnvironmentVariable("PORTCULLIS_TOKEN") ?? throw new UsageException("give a token with --token or PORTCULLIS_TOKEN");
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--server must be an http(s) URL, not '{server}'");
        }
        return new GateClient(server, token);
    }

    public (int Status, string Body) Send(HttpMethod method, string path, string? body = null, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }
        try
        {
            using var response = _http.Send(request);
            using var reader = new StreamReader(response.Content.ReadAsStream());
            return ((int)response.StatusCode, reader.ReadToEnd());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new UsageException($"cannot reach the gate at {_http.BaseAddress}: {e.Message}");
        }
    }

    /// <summary>Prints the answer; a refusal is an error (exit 2) with the server's message.</summary>
    public static int Report((int Status, string Body) answer, TextWriter stdout, TextWriter stderr)
    {
        if (answer.Status is >= 200 and < 300)
        {
            stdout.WriteLine(answer.Body);
            return ExitCodes.Allow;
        }
        var message = answer.Body;
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            message = document.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? message : message;
        }
        catch (JsonException)
        {
            // Not the gate's JSON: show what came back.
        }
        stderr.WriteLine($"portcullis: the gate refused ({answer.Status}): {message}");
        return ExitCodes.Error;
    }

    public void Dispose() => _http.Dispose();
}
