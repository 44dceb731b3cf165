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
    private static readonly AnchorIndex<bool> Keywords = new(
        new[] { "pass", "pwd", "secret", "token", "key", "auth", "cred", "bearer", "pat", "psk", "pin", "pw", "psw" }.Select(k => (k, true)),
        ignoreCase: true);

    /// <summary>Languages whose unquoted values are code (identifiers, calls), not literal settings.</summary>
    private static readonly HashSet<string> CodeLanguages = new(StringComparer.Ordinal)
    {
        "python", "javascript", "typescript", "tsx", "java", "csharp", "go", "php", "ruby", "c", "cpp", "rust", "kotlin", "solidity", "hcl",
    };

    /// <summary>Settings formats whose value runs to the end of its line (a shell or Dockerfile value ends at a blank).</summary>
    private static readonly HashSet<string> SettingsLanguages = new(StringComparer.Ordinal) { "yaml", "toml", "ini", "properties", "dotenv" };

    public static List<SecretCandidate> Scan(string text, string language, ref bool incomplete, CancellationToken cancellationToken = default)
    {
        var found = new List<SecretCandidate>();
        var dialect = CodeLanguages.Contains(language) ? Dialect.Code : SettingsLanguages.Contains(language) ? Dialect.Settings : Dialect.Text;
        // `name "value"` is a statement only where a call needs no parentheses (Ruby) or in DSL and settings text.
        var commands = dialect != Dialect.Code || language == "ruby";
        var lastIdentifierStart = -1;
        foreach (var (position, _, _) in Keywords.Hits(text))
        {
            // The keyword is part of a name: the detectors run once per secret-named identifier, anchored at its start.
            var (start, end) = Identifier(text, position);
            if (start == lastIdentifierStart)
            {
                continue;
            }
            lastIdentifierStart = start;
            cancellationToken.ThrowIfCancellationRequested();
            if (!MayHoldValue(text, start, end) || !SecretNames.IsSecretName(text[start..end]))
            {
                continue;
            }
            try
            {
                ScanAt(text, start, end, dialect, commands, found);
            }
            catch (RegexMatchTimeoutException)
            {
                incomplete = true;
            }
        }
        return found;
    }

    /// <summary>The identifier (letters, digits, <c>_ $ @ . -</c>) around a position, at most 120 characters.</summary>
    private static (int Start, int End) Identifier(string text, int position)
    {
        var start = position;
        while (start > 0 && position - start < 120 && IsNameChar(text[start - 1]))
        {
            start--;
        }
        var end = position;
        while (end < text.Length && end - position < 120 && IsNameChar(text[end]))
        {
            end++;
        }
        return (start, end);
    }

    /// <summary>
    /// Whether any of the forms can start at this name, judged on the characters around it: a name in
    /// prose (<c>the token is injected</c>) is followed by a word, a name holding a value by an operator,
    /// a quote, a bracket or a colon, or it is a flag, or a comparison precedes it. Most keyword hits end
    /// here, before any allocation or regex.
    /// </summary>
    private static bool MayHoldValue(string text, int start, int end)
    {
        if (text[start] == '-')
        {
            return true;
        }
        var after = SkipBlanks(text, end);
        if (after < text.Length && IsSeparator(text[after]))
        {
            return true;
        }
        if (ByteListStart(text, end) >= 0)
        {
            return true;
        }
        if (after + 1 < text.Length && text[after] == '[' && (char.IsAsciiDigit(text[after + 1]) || text[after + 1] == ']'))
        {
            // A C array declarator: `char password[32] = "…"`.
            return true;
        }
        if (after < text.Length && text[after] is '"' or '\'' or '`' or ']')
        {
            // A closing quote or bracket: a key (`"password": …`, `["password"] = …`, `key="Password" value=…`)
            // is followed by its separator, a name in a lookup (`getenv("DB_PASSWORD")`) by the end of the call.
            // A space before the quote is the directive form (`#define PASSWORD "…"`).
            var next = after;
            while (next < text.Length && text[next] is '"' or '\'' or '`' or ']')
            {
                next++;
            }
            next = SkipBlanks(text, next);
            if (after > end || (next < text.Length && (IsSeparator(text[next]) || text[next] is 'v' or 'V')))
            {
                return true;
            }
        }
        var before = start - 1;
        while (before >= 0 && text[before] is ' ' or '\t')
        {
            before--;
        }
        return before >= 0 && text[before] is '=' or '(';
    }

    private static bool IsSeparator(char c) => c is '=' or ':' or '(' or ',' or '>' or '<' or '!' or '?' or '|' or '-';

    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
        return i;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '@' or '.' or '-';

    /// <summary>How far after a name the quote of its value may open (operator, type annotation, prefix and spaces).</summary>
    private const int QuoteReach = 160;

    private static readonly System.Buffers.SearchValues<char> Quotes = System.Buffers.SearchValues.Create("\"'`");

    /// <summary>How the scanned text writes values: code (unquoted means an expression), settings files (a value runs to the end of its line), prose.</summary>
    private enum Dialect
    {
        Code,
        Settings,
        Text,
    }

    private static void ScanAt(string text, int start, int end, Dialect dialect, bool commands, List<SecretCandidate> found)
    {
        // Each form is tried only where the character around the name allows it: a regex call costs more than the look.
        var previous = start > 0 ? text[start - 1] : '\n';
        var lineStart = StartsLine(text, start);
        if (dialect == Dialect.Text && lineStart && SecretNames.Words(text[start..end]).Count > 1)
        {
            // A compound key opening a line of prose (`aws_secret_access_key: …`) is a settings file pasted into it.
            dialect = Dialect.Settings;
        }
        if (ReversedValue(text, start) is { } reversed)
        {
            ConsiderRange(found, text[start..end], text, reversed.Start, reversed.End);
        }
        if (ByteListStart(text, end) is var list and >= 0)
        {
            ConsiderBytes(found, text[start..end], text, list);
            return;
        }
        if (AssignsExpression(text, end))
        {
            return;
        }
        var quoteFollows = text.AsSpan(end, Math.Min(QuoteReach, text.Length - end)).IndexOfAny(Quotes) >= 0;
        if (quoteFollows)
        {
            ConsiderQuoted(QuotedAssignment(), text, start, found, dialect);
        }
        if (quoteFollows && previous is ' ' or '\t')
        {
            ConsiderQuoted(Directive(), text, start, found, dialect);
        }
        if (quoteFollows && lineStart && commands)
        {
            ConsiderQuoted(CommandSetting(), text, start, found, dialect);
        }
        if (quoteFollows && previous is '"' or '\'')
        {
            ConsiderQuoted(ConfigPair(), text, start, found, dialect);
        }
        if (text[start] is 'a' or 'A' or 'x' or 'X')
        {
            ConsiderQuoted(AuthorizationHeader(), text, start, found, dialect);
        }
        if (previous == '<')
        {
            ConsiderQuoted(XmlElement(), text, start, found, dialect);
        }
        if (SeparatorFollowsName(text, start))
        {
            ConsiderUnquoted(dialect == Dialect.Settings || (dialect == Dialect.Text && lineStart) ? SettingLine() : UnquotedSetting(), text, start, dialect, found);
        }
        if (text[start] == '-')
        {
            ConsiderUnquoted(Flag(), text, start, dialect, found);
        }
    }

    /// <summary>
    /// Whether <c>=</c>, <c>:</c>, <c>:=</c> or <c>?=</c> follows the name that starts here (after an optional
    /// quote and blanks): the one place an unquoted setting's separator can be, since the name's characters
    /// exclude it. Prose mentions secret words far more often than it assigns them; this look spares the regex.
    /// </summary>
    private static bool SeparatorFollowsName(string text, int start)
    {
        var i = start;
        while (i < text.Length && i - start <= 81 && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-' || (text[i] > 127 && char.IsLetterOrDigit(text[i]))))
        {
            i++;
        }
        if (i < text.Length && text[i] is '"' or '\'')
        {
            i++;
        }
        i = SkipBlanks(text, i);
        return i < text.Length && (text[i] is ':' or '=' || (text[i] == '?' && i + 1 < text.Length && text[i + 1] == '='));
    }

    private static void ConsiderQuoted(Regex regex, string text, int start, List<SecretCandidate> found, Dialect dialect)
    {
        var match = regex.Match(text, start);
        if (match.Success)
        {
            var call = match.Groups["call"].Success;
            Consider(found, match.Groups["name"].Value, match.Groups["value"].Index, match.Groups["value"].Value, call ? ValueForm.CallArgument : dialect == Dialect.Settings ? ValueForm.SettingsQuoted : ValueForm.Quoted);
        }
    }

    /// <summary>Only indentation before the name on its line: a statement or setting starts there (<c>password "…"</c> in Gradle, Ruby or Apex DSLs).</summary>
    private static bool StartsLine(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }
        return i < 0 || text[i] == '\n';
    }

    private static void ConsiderUnquoted(Regex regex, string text, int start, Dialect dialect, List<SecretCandidate> found)
    {
        var match = regex.Match(text, start);
        if (!match.Success)
        {
            return;
        }
        var name = match.Groups["name"].Value;
        var value = match.Groups["value"];
        if (regex == SettingLine())
        {
            var line = SettingValue(value.Value);
            Consider(found, name, value.Index, line, dialect == Dialect.Settings && line.Contains(' ', StringComparison.Ordinal) ? ValueForm.SettingsLine : ValueForm.Unquoted);
            return;
        }
        var next = value.Index + value.Length < text.Length ? text[value.Index + value.Length] : '\n';
        if (dialect == Dialect.Code && next is '(' or '[' or '{' or ')' or ']' or '}' or '$' or '>' or '<'
            && RawRun(text, value.Index) is { } run && HasMismatchedBrackets(run))
        {
            // Brackets that no expression could close in this order: text pasted without its quotes, not code.
            Consider(found, name, value.Index, run, ValueForm.Quoted);
            return;
        }
        if (next is '(' or '[' or '.' or '{' || (dialect == Dialect.Code && IsIdentifierLike(value.Value)))
        {
            return;
        }
        Consider(found, name, value.Index, value.Value, dialect == Dialect.Code ? ValueForm.Quoted : ValueForm.Unquoted);
    }

    /// <summary>
    /// Where a list of hex byte literals given to the name opens (<c>#define password {0x48, 0x65, …}</c>,
    /// <c>byte[] secret = {0x68, …}</c>, <c>password = bytes([0x68, …])</c>), or -1: a secret spelt as character codes.
    /// </summary>
    private static int ByteListStart(string text, int nameEnd)
    {
        var limit = Math.Min(text.Length - 1, nameEnd + 40);
        for (var i = nameEnd; i < limit; i++)
        {
            var c = text[i];
            if (c is '{' or '[' or '(')
            {
                var next = SkipBlanks(text, i + 1);
                if (next + 1 < text.Length && text[next] == '0' && text[next + 1] is 'x' or 'X')
                {
                    return i;
                }
                continue;
            }
            if (c is '\n' or ';' or '"' or '\'' or '}' or ')')
            {
                return -1;
            }
        }
        return -1;
    }

    /// <summary>The list decoded: printable characters are a password, judged as the string they spell.</summary>
    private static void ConsiderBytes(List<SecretCandidate> found, string name, string text, int open)
    {
        var match = ByteList().Match(text, open);
        if (!match.Success)
        {
            return;
        }
        var spelt = new System.Text.StringBuilder();
        foreach (Capture code in match.Groups["byte"].Captures)
        {
            var value = Convert.ToInt32(code.Value[2..], 16);
            if (value is < 0x20 or > 0x7E)
            {
                return;
            }
            spelt.Append((char)value);
        }
        var list = match.Groups["list"];
        if (SecretNames.IsSecretName(name) && IsSecretValue(spelt.ToString(), name, ValueForm.Quoted))
        {
            var candidate = new SecretCandidate(
                "secrets.generic-assignment", "generic-assignment (character codes)", "Hardcoded credential", EnvironmentNames.FromIdentifier(name) ?? "SECRET",
                list.Index, list.Index + list.Length, list.Value, Severity.High, Confidence.Medium, CandidateOrigin.Generic, name);
            if (!found.Any(f => f.Overlaps(candidate)))
            {
                found.Add(candidate);
            }
        }
    }

    [GeneratedRegex("""\G[{\[(]\s*(?<list>(?<byte>0[xX][0-9A-Fa-f]{1,2})(?:\s*,\s*(?<byte>0[xX][0-9A-Fa-f]{1,2})){3,255})\s*,?\s*[}\])]""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex ByteList();

    /// <summary>A settings value: the rest of its line, without a trailing comment (<c> # …</c>, <c> ; …</c>) or separator.</summary>
    private static string SettingValue(string line)
    {
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] is '#' or ';' && line[i - 1] is ' ' or '\t')
            {
                line = line[..i];
                break;
            }
        }
        return line.TrimEnd(' ', '\t', '\r', ',', ';');
    }

    /// <summary>The characters from a position to the next blank or line end, without a trailing separator or stray quote.</summary>
    private static string? RawRun(string text, int index)
    {
        var end = index;
        while (end < text.Length && end - index < 400 && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }
        var run = text[index..end].TrimEnd(',', ';', '"', '\'', '`');
        return run.Length == 0 ? null : run;
    }

    /// <summary>
    /// A closing bracket of another kind than the innermost open one (<c>{e]</c>, <c>{o)</c>): code on the right of an
    /// assignment always nests its brackets. A closer with nothing open ends an enclosing list (<c>token: string)</c>).
    /// </summary>
    private static bool HasMismatchedBrackets(string run)
    {
        Span<char> open = stackalloc char[run.Length];
        var depth = 0;
        foreach (var c in run)
        {
            switch (c)
            {
                case '(' or '[' or '{':
                    open[depth++] = c;
                    break;
                case ')' or ']' or '}' when depth > 0:
                    if (open[depth - 1] != (c switch { ')' => '(', ']' => '[', _ => '{' }))
                    {
                        return true;
                    }
                    depth--;
                    break;
            }
        }
        return false;
    }

    /// <summary>
    /// <c>password = os.environ["…"]</c>, <c>apiKey: config.get(…)</c>, <c>token = settings.api.token;</c>:
    /// the name is given a call, an index or a member, which no literal form can match, so the regexes
    /// are not run (the common case in code that does the right thing).
    /// </summary>
    private static bool AssignsExpression(string text, int nameEnd)
    {
        var i = nameEnd;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
        var operatorStart = i;
        while (i < text.Length && text[i] is '=' or ':' or '?' or '|' or '>' && i - operatorStart < 4)
        {
            i++;
        }
        if (i == operatorStart)
        {
            return false;
        }
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
        var dots = 0;
        while (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] is '_' or '$'))
        {
            i++;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '$'))
            {
                i++;
            }
            if (i + 1 < text.Length && text[i] == '.' && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '_' or '$'))
            {
                dots++;
                i++;
                continue;
            }
            return i < text.Length && (text[i] is '(' or '[' || (dots > 0 && text[i] is ';' or ',' or ')' or '\r' or '\n'));
        }
        return false;
    }

    /// <summary>The quoted value compared with the name from its left: <c>"…" === password</c>, <c>"…".equals(password)</c>.</summary>
    private static (int Start, int End)? ReversedValue(string text, int nameStart)
    {
        var i = nameStart - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }
        var operatorEnd = i + 1;
        while (i >= 0 && text[i] is '=' or '!' or '(' or '.' || (i >= 0 && char.IsAsciiLetter(text[i]) && operatorEnd - i <= 8))
        {
            i--;
        }
        var op = text.AsSpan(i + 1, operatorEnd - i - 1);
        if (op is not ("==" or "===" or "!=" or "!==" or ".equals(" or ".Equals("))
        {
            return null;
        }
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }
        if (i < 1 || text[i] is not ('"' or '\''))
        {
            return null;
        }
        var quote = text[i];
        var open = text.LastIndexOf(quote, i - 1, Math.Min(i, 400));
        if (open < 0 || text.AsSpan(open, i - open).Contains('\n'))
        {
            return null;
        }
        return (open + 1, i);
    }

    private static void ConsiderRange(List<SecretCandidate> found, string name, string text, int start, int end)
    {
        var match = AnyValue().Match(text, start, end - start);
        if (match.Success && match.Length == end - start)
        {
            Consider(found, name, match.Groups["value"].Index, match.Groups["value"].Value, ValueForm.Quoted);
        }
    }

    [GeneratedRegex("(?<value>.+)", RegexOptions.ExplicitCapture)]
    private static partial Regex AnyValue();

    private enum ValueForm
    {
        Quoted,
        Unquoted,
        CallArgument,

        /// <summary>Quoted in a settings file, where a passphrase of a few words is a value, not a message.</summary>
        SettingsQuoted,

        /// <summary>The rest of a settings line holding a few words.</summary>
        SettingsLine,
    }

    /// <summary>The most words a passphrase in a settings file is taken to have; more is prose.</summary>
    private const int PassphraseWords = 6;

    private static void Consider(List<SecretCandidate> found, string name, int index, string value, ValueForm form)
    {
        if (!SecretNames.IsSecretName(name) || !IsSecretValue(value, name, form))
        {
            return;
        }
        var candidate = new SecretCandidate(
            "secrets.generic-assignment", "generic-assignment", "Hardcoded credential", EnvironmentNames.FromIdentifier(name) ?? "SECRET",
            index, index + value.Length, value, Severity.High,
            Randomness.Entropy(value) >= 3.0 && value.Length >= 12 && !value.Contains(' ', StringComparison.Ordinal) ? Confidence.High : Confidence.Medium,
            CandidateOrigin.Generic, name);
        if (!found.Any(f => f.Overlaps(candidate)))
        {
            found.Add(candidate);
        }
    }

    private static readonly HashSet<string> EphemeralWords = new(StringComparer.Ordinal)
    {
        "session", "request", "correlation", "trace", "nonce", "state", "idempotency", "device", "instance", "install", "upload", "job",
    };

    private static bool IsSecretValue(string value, string name, ValueForm form)
    {
        // The cheap shape checks first: most values seen here are references and lookups, not literals.
        if (value.Length < 4 || value.Length > 400)
        {
            return false;
        }
        if (!value.AsSpan().ContainsAny(LettersAndDigits) || value.Contains('\t', StringComparison.Ordinal))
        {
            return false;
        }
        if (value.Contains(' ', StringComparison.Ordinal)
            && (form is not (ValueForm.SettingsQuoted or ValueForm.SettingsLine) || value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > PassphraseWords))
        {
            return false;
        }
        // Digits alone are a count, a port or an id, unless long enough to be a numeric key given in quotes.
        if (value.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 && (form is ValueForm.Unquoted or ValueForm.SettingsLine || value.Length < 16 || Randomness.ClassifyBody(value) != RandomnessClass.Random))
        {
            return false;
        }
        // A URI is judged by the URI detectors (its password, not its host); a dotted name is a reference (`var.db_password`).
        if (value.Contains("://", StringComparison.Ordinal) || IsDottedReference(value) || LongestRun(value) >= Math.Max(6, value.Length / 3) || !FreeFormSecret.IsRealistic(value))
        {
            return false;
        }
        // A UUID is an id in general, but one assigned to a key or password is a key in that shape (Heroku and
        // HubSpot API keys, Snyk tokens); per-session and per-request tokens are made at run time, not kept.
        if (Decoys.IsDecoy(value) && !(Decoys.IsUuid(value) && !SecretNames.Words(name).Any(EphemeralWords.Contains)))
        {
            return false;
        }
        // An argument that reads like a key name is the name of a secret to look up, not the secret.
        if ((form == ValueForm.CallArgument && KeyName().IsMatch(value)) || EnvironmentName().IsMatch(value))
        {
            return false;
        }
        if (form is ValueForm.Unquoted or ValueForm.SettingsLine && (!HasStrength(value) || (KeyName().IsMatch(value) && !IsGenerated(value) && !MixesDigitsIntoLetters(value))))
        {
            return false;
        }
        var words = SecretNames.Words(name);
        return !words.Contains(value.ToLowerInvariant()) && !SecretNames.Words(value).SequenceEqual(words);
    }

    /// <summary>An unquoted word in a config file (<c>password=hunter2</c>) counts when it mixes classes: not <c>password=required</c>.</summary>
    private static bool HasStrength(string value) =>
        value.Length >= 6 && (Randomness.CharacterClasses(value) >= 2 || Randomness.Entropy(value) >= 3.2);

    /// <summary>A long lower-case run of letters and digits mixed at random (<c>p7kxotbk…</c>) is generated, not a key name.</summary>
    private static bool IsGenerated(string value) =>
        value.Length >= 20 && value.AsSpan().ContainsAnyInRange('0', '9') && Randomness.ClassifyBody(value) == RandomnessClass.Random;

    /// <summary>
    /// <c>var.db_password</c>, <c>settings.api.token</c>: a dotted name is a reference. Segments that mix
    /// digits into letters (<c>n83.bat47Fy4</c>) are a value that happens to contain a dot.
    /// </summary>
    private static bool IsDottedReference(string value) =>
        DottedName().IsMatch(value) && !MixesDigitsIntoLetters(value);

    /// <summary>A word of the value has digits inside its letters (<c>d37Yt1Jnv0</c>), not only at its end (<c>api2</c>).</summary>
    private static bool MixesDigitsIntoLetters(string value)
    {
        foreach (var segment in value.Split(['.', '-', '_', '/', ':']))
        {
            var head = segment.AsSpan().TrimEnd("0123456789");
            if (head.ContainsAnyInRange('0', '9') && head.ContainsAnyExceptInRange('0', '9'))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsIdentifierLike(string value) => Identifier().IsMatch(value);

    private static readonly System.Buffers.SearchValues<char> LettersAndDigits =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>The longest run of one repeated character: <c>glc_1111…</c>, <c>AIzaaaaa…</c> are fill, not keys.</summary>
    private static int LongestRun(string value)
    {
        var longest = 1;
        var run = 1;
        for (var i = 1; i < value.Length; i++)
        {
            run = value[i] == value[i - 1] ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    [GeneratedRegex("""^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$""")]
    private static partial Regex DottedName();

    /// <summary><c>#define PASSWORD "…"</c>, <c>%global password "…"</c>, <c>SET password "…"</c>.</summary>
    [GeneratedRegex("""\G(?<=(?:#\s*define|%define|%global|\bset|\bSET)\s+)(?<name>[A-Za-z_][\w.-]{0,80})\s+(?<q>["'])(?<value>(?:(?!\k<q>)[^\\\r\n]|\\.){1,400})\k<q>""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex Directive();

    /// <summary>XML configuration pairs: <c>&lt;add key="ClearTextPassword" value="…" /&gt;</c>.</summary>
    [GeneratedRegex("""\G(?<=\b(?:key|name)\s*=\s*["'])(?<name>[^"'\r\n]{1,80})["']\s+value\s*=\s*["'](?<value>[^"'\r\n]{1,400})["']""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex ConfigPair();

    /// <summary>An HTTP Authorization header with its scheme: <c>Authorization: Bearer …</c>.</summary>
    [GeneratedRegex("""\G(?<name>(?i:authorization|x-api-key|api-key|x-auth-token))["']?\s*[:=]\s*["']?(?:(?i:bearer|token|basic)\s+)?(?<value>[A-Za-z0-9._~+/=-]{12,400})""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex AuthorizationHeader();

    /// <summary>A command-line flag and its value separated by a space: <c>--api-key abc…</c>.</summary>
    [GeneratedRegex("""\G(?<![\w-])(?<name>--?[A-Za-z][\w-]{0,60})[ \t]+["']?(?<value>[^\s"'`]{8,400})""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex Flag();

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
    [GeneratedRegex("""\G(?<![\w$.-])(?<name>[A-Za-z_$@-][\w$.\-]{0,80}?)(?:(?:["']\]?|\]|\[\d{0,4}\])?(?:\s*:\s*[A-Za-z_][\w.<>?]*\s*(?==))?\s*(?::=|=>|->|\?\?=|\?=|\+=|\|\|=|===?|!==?|<-|[:=])|["']\s*,|\s*(?<call>\())\s*(?:[@$]|[rRbBuUfF]{1,2}|new\s+String\(|(?:(?:string|String|str|char\s*\*|const\s+char\s*\*|var|val|let|const)\s+)?)?(?<q>["'`])(?<value>(?:(?!\k<q>)[^\\\r\n]|\\.){1,400})\k<q>""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex QuotedAssignment();

    /// <summary>An XML element named like a secret: <c>&lt;password&gt;…&lt;/password&gt;</c>.</summary>
    [GeneratedRegex("""\G(?<=<)(?<name>[\w:.-]{1,80})>(?<value>[^<\s]{1,400})</\k<name>>""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex XmlElement();

    [GeneratedRegex("""\G(?<=^|[\s{,;("'`?&])(?<name>[A-Za-z_-][\w.\-]{0,80}?)["']?[ \t]*(?::=|\?=|=|:)[ \t]*(?<value>[^\s"'`,;#&|<>(){}\[\]]{1,400})""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex UnquotedSetting();

    /// <summary>
    /// A settings file's <c>name = value</c> whose value runs to the end of the line (passwords hold <c>, ; ( ) { }</c>);
    /// a value opening with a YAML indicator (<c>[ { | &gt; &amp; * !</c>) is a structure, an anchor or a tag.
    /// </summary>
    [GeneratedRegex("""\G(?<=^|[\s{,;("'`?&])(?<name>[A-Za-z_-][\w.\-]{0,80}?)["']?[ \t]*(?::=|\?=|=|:)[ \t]*(?<value>[^\s"'`\[{|>&*!#%@][^\r\n]{0,399})""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex SettingLine();

    /// <summary>A setting written as a command, name then quoted value, at the start of a line: <c>storePassword "…"</c> (Gradle, Ruby, Apex DSLs).</summary>
    [GeneratedRegex("""\G(?<name>[A-Za-z_][\w.-]{0,80})[ \t]+(?<q>["'])(?<value>(?:(?!\k<q>)[^\\\r\n]|\\.){1,400})\k<q>""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex CommandSetting();
}
