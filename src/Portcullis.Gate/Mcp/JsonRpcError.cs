namespace Portcullis.Gate.Mcp;

/// <summary>JSON-RPC 2.0 error codes (the spec's reserved range) that the MCP server answers with.</summary>
internal static class JsonRpcError
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
}

/// <summary>A request that must be answered with a JSON-RPC error object instead of a result.</summary>
internal sealed class JsonRpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
