using YamlDotNet.RepresentationModel;

namespace Portcullis.Gate.Policy;

/// <summary>Strict access to a YAML mapping: unknown keys and wrong shapes are errors with the line.</summary>
internal static class YamlReading
{
    public static void RejectUnknownKeys(YamlMappingNode node, string where, params string[] allowed)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw new PolicyException($"line {key.Start.Line}: unknown key '{name}' in {where} (known: {string.Join(", ", allowed)})");
            }
        }
    }

    public static YamlNode? Optional(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static T Expect<T>(YamlNode node, string what) where T : YamlNode =>
        node as T ?? throw new PolicyException($"line {node.Start.Line}: {what} has the wrong shape");

    public static string Scalar(YamlNode node, string what) =>
        Expect<YamlScalarNode>(node, what).Value is { Length: > 0 } value ? value : throw new PolicyException($"line {node.Start.Line}: {what} is empty");

    public static IReadOnlyList<string> Strings(YamlNode? node, string what) => node switch
    {
        null => [],
        YamlScalarNode scalar => [Scalar(scalar, what)],
        YamlSequenceNode sequence => sequence.Children.Select(child => Scalar(child, what)).ToList(),
        _ => throw new PolicyException($"line {node.Start.Line}: {what} must be a string or a list of strings"),
    };

    public static TEnum Enum<TEnum>(YamlNode node, string what) where TEnum : struct, System.Enum
    {
        var text = Scalar(node, what);
        return System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : throw new PolicyException($"line {node.Start.Line}: {what} '{text}' must be one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}");
    }
}
