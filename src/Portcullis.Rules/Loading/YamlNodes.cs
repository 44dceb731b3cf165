using Portcullis.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portcullis.Rules.Loading;

/// <summary>
/// Reading the YAML data files of this assembly (rule packs, the secure pattern library) strictly:
/// every failure names the file and line, so a typo is reported instead of silently ignored.
/// </summary>
internal static class YamlNodes
{
    /// <summary>The document's top-level mapping; <paramref name="expectation"/> says what it should hold.</summary>
    public static YamlMappingNode Root(string file, string yaml, string expectation)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new RuleLoadException(new SourceLocation(file, (int)e.Start.Line), $"invalid YAML: {e.Message}");
        }
        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new RuleLoadException(new SourceLocation(file, 1), expectation);
    }

    public static List<string> StringList(string file, YamlNode node) => node switch
    {
        YamlScalarNode scalar => [Scalar(file, scalar)],
        YamlSequenceNode sequence => sequence.Select(item => Scalar(file, Expect<YamlScalarNode>(file, item, "a text item"))).ToList(),
        _ => throw new RuleLoadException(At(file, node), "expected a text or a list of texts"),
    };

    public static string Scalar(string file, YamlScalarNode node) =>
        node.Value is { Length: > 0 } value ? value : throw new RuleLoadException(At(file, node), "empty value");

    public static T Required<T>(string file, YamlMappingNode mapping, string key)
        where T : YamlNode =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? Expect<T>(file, value, $"'{key}'")
            : throw new RuleLoadException(At(file, mapping), $"missing '{key}'");

    public static T Expect<T>(string file, YamlNode node, string what)
        where T : YamlNode =>
        node as T ?? throw new RuleLoadException(At(file, node), $"{what} must be a {typeof(T).Name.Replace("Yaml", "", StringComparison.Ordinal).Replace("Node", "", StringComparison.Ordinal).ToLowerInvariant()}");

    public static void RejectUnknownKeys(string file, YamlMappingNode mapping, string[] known)
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
            {
                throw new RuleLoadException(At(file, key), $"unknown key '{name}' (expected one of: {string.Join(", ", known)})");
            }
        }
    }

    public static SourceLocation At(string file, YamlNode node) => new(file, (int)node.Start.Line);
}
