using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Secrets;

/// <summary>
/// The fix for a secret in a file that is not code — configuration, a shell script, a prompt or a ticket:
/// the secret becomes a reference to an environment variable in the form the format's tools expand
/// (<c>${STRIPE_SECRET_KEY}</c> for Compose, Spring, Maven, dotenv loaders and shells; <c>$(NAME)</c> in a
/// makefile), named after the key it was given to or after the provider. In plain text the reference is
/// what the reader is told to use instead of the value. Code gets <see cref="EnvironmentLookupFix"/>.
/// </summary>
internal static class PlaceholderFix
{
    /// <summary>The formats whose values can hold a <c>${NAME}</c> reference.</summary>
    private static readonly HashSet<string> DollarBraceFormats = new(StringComparer.Ordinal)
    {
        LanguageIds.Text, "yaml", "json", "xml", "ini", "toml", "properties", "dotenv", "bash",
    };

    /// <param name="start">Where the secret starts in the text (UTF-16 index), for looking at its line.</param>
    public static FixProposal? Propose(SourceText source, int start, int startByte, int endByte, string? name, string providerName)
    {
        var makefile = Path.GetFileName(source.Path) is "Makefile" or "makefile" or "GNUmakefile" || source.Path.EndsWith(".mk", StringComparison.Ordinal);
        if (!makefile && !DollarBraceFormats.Contains(source.Language))
        {
            return null;
        }
        if (source.Language == "bash" && InsideSingleQuotes(source.Text, start))
        {
            // A shell expands nothing between single quotes: the reference would be sent as written.
            return null;
        }
        var key = name ?? KeyBefore(source.Text, start);
        var variable = key is not null && EnvironmentNames.FromIdentifier(key) is { } fromKey ? fromKey : providerName;
        var reference = makefile ? $"$({variable})" : $"${{{variable}}}";
        return new FixProposal(
            $"replace the secret with a reference to the environment variable {variable} ({reference}) and set it where the file is used",
            [new TextEdit(startByte, endByte, reference)]);
    }

    /// <summary>The key the value is given to on its line (<c>key: v</c>, <c>"key": "v"</c>, <c>KEY=v</c>), or null.</summary>
    private static string? KeyBefore(string text, int start)
    {
        var i = start - 1;
        if (i >= 0 && text[i] is '"' or '\'')
        {
            i--;
        }
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }
        if (i < 0 || text[i] is not (':' or '='))
        {
            return null;
        }
        i--;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }
        if (i >= 0 && text[i] is '"' or '\'')
        {
            i--;
        }
        var end = i + 1;
        while (i >= 0 && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.'))
        {
            i--;
        }
        return end - (i + 1) is > 0 and <= 80 ? text[(i + 1)..end] : null;
    }

    private static bool InsideSingleQuotes(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var quotes = 0;
        var doubleQuoted = false;
        for (var i = lineStart; i < index; i++)
        {
            if (text[i] == '"' && quotes % 2 == 0)
            {
                doubleQuoted = !doubleQuoted;
            }
            else if (text[i] == '\'' && !doubleQuoted)
            {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }
}
