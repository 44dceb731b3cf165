using System.Text.Json;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Scanning;
using Portcullis.Syntax;

namespace Portcullis.Gate.Http;

/// <summary>
/// The body of <c>POST /v1/scan</c>: <c>code</c> (with <c>language</c> or a <c>path</c> hint), or
/// <c>files: [{path, content}]</c>, or <c>patch</c> (a unified diff); optional <c>kind</c>,
/// <c>agent {id, model}</c> and <c>task {id, repository, ref}</c>. An agent token's own task binding
/// is what gets recorded: a body that claims another task is refused.
/// </summary>
public static class ScanRequest
{
    public static (IReadOnlyList<Submission> Submissions, SubmissionInfo Info) Parse(JsonElement body, AccessToken caller)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new GateRequestException(400, "the body must be a JSON object with 'code', 'files' or 'patch'");
        }
        var sources = new[] { "code", "files", "patch" }.Count(name => body.TryGetProperty(name, out _));
        if (sources != 1)
        {
            throw new GateRequestException(400, "give exactly one of 'code', 'files' and 'patch'");
        }
        var languageHint = OptionalString(body, "language");
        string? language = null;
        if (languageHint is not null)
        {
            language = LanguageIds.Normalize(languageHint) ?? throw new GateRequestException(400, $"unknown language '{languageHint}'; known: {string.Join(", ", LanguageIds.All)}");
        }
        var submissions = new List<Submission>();
        string defaultKind;
        if (body.TryGetProperty("code", out var code))
        {
            var path = OptionalString(body, "path") ?? "snippet";
            submissions.Add(new Submission(path, language, RequiredString(code, "code")));
            defaultKind = "completion";
        }
        else if (body.TryGetProperty("files", out var files))
        {
            if (files.ValueKind != JsonValueKind.Array || files.GetArrayLength() == 0)
            {
                throw new GateRequestException(400, "'files' must be a non-empty array of {\"path\", \"content\"}");
            }
            foreach (var file in files.EnumerateArray())
            {
                if (file.ValueKind != JsonValueKind.Object || !file.TryGetProperty("path", out var path) || !file.TryGetProperty("content", out var content))
                {
                    throw new GateRequestException(400, "each entry of 'files' needs 'path' and 'content'");
                }
                submissions.Add(new Submission(RequiredString(path, "files[].path"), language, RequiredString(content, "files[].content")));
            }
            defaultKind = "file";
        }
        else
        {
            var patch = RequiredString(body.GetProperty("patch"), "patch");
            submissions.AddRange(UnifiedDiff.AddedText(patch).Select(f => new Submission(f.Path, language, f.Added)));
            defaultKind = "patch";
        }
        var kind = OptionalString(body, "kind") ?? defaultKind;
        if (!SubmissionInfo.Kinds.Contains(kind))
        {
            throw new GateRequestException(400, $"'kind' must be one of {string.Join(", ", SubmissionInfo.Kinds)}, not '{kind}'");
        }
        var agent = OptionalObject(body, "agent");
        var task = OptionalObject(body, "task");
        var info = new SubmissionInfo(
            kind,
            agent is { } a ? OptionalString(a, "id") : null,
            agent is { } m ? OptionalString(m, "model") : null,
            task is { } t ? OptionalString(t, "id") : null,
            task is { } r ? OptionalString(r, "repository") : null,
            task is { } g ? OptionalString(g, "ref") : null);
        return (submissions, BindToToken(info, caller));
    }

    /// <summary>An agent token speaks for one task, repository and ref; those are what the ledger records.</summary>
    public static SubmissionInfo BindToToken(SubmissionInfo info, AccessToken caller)
    {
        if (caller.Role != Role.Agent)
        {
            return info;
        }
        Check(info.TaskId, caller.Task, "task id");
        Check(info.Repository, caller.Repository, "repository");
        Check(info.Ref, caller.Ref, "ref");
        return info with { TaskId = caller.Task, Repository = caller.Repository, Ref = caller.Ref, AgentId = info.AgentId ?? caller.Subject };
    }

    private static void Check(string? claimed, string? bound, string what)
    {
        if (claimed is not null && !string.Equals(claimed, bound, StringComparison.Ordinal))
        {
            throw new GateRequestException(403, $"this agent token is bound to {what} '{bound}', not '{claimed}'");
        }
    }

    private static string RequiredString(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new GateRequestException(400, $"'{name}' must be a string");

    private static string? OptionalString(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null : RequiredString(value, name);

    private static JsonElement? OptionalObject(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Object ? value : throw new GateRequestException(400, $"'{name}' must be an object");
    }
}
