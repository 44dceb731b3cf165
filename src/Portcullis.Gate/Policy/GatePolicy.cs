using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Portcullis.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static Portcullis.Gate.Policy.YamlReading;

namespace Portcullis.Gate.Policy;

/// <summary>
/// Policy as code: a versioned YAML document that turns findings into allow / warn / block. It is
/// identified by its <see cref="Version"/> and the SHA-256 <see cref="Digest"/> of its exact text,
/// which every decision names. See <c>default-policy.yaml</c> for the format.
/// </summary>
public sealed record GatePolicy(
    long Version,
    string Digest,
    string Text,
    PolicyThreshold Block,
    PolicyThreshold Warn,
    PolicyAction UnknownLanguage,
    IReadOnlyList<PolicySetting> Settings,
    IReadOnlyList<PolicyScopeOverride> Scopes,
    IReadOnlyList<PathPattern> ProtectedPaths)
{
    private static readonly Lazy<GatePolicy> BuiltIn = new(() =>
    {
        using var stream = typeof(GatePolicy).Assembly.GetManifestResourceStream("policy/default-policy.yaml")
            ?? throw new InvalidOperationException("the default policy is not embedded in the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    });

    public static GatePolicy Default => BuiltIn.Value;

    public static string DigestOf(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The action for one finding in its context: rule settings, then CWE settings, then thresholds.</summary>
    public PolicyAction ActionFor(Finding finding, SubmissionContext context)
    {
        if (finding.Suppressed)
        {
            return PolicyAction.Ignore;
        }
        var setting = MostSpecific(Settings.Where(s => s.RuleId is not null && string.Equals(s.RuleId, finding.RuleId, StringComparison.Ordinal) && s.Scope.Matches(context)))
            ?? MostSpecific(Settings.Where(s => s.Cwe is not null && finding.Taxonomy.Cwe.Contains(s.Cwe, StringComparer.OrdinalIgnoreCase) && s.Scope.Matches(context)));
        if (setting is not null)
        {
            return setting.Action;
        }
        var block = Scopes.FirstOrDefault(s => s.Scope.Matches(context))?.Block ?? Block;
        return block.IsMetBy(finding) ? PolicyAction.Block : Warn.IsMetBy(finding) ? PolicyAction.Warn : PolicyAction.Ignore;
    }

    public PathPattern? ProtectedPathMatching(string path) => ProtectedPaths.FirstOrDefault(p => p.Matches(path));

    // A scoped setting says more than one that applies everywhere; among equals, the first written wins.
    private static PolicySetting? MostSpecific(IEnumerable<PolicySetting> candidates) =>
        candidates.OrderBy(s => s.Scope.IsEverywhere ? 1 : 0).FirstOrDefault();

    private static readonly string[] TopKeys = ["version", "block", "warn", "unknownLanguage", "settings", "scopes", "protectedPaths"];

    public static GatePolicy Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new PolicyException($"line {e.Start.Line}: invalid YAML: {e.Message}");
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PolicyException("a policy is one YAML mapping with 'version' and 'block'");
        }
        RejectUnknownKeys(root, "the policy", TopKeys);
        var versionNode = Optional(root, "version") ?? throw new PolicyException("the policy has no 'version'");
        if (!long.TryParse(Scalar(versionNode, "version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new PolicyException($"line {versionNode.Start.Line}: 'version' must be a positive whole number");
        }
        var block = Threshold(Optional(root, "block") ?? throw new PolicyException("the policy has no 'block' threshold"), "block");
        var warn = Optional(root, "warn") is { } warnNode ? Threshold(warnNode, "warn") : new PolicyThreshold(Severity.Info, Confidence.Low);
        var unknown = Optional(root, "unknownLanguage") is { } unknownNode ? Enum<PolicyAction>(unknownNode, "unknownLanguage") : PolicyAction.Block;
        var settings = Sequence(Optional(root, "settings"), "settings").Select(ParseSetting).ToList();
        var scopes = Sequence(Optional(root, "scopes"), "scopes").Select(ParseScopeOverride).ToList();
        var protectedPaths = Strings(Optional(root, "protectedPaths"), "a protected path").Select(p => new PathPattern(p)).ToList();
        return new GatePolicy(version, DigestOf(text), text, block, warn, unknown, settings, scopes, protectedPaths);
    }

    private static IEnumerable<YamlMappingNode> Sequence(YamlNode? node, string what) => node switch
    {
        null => [],
        YamlSequenceNode sequence => sequence.Children.Select(child => Expect<YamlMappingNode>(child, $"an entry of '{what}'")),
        _ => throw new PolicyException($"line {node.Start.Line}: '{what}' must be a list"),
    };

    private static PolicyThreshold Threshold(YamlNode node, string what)
    {
        var mapping = Expect<YamlMappingNode>(node, $"'{what}'");
        RejectUnknownKeys(mapping, $"'{what}'", "severity", "confidence");
        var severity = Optional(mapping, "severity") is { } s ? Enum<Severity>(s, $"{what}.severity") : throw new PolicyException($"line {node.Start.Line}: '{what}' needs a severity");
        var confidence = Optional(mapping, "confidence") is { } c ? Enum<Confidence>(c, $"{what}.confidence") : Confidence.Low;
        return new PolicyThreshold(severity, confidence);
    }

    private static PolicySetting ParseSetting(YamlMappingNode node)
    {
        RejectUnknownKeys(node, "a setting", "rule", "cwe", "action", "when");
        var rule = Optional(node, "rule") is { } r ? Scalar(r, "rule") : null;
        var cwe = Optional(node, "cwe") is { } c ? Scalar(c, "cwe").ToUpperInvariant() : null;
        if ((rule is null) == (cwe is null))
        {
            throw new PolicyException($"line {node.Start.Line}: a setting names exactly one of 'rule' and 'cwe'");
        }
        if (cwe is not null && !cwe.StartsWith("CWE-", StringComparison.Ordinal))
        {
            throw new PolicyException($"line {node.Start.Line}: '{cwe}' is not a CWE id like CWE-89");
        }
        var action = Optional(node, "action") is { } a ? Enum<PolicyAction>(a, "action") : throw new PolicyException($"line {node.Start.Line}: a setting needs an action (block, warn, ignore)");
        return new PolicySetting(rule, cwe, action, Scope(Optional(node, "when")));
    }

    private static PolicyScopeOverride ParseScopeOverride(YamlMappingNode node)
    {
        RejectUnknownKeys(node, "a scope", "when", "block");
        var when = Optional(node, "when") ?? throw new PolicyException($"line {node.Start.Line}: a scope needs 'when'");
        var scope = Scope(when);
        if (scope.IsEverywhere)
        {
            throw new PolicyException($"line {node.Start.Line}: a scope whose 'when' is empty would replace the global threshold; change 'block' instead");
        }
        return new PolicyScopeOverride(scope, Threshold(Optional(node, "block") ?? throw new PolicyException($"line {node.Start.Line}: a scope needs 'block'"), "block"));
    }

    private static PolicyScope Scope(YamlNode? node)
    {
        if (node is null)
        {
            return PolicyScope.Everywhere;
        }
        var mapping = Expect<YamlMappingNode>(node, "'when'");
        RejectUnknownKeys(mapping, "'when'", "paths", "languages", "repositories", "agents");
        return new PolicyScope(
            Strings(Optional(mapping, "paths"), "a path").Select(p => new PathPattern(p)).ToList(),
            Strings(Optional(mapping, "languages"), "a language"),
            Strings(Optional(mapping, "repositories"), "a repository"),
            Strings(Optional(mapping, "agents"), "an agent"));
    }
}
