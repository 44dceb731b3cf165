using System.Text;

namespace Portcullis.Secrets.Providers;

/// <summary>Structural checks for tokens that carry a decodable part (JWTs, PEM bodies).</summary>
internal static class TokenStructure
{
    /// <summary>A JWT's first segment is base64url JSON naming its algorithm or type.</summary>
    public static bool IsJwt(string token)
    {
        var header = token.Split('.')[0];
        var decoded = DecodeBase64Url(header);
        return decoded is not null && decoded.Contains('{', StringComparison.Ordinal)
            && (decoded.Contains("\"alg\"", StringComparison.Ordinal) || decoded.Contains("\"typ\"", StringComparison.Ordinal) || decoded.Contains("\"kid\"", StringComparison.Ordinal));
    }

    /// <summary>A Discord bot token starts with the bot's numeric user id in base64.</summary>
    public static bool IsDiscordToken(string token)
    {
        var id = DecodeBase64Url(token[..Math.Min(token.Length, 16)]);
        return id is { Length: >= 6 } && id.AsSpan(0, 6).ContainsAnyExceptInRange('0', '9') is false;
    }

    /// <summary>
    /// The dot before a Discord token's timestamp part: six base64url characters then a dot after it, and an id
    /// part of at least 24 base64url characters before it. A look at a few characters for every dot in the text.
    /// </summary>
    public static bool IsDiscordTimestampAt(string text, int dot)
    {
        if (dot < 24 || dot + 8 >= text.Length || text[dot + 7] != '.')
        {
            return false;
        }
        for (var i = dot + 1; i < dot + 7; i++)
        {
            if (!IsBase64Url(text[i]))
            {
                return false;
            }
        }
        for (var i = dot - 24; i < dot; i++)
        {
            if (!IsBase64Url(text[i]))
            {
                return false;
            }
        }
        return IsBase64Url(text[dot + 8]);
    }

    /// <summary>The id and HMAC parts of a Discord-shaped token are generated: letters mixed with digits, not words or a dotted name.</summary>
    public static bool HasDiscordParts(string token)
    {
        var parts = token.Split('.');
        return parts.Length == 3 && IsGenerated(parts[0]) && IsGenerated(parts[2]);

        static bool IsGenerated(string part) =>
            part.AsSpan().ContainsAnyInRange('0', '9') && part.AsSpan().ContainsAnyInRange('a', 'z') && part.AsSpan().ContainsAnyInRange('A', 'Z')
            && Values.Randomness.ClassifyBody(part) == Values.RandomnessClass.Random;
    }

    private static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary>Decodes base64 or base64url, padded or not; null when it is not valid base64 at all.</summary>
    public static string? DecodeBase64Url(string value)
    {
        var bytes = DecodeBase64Bytes(value);
        return bytes is null ? null : Encoding.UTF8.GetString(bytes);
    }

    public static byte[]? DecodeBase64Bytes(string value)
    {
        var normalized = value.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        if (normalized.Length % 4 == 1)
        {
            // A JWT segment corrupted by one character still decodes in its leading part.
            normalized = normalized[..^1];
        }
        normalized = normalized.PadRight(normalized.Length + ((4 - normalized.Length % 4) % 4), '=');
        var buffer = new byte[normalized.Length];
        return Convert.TryFromBase64String(normalized, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>A PEM body with at least some key material in it, not an empty or one-word placeholder.</summary>
    public static bool HasKeyMaterial(string block)
    {
        var headerEnd = block.IndexOf("-----", 11, StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            return false;
        }
        var bodyStart = headerEnd + 5;
        var footer = block.IndexOf("-----END", bodyStart, StringComparison.Ordinal);
        var body = footer < 0 ? block[bodyStart..] : block[bodyStart..footer];
        var material = 0;
        foreach (var c in body)
        {
            if (!char.IsWhiteSpace(c))
            {
                material++;
            }
        }
        return material >= 12;
    }
}
