namespace Portcullis.Gate.Policy;

/// <summary>What policy may scope on for one scanned file: where it goes and who wrote it.</summary>
public sealed record SubmissionContext(string Path, string Language, string? Repository, string? Agent);
