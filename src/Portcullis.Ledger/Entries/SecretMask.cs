using System.Text.RegularExpressions;

namespace Portcullis.Ledger.Entries;

/// <summary>
/// Masks what looks like a credential in free text (a reason, a comment) before it enters a log that
/// is kept for years and cannot be edited: known key shapes and long high-entropy tokens keep their
/// first four characters and nothing else.
/// </summary>
public static partial class SecretMask
{
    public const int VisiblePrefix = 4;

    public static string Mask(string secret) =>
        secret.Length <= VisiblePrefix ? "****" : secret[..VisiblePrefix] + "****";

    public static string MaskLikelySecrets(string text)
    {
        text = PrivateKeyBlock().Replace(text, "-----BEGIN PRIVATE KEY-----****");
        return Candidate().Replace(text, m => LooksLikeSecret(m.Value) ? Mask(m.Value) : m.Value);
    }

    private static bool LooksLikeSecret(string token)
    {
        if (KnownPrefix().IsMatch(token))
        {
            return true;
        }
        if (token.Length < 20)
        {
            return false;
        }
        // Words and paths are low in entropy and lack digit/letter mixing; keys are the opposite.
        var hasDigit = token.Any(char.IsAsciiDigit);
        var hasLetter = token.Any(char.IsAsciiLetter);
        return hasDigit && hasLetter && ShannonEntropy(token) >= 3.5;
    }

    private static double ShannonEntropy(string s)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in s)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }
        return -counts.Values.Sum(n => (double)n / s.Length * Math.Log2((double)n / s.Length));
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)")]
    private static partial Regex PrivateKeyBlock();

    [GeneratedRegex(@"[A-Za-z0-9_\-+/=.]{8,}")]
    private static partial Regex Candidate();

    [GeneratedRegex(@"^(AKIA|ASIA|ghp_|gho_|ghs_|ghu_|github_pat_|glpat-|sk-|sk_live_|rk_live_|xox[abprs]-|AIza)")]
    private static partial Regex KnownPrefix();
}
