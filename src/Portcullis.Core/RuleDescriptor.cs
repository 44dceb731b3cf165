namespace Portcullis.Core;

/// <summary>
/// What the catalogue says about a rule, whatever implements it (a YAML pattern, a taint rule, a C#
/// analyzer): shown by <c>portcullis rules list</c> and written as SARIF rule metadata.
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    IReadOnlyList<string> Languages,
    Severity Severity,
    Confidence Confidence,
    Taxonomy Taxonomy,
    string Message);
