using System.Text;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// A Python command string split into the words <c>/bin/sh</c> would pass to the program, as a list
/// literal whose elements are those words: <c>"gzip -cd '" + name + "' -"</c> →
/// <c>["gzip", "-cd", name, "-"]</c>. Quotes are honoured (a value inside them stays one word, an empty
/// <c>''</c> stays an empty word) and a value glued to text makes one word with it
/// (<c>path + "/etc/key"</c>). Null when the shell did more than split words — pipes, redirections,
/// variables, globs, command substitution, line breaks — since a list cannot do that work, or when the
/// program itself is not fixed text.
/// </summary>
internal static class PythonShellWords
{
    /// <summary>Characters outside quotes that make the shell do more than split words.</summary>
    private const string Unquoted = "|&;<>()$`\\*?[]{}~#!\n\r";

    /// <summary>Characters inside double quotes that the shell still interprets.</summary>
    private const string DoubleQuoted = "$`\\!";

    public static string? ArgumentList(IReadOnlyList<StringPart> parts)
    {
        var words = new List<List<StringPart>>();
        List<StringPart>? word = null;
        var quote = '\0';
        var text = new StringBuilder();

        void FlushText()
        {
            if (text.Length > 0)
            {
                word!.Add(new StringPart(text.ToString(), null));
                text.Clear();
            }
        }

        foreach (var part in parts)
        {
            if (!part.IsLiteral)
            {
                word ??= [];
                FlushText();
                word.Add(part);
                continue;
            }
            if (Decode(part.Literal!) is not { } literal)
            {
                return null;
            }
            foreach (var c in literal)
            {
                switch (quote)
                {
                    case '\'':
                        if (c == '\'')
                        {
                            quote = '\0';
                        }
                        else
                        {
                            text.Append(c);
                        }
                        continue;
                    case '"':
                        if (c == '"')
                        {
                            quote = '\0';
                        }
                        else if (DoubleQuoted.Contains(c, StringComparison.Ordinal))
                        {
                            return null;
                        }
                        else
                        {
                            text.Append(c);
                        }
                        continue;
                }
                if (c is ' ' or '\t')
                {
                    if (word is not null)
                    {
                        FlushText();
                        words.Add(word);
                        word = null;
                    }
                    continue;
                }
                if (Unquoted.Contains(c, StringComparison.Ordinal))
                {
                    return null;
                }
                word ??= [];
                if (c is '\'' or '"')
                {
                    quote = c;
                }
                else
                {
                    text.Append(c);
                }
            }
        }
        if (quote != '\0')
        {
            return null;
        }
        if (word is not null)
        {
            FlushText();
            words.Add(word);
        }
        if (words.Count == 0 || words[0].Any(p => !p.IsLiteral))
        {
            return null;
        }
        return $"[{string.Join(", ", words.Select(Element))}]";
    }

    /// <summary>One word as a Python expression: a string literal, a value, or both joined with <c>+</c>.</summary>
    private static string Element(List<StringPart> word)
    {
        if (word.Count == 0)
        {
            return "\"\"";
        }
        return string.Join(" + ", word.Select(p => p.IsLiteral ? Quote(p.Literal!)
            : p.Formatted ? $"str({p.Expression!.Value.Text})" : p.Expression!.Value.Text));
    }

    private static string Quote(string text) => $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    /// <summary>A literal's text as Python reads it; null for escapes other than quotes and backslashes.</summary>
    private static string? Decode(string source)
    {
        if (!source.Contains('\\', StringComparison.Ordinal))
        {
            return source;
        }
        var decoded = new StringBuilder(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] != '\\')
            {
                decoded.Append(source[i]);
                continue;
            }
            if (i + 1 >= source.Length || source[i + 1] is not ('\\' or '\'' or '"'))
            {
                return null;
            }
            decoded.Append(source[++i]);
        }
        return decoded.ToString();
    }
}
