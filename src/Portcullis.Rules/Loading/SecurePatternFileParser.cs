using System.Collections.Immutable;
using System.Globalization;
using Portcullis.Rules.Model;
using YamlDotNet.RepresentationModel;
using static Portcullis.Rules.Loading.YamlNodes;

namespace Portcullis.Rules.Loading;

/// <summary>
/// Reads one file of the secure pattern library (<c>patterns: [...]</c>), as strictly as rule files:
/// unknown keys, unknown topics, missing fields and malformed dates are rejected with file and line.
/// </summary>
public static class SecurePatternFileParser
{
    /// <summary>The topics of the library, in the order guidance is printed.</summary>
    public static readonly ImmutableArray<string> Topics =
    [
        "queries", "commands", "file-paths", "crypto", "randomness", "deserialization", "xml", "outbound-http",
        "web-output", "cookies", "secrets", "authentication", "logging", "configuration", "solidity",
    ];

    private static readonly string[] EntryKeys = ["id", "language", "topic", "title", "owner", "version", "updated", "cwe", "rule", "rationale", "insecure", "secure"];

    /// <param name="normalizeLanguage">Maps a language name to its canonical id, or null when unknown.</param>
    public static IReadOnlyList<SecurePattern> Parse(string file, string yaml, Func<string, string?> normalizeLanguage)
    {
        var root = Root(file, yaml, "a pattern file is a mapping with a 'patterns' list");
        return Required<YamlSequenceNode>(file, root, "patterns")
            .Select(node => ParseEntry(file, Expect<YamlMappingNode>(file, node, "a pattern"), normalizeLanguage))
            .ToList();
    }

    private static SecurePattern ParseEntry(string file, YamlMappingNode entry, Func<string, string?> normalizeLanguage)
    {
        RejectUnknownKeys(file, entry, EntryKeys);
        var origin = At(file, entry);
        string Text(string key) => Scalar(file, Required<YamlScalarNode>(file, entry, key)).Trim();
        var id = Text("id");
        var language = normalizeLanguage(Text("language")) ?? throw new RuleLoadException(origin, $"pattern '{id}': unknown language '{Text("language")}'");
        var topic = Text("topic");
        if (!Topics.Contains(topic))
        {
            throw new RuleLoadException(origin, $"pattern '{id}': unknown topic '{topic}' (expected one of: {string.Join(", ", Topics)})");
        }
        if (!int.TryParse(Text("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new RuleLoadException(origin, $"pattern '{id}': version must be a whole number from 1");
        }
        if (!DateOnly.TryParseExact(Text("updated"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var updated))
        {
            throw new RuleLoadException(origin, $"pattern '{id}': updated must be a date like 2026-11-22");
        }
        var cwe = StringList(file, Required<YamlNode>(file, entry, "cwe"));
        if (cwe.Count == 0 || cwe.Any(c => !c.StartsWith("CWE-", StringComparison.Ordinal) || !c[4..].All(char.IsAsciiDigit) || c.Length == 4))
        {
            throw new RuleLoadException(origin, $"pattern '{id}': cwe must list ids like CWE-89");
        }
        return new SecurePattern(
            id, language, topic, Text("title"), Text("owner"), version, updated, [.. cwe], Text("rule"),
            Text("rationale"), Code(file, entry, "insecure"), Code(file, entry, "secure"), origin);
    }

    /// <summary>Example code keeps its indentation and ends with exactly one line break.</summary>
    private static string Code(string file, YamlMappingNode entry, string key) =>
        Scalar(file, Required<YamlScalarNode>(file, entry, key)).TrimEnd() + "\n";
}
