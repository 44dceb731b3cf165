namespace Portcullis.Analysis.Dataflow;

/// <summary>
/// The key/value pairs of a Java <c>.properties</c> file as <c>java.util.Properties.load</c> reads them:
/// <c>key=value</c>, <c>key: value</c> or <c>key value</c>; <c>#</c> and <c>!</c> comments; a line
/// ending in a backslash continues on the next. Later keys win, as they do at run time.
/// </summary>
internal static class PropertiesFile
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }
            while (EndsInContinuation(line) && i + 1 < lines.Length)
            {
                line = line[..^1] + lines[++i].TrimStart();
            }
            var split = SeparatorAt(line);
            var key = Unescape(split < 0 ? line : line[..split]);
            var value = split < 0 ? "" : line[(split + 1)..].TrimStart();
            if (split >= 0 && line[split] is ' ' or '\t' && value.Length > 0 && value[0] is '=' or ':')
            {
                // "key = value": the blank ended the key, the = is still the separator.
                value = value[1..].TrimStart();
            }
            values[key] = Unescape(value);
        }
        return values;
    }

    private static bool EndsInContinuation(string line)
    {
        var backslashes = 0;
        for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
        {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /// <summary>The first unescaped '=', ':' or blank: where the key ends.</summary>
    private static int SeparatorAt(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
                continue;
            }
            if (line[i] is '=' or ':' or ' ' or '\t')
            {
                return i;
            }
        }
        return -1;
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }
            var next = text[++i];
            builder.Append(next switch { 't' => '\t', 'n' => '\n', 'r' => '\r', 'f' => '\f', _ => next });
        }
        return builder.ToString();
    }
}
