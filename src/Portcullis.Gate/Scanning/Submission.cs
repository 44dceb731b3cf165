namespace Portcullis.Gate.Scanning;

/// <summary>
/// One file or snippet to decide on. <see cref="Language"/> is null when neither a hint nor the path
/// says what it is (policy decides what an unknown language means). <see cref="Before"/> is the file as
/// it is now, when known: findings already in it are not the submitter's doing.
/// </summary>
public sealed record Submission(string Path, string? Language, string Content, string? Before = null);
