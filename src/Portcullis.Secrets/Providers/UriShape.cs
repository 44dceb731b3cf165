namespace Portcullis.Secrets.Providers;

/// <summary>
/// What RFC 3986 allows between <c>://</c> and the host: a user-info part ends at <c>@</c> before the
/// first <c>/</c>, and a password in it follows a <c>:</c>. Code and prose are full of URLs
/// (licence headers, links, imports) and almost none carries credentials; this look rules them out
/// without running the URI regexes over a window around each.
/// </summary>
internal static class UriShape
{
    /// <summary>User name (100) + <c>:</c> + password (200) + <c>@</c>, the longest user-info the URI patterns accept.</summary>
    private const int MaxUserInfo = 302;

    /// <summary>The longest scheme before <c>://</c> a URI pattern names (<c>jdbc:sqlserver</c>, <c>mongodb+srv</c>).</summary>
    public const int MaxScheme = 32;

    /// <summary>True when the <c>://</c> at <paramref name="separator"/> is followed by <c>user:password@</c>.</summary>
    public static bool HasPassword(string text, int separator)
    {
        var colon = false;
        var end = Math.Min(text.Length, separator + 3 + MaxUserInfo);
        for (var i = separator + 3; i < end; i++)
        {
            switch (text[i])
            {
                case '@':
                    return colon;
                case ':':
                    colon = true;
                    break;
                case '/' or '\'' or '"' or '<' or '>' or ' ' or '\t' or '\r' or '\n':
                    return false;
            }
        }
        return false;
    }
}
