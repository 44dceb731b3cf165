using System.Buffers;
using System.Text;
using System.Text.Json;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Scanning;

namespace Portcullis.Gate.Mcp;

/// <summary>
/// A Model Context Protocol server over stdio: newline-delimited JSON-RPC 2.0 messages on standard
/// input, one answer per request on standard output, nothing else written there (diagnostics go to
/// standard error). It offers one tool, <c>scan</c>, which decides like the gate service and records
/// the decision in the ledger. Requests are answered in order; notifications get no answer.
/// </summary>
public sealed class McpServer
{
    /// <summary>Protocol revisions this server speaks, newest first; the client's is echoed when listed.</summary>
    public static readonly IReadOnlyList<string> ProtocolVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];

    private readonly McpScanTool _scan;
    private readonly AccessToken _caller;
    private readonly string _version;
    private bool _initialized;

    public McpServer(GateScanner scanner, AccessToken caller, string version)
    {
        _scan = new McpScanTool(scanner);
        _caller = caller;
        _version = version;
    }

    /// <summary>Serves until standard input ends.</summary>
    public async Task RunAsync(TextReader input, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var answer = await HandleAsync(line, log, cancellationToken).ConfigureAwait(false);
            if (answer is not null)
            {
                await output.WriteLineAsync(answer).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The answer to one message, or null when it is a notification.</summary>
    public async Task<string?> HandleAsync(string line, TextWriter log, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return Error(null, JsonRpcError.ParseError, $"not JSON: {e.Message}");
        }
        using (document)
        {
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object)
            {
                // Batches were removed from MCP in 2025-06-18; one message per line.
                return Error(null, JsonRpcError.InvalidRequest, "a message is one JSON-RPC object (batches are not supported)");
            }
            JsonElement? id = message.TryGetProperty("id", out var idValue) ? idValue : null;
            if (id is { } given && given.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                return Error(null, JsonRpcError.InvalidRequest, "the id must be a string or a number");
            }
            if (!message.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            {
                return id is null ? null : Error(id, JsonRpcError.InvalidRequest, "jsonrpc must be \"2.0\"");
            }
            if (!message.TryGetProperty("method", out var methodValue) || methodValue.ValueKind != JsonValueKind.String)
            {
                // A response from the client (this server sends no requests) or a malformed message.
                return id is null || message.TryGetProperty("result", out _) || message.TryGetProperty("error", out _) ? null : Error(id, JsonRpcError.InvalidRequest, "a request needs a method");
            }
            var method = methodValue.GetString()!;
            var parameters = message.TryGetProperty("params", out var p) ? p : default;
            if (id is null)
            {
                if (method == "notifications/initialized")
                {
                    _initialized = true;
                }
                return null;
            }
            try
            {
                return await DispatchAsync(id.Value, method, parameters, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonRpcException e)
            {
                return Error(id, e.Code, e.Message);
            }
            catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
            {
                await log.WriteLineAsync($"portcullis mcp: {method} failed: {e}").ConfigureAwait(false);
                return Error(id, JsonRpcError.InternalError, $"{method} failed inside Portcullis ({e.GetType().Name}); nothing was checked, treat the code as blocked");
            }
        }
    }

    private async Task<string> DispatchAsync(JsonElement id, string method, JsonElement parameters, CancellationToken cancellationToken)
    {
        switch (method)
        {
            case "initialize":
                return Result(id, w => WriteInitialize(w, parameters));
            case "ping":
                return Result(id, _ => { });
            case "tools/list":
                RequireInitialized(method);
                return Result(id, w =>
                {
                    w.WriteStartArray("tools");
                    McpScanTool.WriteDefinition(w);
                    w.WriteEndArray();
                });
            case "tools/call":
                RequireInitialized(method);
                if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
                {
                    throw new JsonRpcException(JsonRpcError.InvalidParams, "tools/call needs params.name");
                }
                if (name.GetString() != McpScanTool.Name)
                {
                    throw new JsonRpcException(JsonRpcError.InvalidParams, $"unknown tool '{name.GetString()}': this server has '{McpScanTool.Name}'");
                }
                var arguments = parameters.TryGetProperty("arguments", out var a) ? a : default;
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    if (arguments.ValueKind != JsonValueKind.Object)
                    {
                        McpScanTool.WriteToolError(writer, "scan needs arguments: an object with code (and language or path), files or patch");
                    }
                    else
                    {
                        await _scan.WriteCall(writer, arguments, _caller, cancellationToken).ConfigureAwait(false);
                    }
                    writer.WriteEndObject();
                }
                return Result(id, w => w.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true), rawResult: true);
            default:
                throw new JsonRpcException(JsonRpcError.MethodNotFound, $"method '{method}' is not offered (initialize, ping, tools/list, tools/call)");
        }
    }

    private void WriteInitialize(Utf8JsonWriter writer, JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty("protocolVersion", out var requested) || requested.ValueKind != JsonValueKind.String)
        {
            throw new JsonRpcException(JsonRpcError.InvalidParams, "initialize needs params.protocolVersion");
        }
        // Answered before tools are used; the initialized notification normally follows, but a client
        // that skips it still gets a working session.
        _initialized = true;
        var version = ProtocolVersions.Contains(requested.GetString()) ? requested.GetString()! : ProtocolVersions[0];
        writer.WriteString("protocolVersion", version);
        writer.WriteStartObject("capabilities");
        writer.WriteStartObject("tools");
        writer.WriteBoolean("listChanged", false);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("serverInfo");
        writer.WriteString("name", "portcullis");
        writer.WriteString("title", "Portcullis security gate");
        writer.WriteString("version", _version);
        writer.WriteEndObject();
        writer.WriteString("instructions", "Call the scan tool with code you are about to write. A block verdict means the code must not be written: apply the verified fixes it shows and scan again.");
    }

    private void RequireInitialized(string method)
    {
        if (!_initialized)
        {
            throw new JsonRpcException(JsonRpcError.InvalidRequest, $"{method} before initialize");
        }
    }

    private static string Result(JsonElement id, Action<Utf8JsonWriter> writeResult, bool rawResult = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WritePropertyName("result");
            if (rawResult)
            {
                writeResult(writer);
            }
            else
            {
                writer.WriteStartObject();
                writeResult(writer);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Error(JsonElement? id, int code, string message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            if (id is { } value)
            {
                value.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
