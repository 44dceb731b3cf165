namespace Portcullis.Gate;

/// <summary>A request the gate refuses, with the HTTP status that says why (400, 403, 404, 409).</summary>
public sealed class GateRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
