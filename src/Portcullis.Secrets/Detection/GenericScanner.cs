using System.Text.RegularExpressions;
using Portcullis.Core;
using Portcullis.Secrets.Values;

namespace Portcullis.Secrets.Detection;

/// <summary>
/// A value assigned to, passed as, or compared with something named like a secret, in the forms of
/// every language: assignments and declarations (<c>=</c>, <c>:=</c>, <c>:</c>), keyword arguments,
/// object and map literals (<c>"password": "…"</c>, <c>{"password", "…"}</c>, <c>:password =&gt; "…"</c>),
/// setters and builders (<c>setPassword("…")</c>), comparisons (<c>"…" === password</c>) and the
/// unquoted values of config files (<c>.env</c>, properties, YAML, INI, command-line flags).
/// </summary>
internal static partial class GenericScanner
{
    private const int MaxLineWindow = 2_000;

    private static readonly AnchorIndex<bool> Keywords = new(
        new[] { "pass", "pwd", "secret", "token", "key", "auth", "cred", "bearer", "pat", "psk", "pin" }.Select(k => (k, true)),
        ignoreCase: true);

    /// <summary>Languages whose unquoted values are code (identifiers, calls), not literal settings.</summary>
    private static readonly HashSet<string> CodeLanguages = new(StringComparer.Ordinal)
    {
        "python", "javascript", "typescript", "tsx", "java", "csharp", "go", "php", "ruby", "c", "cpp", "rust", "kotlin", "solidity", "hcl",
    };

    public static List<SecretCandidate> Scan(string text, string language, ref bool incomplete, CancellationToken cancellationToken = default)
    {
        var found = new List<SecretCandidate>();
        var lastWindowEnd = -1;
        var code = CodeLanguages.Contains(language);
        foreach (var (position, _, _) in Keywords.Hits(text))
        {
            if (position < lastWindowEnd)
            {
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var (start, end) = LineWindow(text, position);
            lastWindowEnd = end;
            try
            {
                ScanWindow(text, start, end, code, found);
            }
            catch (RegexMatchTimeoutException)
            {
                incomplete = true;
            }
        }
        return found;
    }

    /// <summary>The line around a keyword, bounded so a one-line megabyte costs a few kilobytes per hit.</summary>
    private static (int Start, int End) LineWindow(string text, int position)
    {
        var floor = Math.Max(0, position - MaxLineWindow / 2);
        var start = text.LastIndexOf('\n', position) + 1;
        start = Math.Max(start, floor);
        var ceiling = Math.Min(text.Length, position + MaxLineWindow);
        var newline = text.IndexOf('\n', position, ceiling - position);
        return (start, newline < 0 ? ceiling : newline);
    }

    private static void ScanWindow(string text, int start, int end, bool code, List<SecretCandidate> found)
    {
        for (var match = QuotedAssignment().Match(text, start, end - start); match.Success; match = match.NextMatch())
        {
            var call = match.Groups["call"].Success;
            Consider(found, match.Groups["name"].Value, match.Groups["value"], call ? ValueForm.CallArgument : ValueForm.Quoted);
        }
        for (var match = ReversedComparison().Match(text, start, end - start); match.Success; match = match.NextMatch())
        {
            Consider(found, match.Groups["name"].Value, match.Groups["value"], ValueForm.Quoted);
        }
        for (var match = UnquotedSetting().Match(text, start, end - start); match.Success; match = match.NextMatch())
        {
            var value = match.Groups["value"];
            var next = value.Index + value.Length < text.Length ? text[value.Index + value.Length] : '\n';
            if (next is '(' or '[' or '.' or '{' || (code && IsIdentifierLike(value.Value)))
            {
                continue;
            }
            Consider(found, match.Groups["name"].Value, value, code ? ValueForm.Quoted : ValueForm.Unquoted);
        }
    }

    private enum ValueForm
    {
        Quoted,
        Unquoted,
        CallArgument,
    }

    private static void Consider(List<SecretCandidate> found, string name, Group value, ValueForm form)
    {
        if (!SecretNames.IsSecretName(name) || !IsSecretValue(value.Value, name, form))
        {
            return;
        }
        var candidate = new SecretCandidate(
            "secrets.generic-assignment", "generic-assignment", "Hardcoded credential", EnvironmentNames.FromIdentifier(name) ?? "SECRET",
            value.Index, value.Index + value.Length, value.Value, Severity.High,
            Randomness.Entropy(value.Value) >= 3.0 && value.Length >= 12 ? Confidence.High : Confidence.Medium,
            CandidateOrigin.Generic, name);
        if (!found.Any(f => f.Overlaps(candidate)))
        {
            found.Add(candidate);
        }
    }

    private static bool IsSecretValue(string value, string name, ValueForm form)
    {
        if (value.Length < 4 || value.Length > 400 || !FreeFormSecret.IsRealistic(value))
        {
            return false;
        }
        if (value.AsSpan().ContainsAny(" \t") || value.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return false;
        }
        if (Decoys.IsDecoy(value))
        {
            return false;
        }
        // An argument that reads like a key name is the name of a secret to look up, not the secret.
        if ((form == ValueForm.CallArgument && KeyName().IsMatch(value)) || EnvironmentName().IsMatch(value))
        {
            return false;
        }
        if (form == ValueForm.Unquoted && !HasStrength(value))
        {
            return false;
        }
        var words = SecretNames.Words(name);
        return !words.Contains(value.ToLowerInvariant()) && !SecretNames.Words(value).SequenceEqual(words);
    }

    /// <summary>An unquoted word in a config file (<c>password=hunter2</c>) counts when it mixes classes: not <c>password=required</c>.</summary>
    private static bool HasStrength(string value) =>
        value.Length >= 6 && (Randomness.CharacterClasses(value) >= 2 || Randomness.Entropy(value) >= 3.2);

    private static bool IsIdentifierLike(string value) => Identifier().IsMatch(value);

    [GeneratedRegex("""^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*$""")]
    private static partial Regex Identifier();

    [GeneratedRegex("""^(?:[a-z][a-z0-9]*(?:[-_./:][a-z0-9]+)*|[A-Za-z][A-Za-z0-9]*(?:[-_./:][A-Za-z][A-Za-z0-9]*)+)$""")]
    private static partial Regex KeyName();

    [GeneratedRegex("""^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$""")]
    private static partial Regex EnvironmentName();

    /// <summary>
    /// <c>name</c> then a separator then a quoted value. The separator is an assignment or comparison
    /// operator, a key-value colon or arrow, a quoted key followed by a comma (initializer pairs), or an
    /// opening parenthesis (setter or single-argument call).
    /// </summary>
    [GeneratedRegex("""(?<![\w$.-])(?<name>[A-Za-z_$@-][\w$.\-]{0,80}?)(?:["'\]]?\s*(?::=|=>|->|\?\?=|\|\|=|===?|!==?|<-|[:=])|["']\s*,|\s*(?<call>\())\s*(?:[@$]|[rRbBuUfF]{1,2}|new\s+String\(|(?:(?:string|String|str|char\s*\*|const\s+char\s*\*|var|val|let|const)\s+)?)?(?<q>["'`])(?<value>(?:(?!\k<q>)[^\\\r\n]|\\.){1,400})\k<q>""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex QuotedAssignment();

    [GeneratedRegex("""(?<q>["'])(?<value>(?:(?!\k<q>)[^\\\r\n]|\\.){1,400})\k<q>\s*(?:===?|!==?|\.equals\(|\.Equals\()\s*(?<name>[A-Za-z_$][\w$.]*)""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex ReversedComparison();

    [GeneratedRegex("""(?<![\w$.-])(?<name>[A-Za-z_-][\w.\-]{0,80}?)["']?[ \t]*(?:=|:)[ \t]*(?<value>[^\s"'`,;#&|<>(){}\[\]]{1,400})""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex UnquotedSetting();
}
