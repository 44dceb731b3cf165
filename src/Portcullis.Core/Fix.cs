namespace Portcullis.Core;

/// <summary>
/// A remediated version of the scanned code. <see cref="Verified"/> is true only when the fixed code
/// re-parsed without new errors, the rule no longer fires there and no new finding appeared.
/// </summary>
/// <param name="FixedCode">The code to write back; it may hold secrets the fix did not touch, so reports show <see cref="DisplayCode"/>.</param>
/// <param name="Diff">Already redacted: secrets in removed or context lines appear masked.</param>
/// <param name="RedactedCode">The fixed code with remaining secrets masked, when it had any.</param>
public sealed record Fix(string Description, string FixedCode, string Diff, bool Verified, string? RedactedCode = null)
{
    /// <summary>What a report may print of the fixed code.</summary>
    public string DisplayCode => RedactedCode ?? FixedCode;
}
