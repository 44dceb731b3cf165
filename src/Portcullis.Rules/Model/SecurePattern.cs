using System.Collections.Immutable;

namespace Portcullis.Rules.Model;

/// <summary>
/// One entry of the secure pattern library: the way to write something safely in one language, the
/// insecure code it replaces, and the rule that catches the insecure version. Entries are guidance
/// for agents (pasted into their prompts) and evidence for auditors, so each is owned and versioned.
/// </summary>
public sealed record SecurePattern(
    string Id,
    string Language,
    string Topic,
    string Title,
    string Owner,
    int Version,
    DateOnly Updated,
    ImmutableArray<string> Cwe,
    string RuleId,
    string Rationale,
    string Insecure,
    string Secure,
    SourceLocation Origin);
