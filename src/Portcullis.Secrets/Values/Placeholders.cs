using System.Buffers;
using System.Text.RegularExpressions;

namespace Portcullis.Secrets.Values;

/// <summary>
/// Values that stand for a secret without being one: template references (<c>${STRIPE_KEY}</c>,
/// <c>{{ .Values.password }}</c>, <c>%DB_PASS%</c>, <c>$(cat file)</c>), angle-bracket prompts
/// (<c>&lt;YOUR_API_KEY&gt;</c>), masks, and words that announce a placeholder (<c>your-token-here</c>).
/// </summary>
internal static partial class Placeholders
{
    private static readonly SearchValues<string> PlaceholderWords = SearchValues.Create(
        [
            "example", "sample", "placeholder", "dummy", "fake", "your_", "your-", "yourkey", "yourtoken", "yourpass", "yoursecret",
            "your api", "your key", "your token", "your password", "your secret", "insert", "replace", "changeme", "change_me",
            "redacted", "todo", "tbd", "fixme", "here", "mock", "notreal", "not_real", "not-real", "not_a_", "not-a-", "test_token",
            "tooshort", "...", "…",
        ],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the value is a reference, a template or a placeholder rather than a literal secret.</summary>
    public static bool IsPlaceholder(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }
        if (Reference().IsMatch(trimmed))
        {
            return true;
        }
        if (trimmed.AsSpan().IndexOfAny(PlaceholderWords) >= 0 || AnglePrompt().IsMatch(trimmed))
        {
            return true;
        }
        return Randomness.LongestMaskRun(trimmed) >= 4;
    }

    /// <summary><c>&lt;YOUR_API_KEY&gt;</c>, <c>&lt;token&gt;</c>: a prompt in angle brackets (a lone <c>&gt;</c> inside a password is a character).</summary>
    [GeneratedRegex("""<[^<>]*[A-Za-z][^<>]*>""")]
    private static partial Regex AnglePrompt();

    /// <summary>Whole-value references to something defined elsewhere.</summary>
    [GeneratedRegex("""^(?:\$\{[^}]*\}|\$\{\{[^}]*\}\}|\{\{[^}]*\}\}|\{[A-Za-z_][\w .:-]*\}|%[A-Za-z_][\w]*%|\$\([^)]*\)|\$[A-Za-z_]\w*|%s|%\(\w+\)s|@@?\w+@?@?|#\{[^}]*\}|`[^`]*`)$""")]
    private static partial Regex Reference();

    /// <summary>Any template reference inside the value (a URL whose password is <c>${DB_PASS}</c>).</summary>
    public static bool ContainsReference(string value) => value.AsSpan().ContainsAny("{%$[") && ReferenceInside().IsMatch(value);

    /// <summary>
    /// Well-formed references only (<c>${VAR}</c>, <c>${VAR:-x}</c>, <c>{{ .Values.x }}</c>, <c>$(cmd)</c>,
    /// <c>{name}</c> but not the escaped <c>{{name}</c>, <c>%VAR%</c> and <c>%ProgramFiles%</c>): a password may contain braces
    /// and dollars that reference nothing, and a URL-encoded token percent signs around mixed-case random text.
    /// </summary>
    [GeneratedRegex("""\$\{[A-Za-z_][\w.:-]*(?::?[-=?+][^}]*)?\}|\$\{\{[^{}]*\}\}|\{\{[^{}]*\}\}|\$\([^)]*\)|(?<!\{)\{[A-Za-z_][\w]*\}|%(?:[A-Z_][A-Z0-9_]*|[A-Za-z][a-z]*(?:[A-Z][a-z]*)*)%|^\$[A-Za-z_]\w*$|\[[A-Z_ ]+\]""")]
    private static partial Regex ReferenceInside();
}
