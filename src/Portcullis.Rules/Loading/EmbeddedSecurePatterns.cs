using Portcullis.Rules.Model;

namespace Portcullis.Rules.Loading;

/// <summary>The secure pattern library compiled into this assembly (Patterns/**/*.yaml).</summary>
public static class EmbeddedSecurePatterns
{
    private const string Prefix = "patterns/";

    public static IReadOnlyList<SecurePattern> Load(Func<string, string?> normalizeLanguage)
    {
        var assembly = typeof(EmbeddedSecurePatterns).Assembly;
        var all = new List<SecurePattern>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            all.AddRange(SecurePatternFileParser.Parse(name, reader.ReadToEnd(), normalizeLanguage));
        }
        foreach (var duplicate in all.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new RuleLoadException(duplicate.Last().Origin, $"pattern id '{duplicate.Key}' is also defined at {duplicate.First().Origin}");
        }
        return all;
    }
}
