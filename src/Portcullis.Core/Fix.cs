namespace Portcullis.Core;

/// <summary>
/// A remediated version of the scanned code. <see cref="Verified"/> is true only when the fixed code
/// re-parsed without new errors, the rule no longer fires there and no new finding appeared.
/// </summary>
public sealed record Fix(string Description, string FixedCode, string Diff, bool Verified);
