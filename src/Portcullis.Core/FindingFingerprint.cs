using System.Security.Cryptography;
using System.Text;

namespace Portcullis.Core;

/// <summary>
/// Fingerprints identify a finding across edits: rule id, the matched code without whitespace, and the
/// path, but not the line number, so a finding keeps its fingerprint when code above it moves or a
/// formatter re-spaces it.
/// </summary>
public static class FindingFingerprint
{
    public static string Compute(string ruleId, string matchedCode, string path)
    {
        var normalized = new StringBuilder(matchedCode.Length);
        foreach (var c in matchedCode)
        {
            if (!char.IsWhiteSpace(c))
            {
                normalized.Append(c);
            }
        }
        var material = $"{ruleId}\n{normalized}\n{path.Replace('\\', '/')}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
