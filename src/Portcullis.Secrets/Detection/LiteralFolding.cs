using System.Text;
using System.Text.RegularExpressions;
using Portcullis.Secrets.Providers;

namespace Portcullis.Secrets.Detection;

/// <summary>
/// Constant folding over string literals: a key split into concatenated pieces
/// (<c>"AKIA" + "…"</c>, Python's adjacent literals, PHP's <c>.</c>, Lua's <c>..</c>) is joined, and a
/// literal holding a key encoded once (base64, base64url, hex, URL encoding) is decoded; the provider
/// formats are then looked for in the result. A finding covers the literals it came from.
/// </summary>
internal static partial class LiteralFolding
{
    private const int MaxFolded = 4_096;

    /// <summary>The shortest literal worth decoding: an encoded key is longer than this.</summary>
    private const int MinEncoded = 16;

    public static List<SecretCandidate> Scan(string text, ProviderScanner providers, ref bool incomplete, CancellationToken cancellationToken = default)
    {
        var found = new List<SecretCandidate>();
        if (text.AsSpan().IndexOfAny('"', '\'') < 0)
        {
            return found;
        }
        var chain = new List<Match>();
        try
        {
            for (var literal = StringLiteral().Match(text); literal.Success; literal = literal.NextMatch())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (chain.Count > 0 && !IsJoin(text, chain[^1].Index + chain[^1].Length, literal.Index))
                {
                    Fold(text, chain, providers, found, ref incomplete);
                    chain.Clear();
                }
                chain.Add(literal);
            }
            Fold(text, chain, providers, found, ref incomplete);
        }
        catch (RegexMatchTimeoutException)
        {
            incomplete = true;
        }
        return found;
    }

    /// <summary>Only an operator that joins strings (or nothing, or a line continuation) between two literals.</summary>
    private static bool IsJoin(string text, int from, int to)
    {
        var gap = text.AsSpan(from, to - from).Trim();
        return gap.Length == 0 || gap is "+" or "." or ".." or "&" or "\\" or "+ \\";
    }

    private static void Fold(string text, List<Match> chain, ProviderScanner providers, List<SecretCandidate> found, ref bool incomplete)
    {
        if (chain.Count == 0)
        {
            return;
        }
        if (chain.Count == 1)
        {
            // Most literals are short words and messages: nothing to join, too short to decode, no quoted string inside.
            var content = chain[0].Groups["content"];
            if (content.Length < MinEncoded && !text.AsSpan(content.Index, content.Length).Contains('\\'))
            {
                return;
            }
        }
        var start = chain[0].Index;
        var end = chain[^1].Index + chain[^1].Length;
        var folded = new StringBuilder();
        foreach (var literal in chain)
        {
            folded.Append(Unescape(literal.Groups["content"].Value));
            if (folded.Length > MaxFolded)
            {
                return;
            }
        }
        var value = folded.ToString();
        if (chain.Count == 1 && EmbedsCode(chain[0].Groups["content"].Value))
        {
            // Code or settings quoted inside a literal (`"#define\tpassword\t\"…\""`, generated source, JSON holding a
            // config line): its own assignments are judged once its escapes are undone.
            var embedded = false;
            Report(GenericScanner.Scan(value, Syntax.LanguageIds.Text, ref embedded), text, start, end, "embedded", found);
            incomplete |= embedded;
        }
        if (chain.Count > 1)
        {
            Report(providers.Scan(value, ref incomplete), text, start, end, "concatenated", found);
        }
        if (value.Length >= MinEncoded && Decode(value) is { } decoded && decoded != value)
        {
            Report(providers.Scan(decoded, ref incomplete), text, start, end, "encoded", found);
        }
    }

    /// <summary>An escaped quote inside the literal: it holds a quoted string of its own.</summary>
    private static bool EmbedsCode(string content) =>
        content.Contains("\\\"", StringComparison.Ordinal) || content.Contains("\\'", StringComparison.Ordinal);

    private static void Report(List<SecretCandidate> inner, string text, int start, int end, string how, List<SecretCandidate> found)
    {
        foreach (var candidate in inner)
        {
            // The clear value that leaves through the mask is the literal text as written, which is what a reader finds in the file.
            found.Add(candidate with
            {
                Kind = $"{candidate.Kind} ({how})",
                Start = start,
                End = end,
                Value = text[start..end],
                Origin = CandidateOrigin.Folded,
            });
        }
    }

    /// <summary>The value decoded once from base64, hex or URL encoding, when the result is text.</summary>
    public static string? Decode(string value)
    {
        if (value.Contains('%') && UrlEscape().IsMatch(value))
        {
            try
            {
                return Uri.UnescapeDataString(value);
            }
            catch (UriFormatException)
            {
                return null;
            }
        }
        byte[]? bytes = null;
        if (value.Length % 2 == 0 && value.Length >= 32 && !value.AsSpan().ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            bytes = Convert.FromHexString(value);
        }
        else if (Base64().IsMatch(value))
        {
            bytes = TokenStructure.DecodeBase64Bytes(value);
        }
        if (bytes is null || bytes.Length < 12)
        {
            return null;
        }
        var printable = 0;
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                printable++;
            }
        }
        return printable >= bytes.Length * 0.95 ? Encoding.ASCII.GetString(bytes) : null;
    }

    private static string Unescape(string content)
    {
        if (!content.Contains('\\'))
        {
            return content;
        }
        var result = new StringBuilder(content.Length);
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '\\' && i + 1 < content.Length)
            {
                i++;
                result.Append(content[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var c => c });
            }
            else
            {
                result.Append(content[i]);
            }
        }
        return result.ToString();
    }

    [GeneratedRegex("""(?<q>["'])(?<content>(?:(?!\k<q>)[^\\\r\n]|\\.){0,4096})\k<q>""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 500)]
    private static partial Regex StringLiteral();

    [GeneratedRegex("^[A-Za-z0-9+/_-]{16,}={0,2}$")]
    private static partial Regex Base64();

    [GeneratedRegex("%[0-9A-Fa-f]{2}")]
    private static partial Regex UrlEscape();
}
