using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Portcullis.Gate.Hosting;
using Portcullis.Gate.Identity;

namespace Portcullis.Gate.Http;

/// <summary>
/// What every authenticated endpoint does first: bearer token (401 when missing, unknown, expired or
/// revoked), role (403), per-token rate limit (429), body size (413), JSON (400); then the handler,
/// whose refusals (<see cref="GateRequestException"/>) become their status with an error message.
/// </summary>
public static class GateEndpoint
{
    public static async Task Handle(HttpContext http, GateServices gate, IReadOnlyCollection<Role> roles, Func<AccessToken, Task<JsonAnswer>> handler)
    {
        JsonAnswer answer;
        try
        {
            var caller = Authenticate(http, gate);
            if (caller is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                answer = JsonAnswer.Error(401, "a valid bearer token is required (Authorization: Bearer TOKEN)");
            }
            else if (!roles.Contains(caller.Role))
            {
                answer = JsonAnswer.Error(403, $"a {caller.RoleName} token may not do this; it needs the {string.Join(" or ", roles.Select(r => r.ToString().ToLowerInvariant()))} role");
            }
            else if (gate.RateLimiter.TryAcquire(caller.Id) is { } wait && wait > TimeSpan.Zero)
            {
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                answer = JsonAnswer.Error(429, "too many requests for this token; retry after the Retry-After seconds");
            }
            else
            {
                answer = await handler(caller).ConfigureAwait(false);
            }
        }
        catch (GateRequestException e)
        {
            answer = JsonAnswer.Error(e.Status, e.Message);
        }
        catch (BadHttpRequestException e)
        {
            answer = JsonAnswer.Error(e.StatusCode, e.StatusCode == 413 ? $"the request body is larger than {gate.Options.MaxRequestBytes} bytes" : e.Message);
        }
        await Write(http, answer).ConfigureAwait(false);
    }

    /// <summary>The same for a handler that answers without waiting.</summary>
    public static Task HandleNow(HttpContext http, GateServices gate, IReadOnlyCollection<Role> roles, Func<AccessToken, JsonAnswer> handler) =>
        Handle(http, gate, roles, caller => Task.FromResult(handler(caller)));

    public static async Task Write(HttpContext http, JsonAnswer answer)
    {
        http.Response.StatusCode = answer.Status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer.Body).ConfigureAwait(false);
    }

    public static AccessToken? Authenticate(HttpContext http, GateServices gate)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? gate.Tokens.Authenticate(header[scheme.Length..].Trim()) : null;
    }

    /// <summary>How far past the size limit a body is still read, so that its 413 reaches the client.</summary>
    public const long DrainFactor = 4;

    /// <summary>The body as text, refused with 413 past the configured size.</summary>
    public static async Task<string> ReadText(HttpContext http, GateServices gate)
    {
        var limit = gate.Options.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            // Read (and drop) a moderately oversized body before answering: a server that answers and
            // closes with the body unread resets the connection, and the client sees no 413 at all.
            if (http.Request.ContentLength <= limit * DrainFactor)
            {
                await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted).ConfigureAwait(false);
            }
            http.Response.Headers.Connection = "close";
            throw new GateRequestException(413, $"the request body is larger than {limit} bytes");
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                http.Response.Headers.Connection = "close";
                throw new GateRequestException(413, $"the request body is larger than {limit} bytes");
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new GateRequestException(400, "the request body is not valid UTF-8");
        }
    }

    public static async Task<JsonDocument> ReadJson(HttpContext http, GateServices gate)
    {
        var text = await ReadText(http, gate).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new GateRequestException(400, $"the body is not valid JSON: {e.Message}");
        }
    }
}
