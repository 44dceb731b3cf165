using System.Reflection;
using Portcullis.Rules.Model;

namespace Portcullis.Rules.Loading;

/// <summary>
/// The rule packs compiled into this assembly (Packs/**/*.yaml), and rule files from disk. Rule ids
/// must be unique across everything loaded.
/// </summary>
public static class EmbeddedRulePacks
{
    private const string Prefix = "rules/";

    /// <summary>Names of the embedded pack files, e.g. "rules/python/injection.yaml".</summary>
    public static IReadOnlyList<string> Names { get; } =
        typeof(EmbeddedRulePacks).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The embedded rules; with <paramref name="onlyLanguages"/>, only the pack files that may hold a rule
    /// for one of them are parsed (a one-file scan, as a hook does, pays for its language's packs only).
    /// </summary>
    public static IReadOnlyList<RuleDefinition> Load(Func<string, string?> normalizeLanguage, IReadOnlySet<string>? onlyLanguages = null)
    {
        var all = new List<RuleDefinition>();
        foreach (var name in Names)
        {
            using var stream = typeof(EmbeddedRulePacks).Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            if (onlyLanguages is null || PackLanguages.MayHoldRulesFor(text, onlyLanguages, normalizeLanguage))
            {
                all.AddRange(RuleFileParser.Parse(name, text, normalizeLanguage));
            }
        }
        RejectDuplicateIds(all);
        return all;
    }

    /// <summary>Loads *.yaml / *.yml files from a file or directory given by the user.</summary>
    public static IReadOnlyList<RuleDefinition> LoadFrom(string path, Func<string, string?> normalizeLanguage)
    {
        IEnumerable<string> files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
            : new[] { path }.AsEnumerable();
        var all = new List<RuleDefinition>();
        foreach (var file in files)
        {
            all.AddRange(RuleFileParser.Parse(file, File.ReadAllText(file), normalizeLanguage));
        }
        RejectDuplicateIds(all);
        return all;
    }

    public static void RejectDuplicateIds(IEnumerable<RuleDefinition> rules)
    {
        var seen = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!seen.TryAdd(rule.Id, rule))
            {
                throw new RuleLoadException(rule.Origin, $"rule id '{rule.Id}' is also defined at {seen[rule.Id].Origin}");
            }
        }
    }
}
