namespace Portcullis.Secrets.Values;

/// <summary>
/// Judges a value that has no vendor shape (a password in a URI, a value assigned to <c>password</c>):
/// realistic unless it is empty, a reference, a placeholder, a mask or one of the stock words that
/// documentation writes where a password goes.
/// </summary>
internal static class FreeFormSecret
{
    private static readonly HashSet<string> StockWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "pwd", "secret", "token", "apikey", "api_key", "key", "user", "username", "login",
        "changeme", "change_me", "none", "null", "nil", "undefined", "true", "false", "empty", "default", "test", "testing",
        "string", "value", "xxx", "foo", "bar", "baz", "foobar", "mypassword", "mysecret", "yourpassword", "secretpassword",
        "password123", "pa$$word", "p@ssw0rd", "pass123", "admin", "root", "guest", "demo", "example", "sample", "required", "optional", "bearer", "basic", "digest", "negotiate",
    };

    public static bool IsRealistic(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length < 3 || StockWords.Contains(trimmed) || Placeholders.IsPlaceholder(trimmed) || Placeholders.ContainsReference(trimmed))
        {
            return false;
        }
        if (!trimmed.AsSpan().ContainsAnyExcept("*xX#•.-_0"))
        {
            return false;
        }
        return Randomness.Distinct(trimmed) >= 3;
    }
}
