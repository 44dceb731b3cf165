namespace Portcullis.Rules.Model;

/// <summary>
/// The match language of structural rules, after the model of Semgrep and ast-grep:
/// a pattern, or a combination of clauses. Evaluated by Portcullis.Analysis.Matching.
/// </summary>
public abstract record MatchClause(SourceLocation Origin);

/// <summary>Code in the target language with metavariables (<c>$X</c>, <c>$...ARGS</c>) and <c>...</c>.</summary>
public sealed record PatternClause(string Pattern, SourceLocation Origin) : MatchClause(Origin);

/// <summary>Every positive clause matches the same code; the negative and context clauses filter it.</summary>
public sealed record AllClause(IReadOnlyList<MatchClause> Clauses, SourceLocation Origin) : MatchClause(Origin);

/// <summary>Any of the clauses matches.</summary>
public sealed record AnyClause(IReadOnlyList<MatchClause> Clauses, SourceLocation Origin) : MatchClause(Origin);

/// <summary>Inside <c>all</c>: removes matches where the clause matches the same code.</summary>
public sealed record NotClause(MatchClause Clause, SourceLocation Origin) : MatchClause(Origin);

/// <summary>Inside <c>all</c>: keeps matches that lie within code the clause matches.</summary>
public sealed record InsideClause(MatchClause Clause, SourceLocation Origin) : MatchClause(Origin);

/// <summary>Inside <c>all</c>: removes matches that lie within code the clause matches.</summary>
public sealed record NotInsideClause(MatchClause Clause, SourceLocation Origin) : MatchClause(Origin);

/// <summary>Inside <c>all</c>: a constraint on what a metavariable bound.</summary>
public sealed record WhereClause(string Metavariable, MetavariableConstraint Constraint, SourceLocation Origin) : MatchClause(Origin);

/// <summary>
/// Constraints on a bound metavariable. All given conditions must hold.
/// <see cref="DynamicString"/>: the code builds a string from non-constant parts (concatenation,
/// formatting, interpolation). <see cref="Constant"/>: the code is (or is not) a literal constant.
/// </summary>
public sealed record MetavariableConstraint(
    string? Regex,
    string? NotRegex,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> NotKinds,
    bool? DynamicString,
    bool? Constant);
