using System.Text;
using System.Text.Json;
using Portcullis.Rules.Loading;
using Portcullis.Rules.Model;
using Portcullis.Syntax;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis patterns [--lang L] [--topic T] [--format md|json]</c>: the secure pattern library as
/// guidance to paste into an agent's instructions (CLAUDE.md, AGENTS.md, .cursor/rules), or as JSON
/// for tools. Each entry shows the secure way first, then the code it replaces.
/// </summary>
internal static class PatternsCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        var reader = new ArgumentReader(args, ["--lang", "--topic", "--format"], []);
        if (reader.Positional.Count > 0)
        {
            throw new UsageException($"patterns takes no paths: '{reader.Positional[0]}'");
        }
        var format = reader.Choice("--format", "md", "md", "json");
        var language = reader.Value("--lang") is { } name
            ? LanguageIds.Normalize(name) ?? throw new UsageException($"unknown language '{name}'")
            : null;
        var topic = reader.Value("--topic");
        if (topic is not null && !SecurePatternFileParser.Topics.Contains(topic))
        {
            throw new UsageException($"unknown topic '{topic}' (one of: {string.Join(", ", SecurePatternFileParser.Topics)})");
        }
        var patterns = EmbeddedSecurePatterns.Load(LanguageIds.Normalize)
            .Where(p => (language is null || p.Language == language) && (topic is null || p.Topic == topic))
            .OrderBy(p => p.Language, StringComparer.Ordinal)
            .ThenBy(p => SecurePatternFileParser.Topics.IndexOf(p.Topic))
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        if (patterns.Count == 0)
        {
            throw new UsageException($"the library has no pattern for {language ?? "any language"}{(topic is null ? "" : $" on {topic}")}");
        }
        stdout.Write(format == "json" ? Json(patterns) : Markdown(patterns));
        return ExitCodes.Allow;
    }

    private static string Markdown(IReadOnlyList<SecurePattern> patterns)
    {
        var text = new StringBuilder()
            .Append("# Secure coding patterns\n\n")
            .Append("Write code the way these patterns show. Portcullis checks every file you write and blocks the\n")
            .Append("insecure versions, so following them saves a round trip.\n");
        foreach (var group in patterns.GroupBy(p => (p.Language, p.Topic)))
        {
            text.Append($"\n## {group.Key.Language}: {group.Key.Topic}\n");
            foreach (var pattern in group)
            {
                var fence = pattern.Language;
                text.Append($"\n### {pattern.Title} ({string.Join(", ", pattern.Cwe)})\n\n")
                    .Append(pattern.Rationale).Append("\n\nDo:\n\n")
                    .Append($"```{fence}\n{pattern.Secure}```\n\nInstead of:\n\n")
                    .Append($"```{fence}\n{pattern.Insecure}```\n\n")
                    .Append($"<!-- {pattern.Id} v{pattern.Version}, updated {pattern.Updated:yyyy-MM-dd} by {pattern.Owner}; enforced by rule {pattern.RuleId} -->\n");
            }
        }
        return text.ToString();
    }

    private static string Json(IReadOnlyList<SecurePattern> patterns) =>
        JsonSerializer.Serialize(
            new
            {
                patterns = patterns.Select(p => new
                {
                    id = p.Id,
                    language = p.Language,
                    topic = p.Topic,
                    title = p.Title,
                    owner = p.Owner,
                    version = p.Version,
                    updated = p.Updated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    cwe = p.Cwe,
                    rule = p.RuleId,
                    rationale = p.Rationale,
                    secure = p.Secure,
                    insecure = p.Insecure,
                }),
            },
            new JsonSerializerOptions { WriteIndented = true }) + "\n";
}
