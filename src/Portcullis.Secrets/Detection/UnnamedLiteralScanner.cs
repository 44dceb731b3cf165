using Portcullis.Core;
using Portcullis.Secrets.Values;

namespace Portcullis.Secrets.Detection;

/// <summary>
/// Plain text only (prompts, tickets, pasted logs): a quoted string of key material that nothing names, such
/// as a token pasted on its own. Its randomness is all there is to go on, so it is judged the way
/// high-entropy scanners do: base64 with mixed classes and at least 4.5 bits per character is reported at
/// medium severity; hex, which is just as often a digest, at low severity. A literal given to a name is
/// left to the name (<c>public_key = "…"</c> says what it holds).
/// </summary>
internal static class UnnamedLiteralScanner
{
    public const string RuleId = "secrets.high-entropy-string";

    /// <summary>Shorter strings (ids, short hashes) are too common to judge by entropy alone.</summary>
    private const int MinLength = 32;

    private const int MaxLength = 400;

    /// <summary>detect-secrets' thresholds for its base64 and hex high-entropy plugins.</summary>
    private const double Base64Entropy = 4.5;

    private const double HexEntropy = 3.0;

    private static readonly System.Buffers.SearchValues<char> Quotes = System.Buffers.SearchValues.Create("\"'`");

    public static List<SecretCandidate> Scan(string text)
    {
        var found = new List<SecretCandidate>();
        var position = 0;
        while (position < text.Length)
        {
            var offset = text.AsSpan(position).IndexOfAny(Quotes);
            if (offset < 0)
            {
                break;
            }
            var open = position + offset;
            var quote = text[open];
            var contentStart = open + 1;
            var close = contentStart;
            while (close < text.Length && close - contentStart <= MaxLength && IsKeyCharacter(text[close]))
            {
                close++;
            }
            if (close < text.Length && text[close] == quote && close - contentStart >= MinLength && !IsNamed(text, open))
            {
                var value = text[contentStart..close];
                if (Judge(value) is { } severity)
                {
                    found.Add(new SecretCandidate(
                        RuleId, "high-entropy-string", "Unnamed", "SECRET", contentStart, close, value, severity, Confidence.Low, CandidateOrigin.Generic));
                }
                position = close + 1;
                continue;
            }
            position = open + 1;
        }
        return found;
    }

    private static bool IsKeyCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '_' or '-';

    /// <summary>An assignment, key or argument before the literal: the name decides, not this scanner.</summary>
    private static bool IsNamed(string text, int open)
    {
        var i = open - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }
        return i >= 0 && text[i] is '=' or ':' or '(' or ',' or '>';
    }

    private static Severity? Judge(string value)
    {
        if (Decoys.IsDecoy(value) || Placeholders.IsPlaceholder(value) || Randomness.IsSequence(value) || DocumentationExamples.IsKnown(value)
            || value.Contains("EXAMPLE", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (!value.AsSpan().ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            return Randomness.Entropy(value) >= HexEntropy && Randomness.ClassifyBody(value) == RandomnessClass.Random ? Severity.Low : null;
        }
        var mixed = value.AsSpan().ContainsAnyInRange('a', 'z') && value.AsSpan().ContainsAnyInRange('A', 'Z') && value.AsSpan().ContainsAnyInRange('0', '9');
        return mixed && Randomness.Entropy(value) >= Base64Entropy ? Severity.Medium : null;
    }
}
