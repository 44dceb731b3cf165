namespace Portcullis.Core;

/// <summary>Replace the UTF-8 byte range [StartByte, EndByte) of a source with <see cref="NewText"/>.</summary>
public sealed record TextEdit(int StartByte, int EndByte, string NewText);

/// <summary>
/// A detector's suggested fix, not yet trusted: the fix stage applies the edits, re-parses and re-scans,
/// and only then turns it into a verified <see cref="Fix"/>.
/// </summary>
public sealed record FixProposal(string Description, IReadOnlyList<TextEdit> Edits);
