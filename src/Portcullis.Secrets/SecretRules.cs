using Portcullis.Core;
using Portcullis.Secrets.Detection;
using Portcullis.Secrets.Providers;

namespace Portcullis.Secrets;

/// <summary>The catalogue entries of the secrets analyzer: one rule per provider family, the generic rule, and the scan-incomplete notice.</summary>
internal static class SecretRules
{
    public const string GenericId = "secrets.generic-assignment";
    public const string IncompleteId = "secrets.scan-incomplete";

    private static readonly Taxonomy Credential = new(["CWE-798"], ["A07:2021"], []);
    private static readonly Taxonomy CryptographicKey = new(["CWE-798", "CWE-321"], ["A07:2021"], []);
    private static readonly string[] AllLanguages = ["*"];

    public static IReadOnlyDictionary<string, RuleDescriptor> ById { get; } = Build();

    private static Dictionary<string, RuleDescriptor> Build()
    {
        var rules = new Dictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        foreach (var group in ProviderCatalog.All.GroupBy(p => p.RuleId))
        {
            var first = group.First();
            var key = first.RuleId is "secrets.private-key" or "secrets.jwt";
            rules[first.RuleId] = new RuleDescriptor(
                first.RuleId, AllLanguages, first.Strict ? Severity.Critical : Severity.High, Confidence.High, key ? CryptographicKey : Credential,
                $"Hardcoded {first.Provider} credential: a secret in source or context leaks to everyone who can read it; load it from the environment or a secret manager.");
        }
        rules[GenericId] = new RuleDescriptor(
            GenericId, AllLanguages, Severity.High, Confidence.Medium, Credential,
            "Hardcoded credential assigned to a secret-named variable, key or argument; load it from the environment or a secret manager.");
        rules[UnnamedLiteralScanner.RuleId] = new RuleDescriptor(
            UnnamedLiteralScanner.RuleId, AllLanguages, Severity.Medium, Confidence.Low, Credential,
            "A quoted high-entropy string in plain text that nothing names: possibly a pasted credential.");
        rules[IncompleteId] = new RuleDescriptor(
            IncompleteId, AllLanguages, Severity.Info, Confidence.Low, Taxonomy.Empty,
            "Part of this input was not searched for secrets: a pattern ran out of its time budget on it.");
        return rules;
    }
}
