namespace Portcullis.Gate.Scanning;

/// <summary>Who submitted and for what: the kind (completion, function, file, patch), agent and task.</summary>
public sealed record SubmissionInfo(string Kind, string? AgentId, string? AgentModel, string? TaskId, string? Repository, string? Ref)
{
    public static readonly IReadOnlyList<string> Kinds = ["completion", "function", "file", "patch"];
}
