using System.Text.RegularExpressions;
using Portcullis.Rules.Model;

namespace Portcullis.Analysis.Matching;

/// <summary>A match clause with its patterns compiled for one grammar.</summary>
internal abstract record CompiledClause;

internal sealed record CompiledPatternClause(CompiledPattern Pattern) : CompiledClause;

/// <param name="AllowedNames">Names a metavariable may bind, from name-list <c>where</c> regexes, checked while matching.</param>
internal sealed record CompiledAll(IReadOnlyList<CompiledClause> Positive, IReadOnlyList<CompiledClause> Filters, IReadOnlyDictionary<string, System.Collections.Frozen.FrozenSet<string>> AllowedNames) : CompiledClause;

internal sealed record CompiledAny(IReadOnlyList<CompiledClause> Clauses) : CompiledClause;

internal sealed record CompiledNot(CompiledClause Clause) : CompiledClause;

internal sealed record CompiledInside(CompiledClause Clause) : CompiledClause;

internal sealed record CompiledNotInside(CompiledClause Clause) : CompiledClause;

internal sealed record CompiledWhere(string Metavariable, MetavariableConstraint Constraint, Regex? Regex, Regex? NotRegex) : CompiledClause;

/// <summary>Turns a rule's <see cref="MatchClause"/> into compiled clauses for one grammar.</summary>
internal static class ClauseCompiler
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(50);

    public static CompiledClause Compile(MatchClause clause, string grammarId) => clause switch
    {
        PatternClause p => new CompiledPatternClause(CompilePattern(p, grammarId)),
        AllClause all => CompileAll(all, grammarId),
        AnyClause any => new CompiledAny(any.Clauses.Select(c => Compile(c, grammarId)).ToArray()),
        NotClause or InsideClause or NotInsideClause or WhereClause =>
            throw new RuleLoadException(clause.Origin, "'not', 'inside', 'not-inside' and 'where' filter the matches of an 'all' clause; put them inside one"),
        _ => throw new RuleLoadException(clause.Origin, $"unsupported clause {clause.GetType().Name}"),
    };

    private static CompiledAll CompileAll(AllClause all, string grammarId)
    {
        var positive = new List<CompiledClause>();
        var filters = new List<CompiledClause>();
        foreach (var clause in all.Clauses)
        {
            switch (clause)
            {
                case NotClause not:
                    filters.Add(new CompiledNot(Compile(not.Clause, grammarId)));
                    break;
                case InsideClause inside:
                    filters.Add(new CompiledInside(Compile(inside.Clause, grammarId)));
                    break;
                case NotInsideClause notInside:
                    filters.Add(new CompiledNotInside(Compile(notInside.Clause, grammarId)));
                    break;
                case WhereClause where:
                    filters.Add(new CompiledWhere(
                        where.Metavariable,
                        where.Constraint,
                        where.Constraint.Regex is { } r ? new Regex(r, RegexOptions.CultureInvariant, RegexTimeout) : null,
                        where.Constraint.NotRegex is { } nr ? new Regex(nr, RegexOptions.CultureInvariant, RegexTimeout) : null));
                    break;
                default:
                    positive.Add(Compile(clause, grammarId));
                    break;
            }
        }
        if (positive.Count == 0)
        {
            throw new RuleLoadException(all.Origin, "'all' needs at least one positive clause (a pattern, 'all' or 'any')");
        }
        var allowed = new Dictionary<string, System.Collections.Frozen.FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var where in filters.OfType<CompiledWhere>())
        {
            if (where.Constraint.Regex is { } regex && Matching.AllowedNames.FromRegex(regex) is { } names)
            {
                allowed[where.Metavariable] = names;
            }
        }
        return new CompiledAll(positive, filters, allowed);
    }

    private static CompiledPattern CompilePattern(PatternClause clause, string grammarId)
    {
        try
        {
            return PatternCompiler.Compile(clause.Pattern, grammarId);
        }
        catch (PatternCompileException e)
        {
            throw new RuleLoadException(clause.Origin, e.Message);
        }
    }
}
