namespace Portcullis.Gate.Hooks;

/// <summary>
/// What an agent is about to write to one file: the content before (empty for a new file) and the
/// post-image the edit would leave. The gate scans the post-image and reports what the edit adds.
/// </summary>
public sealed record ProposedWrite(string Path, string Before, string After, string? LanguageHint = null);
