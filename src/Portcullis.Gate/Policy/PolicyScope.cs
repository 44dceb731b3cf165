namespace Portcullis.Gate.Policy;

/// <summary>
/// Where a setting applies: every list that is not empty must match (paths by glob, languages,
/// repositories and agents by exact name). An empty scope applies everywhere.
/// </summary>
public sealed record PolicyScope(
    IReadOnlyList<PathPattern> Paths,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Repositories,
    IReadOnlyList<string> Agents)
{
    public static PolicyScope Everywhere { get; } = new([], [], [], []);

    public bool IsEverywhere => Paths.Count == 0 && Languages.Count == 0 && Repositories.Count == 0 && Agents.Count == 0;

    public bool Matches(SubmissionContext context) =>
        (Paths.Count == 0 || Paths.Any(p => p.Matches(context.Path))) &&
        (Languages.Count == 0 || Languages.Contains(context.Language, StringComparer.OrdinalIgnoreCase)) &&
        (Repositories.Count == 0 || (context.Repository is { } repository && Repositories.Contains(repository, StringComparer.Ordinal))) &&
        (Agents.Count == 0 || (context.Agent is { } agent && Agents.Contains(agent, StringComparer.Ordinal)));

    /// <summary>Canonical text of the scope, to compare two policies setting by setting.</summary>
    public string Key => string.Join(';',
        "paths=" + string.Join(',', Paths.Select(p => p.Pattern)),
        "languages=" + string.Join(',', Languages),
        "repositories=" + string.Join(',', Repositories),
        "agents=" + string.Join(',', Agents));
}
