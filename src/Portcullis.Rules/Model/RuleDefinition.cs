using Portcullis.Core;

namespace Portcullis.Rules.Model;

/// <summary>
/// A rule as written in a YAML pack: metadata, either a structural match clause or a taint
/// specification, an optional fix template and the snippets that test it. <see cref="Origin"/> says
/// where it was defined, for error messages.
/// </summary>
public sealed record RuleDefinition(
    RuleDescriptor Descriptor,
    MatchClause? Match,
    TaintSpec? Taint,
    FixTemplate? Fix,
    RuleTests Tests,
    SourceLocation Origin)
{
    public string Id => Descriptor.Id;

    public IReadOnlyList<string> Languages => Descriptor.Languages;
}

/// <summary>
/// A rule's fix: <see cref="Template"/> replaces the matched code, with metavariables substituted; or,
/// with <see cref="Focus"/> (a metavariable), only the code that metavariable bound. Where a template
/// cannot say it, <see cref="Rewrite"/> names a fix written in C# (Analysis, Fixing/Rewrites) that
/// works on the code <see cref="Focus"/> bound. Exactly one of the two is set. <see cref="Import"/>
/// names a module the fixed code needs (Python: <c>import ast</c> is added when missing).
/// </summary>
public sealed record FixTemplate(string? Template, string Description, string? Focus = null, string? Rewrite = null, string? Import = null);

/// <summary>Snippets that must match (at least one finding of this rule) and must not match (none).</summary>
public sealed record RuleTests(IReadOnlyList<string> Match, IReadOnlyList<string> NoMatch);

/// <summary>A file and 1-based line.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
