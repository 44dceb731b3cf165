using System.Text.RegularExpressions;

namespace Portcullis.Rules.Loading;

/// <summary>
/// Which languages a rule file's rules are for, read from its <c>languages: [...]</c> lines without
/// parsing the YAML (parsing every pack is most of a cold start). Conservative: a file whose languages
/// are written in another form may hold rules for anything.
/// </summary>
public static partial class PackLanguages
{
    public static bool MayHoldRulesFor(string yaml, IReadOnlySet<string> languages, Func<string, string?> normalizeLanguage)
    {
        foreach (Match line in LanguagesLine().Matches(yaml))
        {
            if (!line.Groups["list"].Success)
            {
                return true;
            }
            foreach (var item in line.Groups["list"].Value.Split(','))
            {
                var name = item.Trim().Trim('"', '\'');
                if (name.Length > 0 && normalizeLanguage(name) is { } language && languages.Contains(language))
                {
                    return true;
                }
            }
        }
        return false;
    }

    [GeneratedRegex(@"^\s*(-\s+)?languages:[ \t]*(\[(?<list>[^\]\n]*)\])?", RegexOptions.Multiline)]
    private static partial Regex LanguagesLine();
}
