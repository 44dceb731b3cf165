using Portcullis.Analysis.Matching;
using Portcullis.Rules.Model;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Dataflow;

/// <summary>
/// A sink that matched in the tree: where, and the code that must not carry taint (only its list
/// element <paramref name="Element"/> when the list's elements are known, see <see cref="TaintSink.Element"/>).
/// </summary>
internal sealed record SinkHit(int StartByte, int EndByte, SyntaxNode Argument, PatternMatch Match, int? Element = null);

/// <summary>
/// The structural facts one taint rule needs about one tree, found once with the pattern matcher:
/// which expressions are sources and sanitizers, and where the sinks are with their arguments.
/// </summary>
internal sealed class TaintFacts
{
    private readonly HashSet<(int, int)> _sources;
    private readonly HashSet<(int, int)> _sanitizers;
    private readonly Dictionary<(int, int), List<SinkHit>> _sinks;
    private readonly List<(int Start, int End, string Variable)> _validations;

    private TaintFacts(HashSet<(int, int)> sources, HashSet<(int, int)> sanitizers, Dictionary<(int, int), List<SinkHit>> sinks, List<(int, int, string)> validations)
    {
        _sources = sources;
        _sanitizers = sanitizers;
        _sinks = sinks;
        _validations = validations;
    }

    public bool HasSinks => _sinks.Count > 0;

    public bool HasSources => _sources.Count > 0;

    public static TaintFacts Find(CompiledTaintRule rule, ClauseEvaluator evaluator)
    {
        var sinks = new Dictionary<(int, int), List<SinkHit>>();
        foreach (var (clause, argument, element) in rule.Sinks)
        {
            foreach (var match in evaluator.Evaluate(clause))
            {
                if (match.Bindings.Find(argument) is not { } bound)
                {
                    continue;
                }
                var key = (match.StartByte, match.EndByte);
                if (!sinks.TryGetValue(key, out var list))
                {
                    sinks[key] = list = [];
                }
                list.Add(new SinkHit(match.StartByte, match.EndByte, bound.Node, match, element));
            }
        }
        return sinks.Count == 0 ? new TaintFacts([], [], sinks, []) : WithSinks(rule, evaluator, sinks);
    }

    /// <summary>
    /// The facts of a file whose functions are summarised for callers in other files: sources,
    /// sanitizers and validators decide what its functions return; its own sinks are reported when
    /// that file itself is scanned, not through its callers.
    /// </summary>
    public static TaintFacts FindForSummaries(CompiledTaintRule rule, ClauseEvaluator evaluator) => WithSinks(rule, evaluator, []);

    private static TaintFacts WithSinks(CompiledTaintRule rule, ClauseEvaluator evaluator, Dictionary<(int, int), List<SinkHit>> sinks)
    {
        var sources = rule.Sources.SelectMany(evaluator.Evaluate).Select(m => (m.StartByte, m.EndByte)).ToHashSet();
        var sanitizers = rule.Sanitizers.SelectMany(evaluator.Evaluate).Select(m => (m.StartByte, m.EndByte)).ToHashSet();
        var validations = rule.Validators.SelectMany(evaluator.Evaluate)
            .Select(m => m.Bindings.Find("$VALUE") is { } bound ? (m.StartByte, m.EndByte, bound.Node.Text) : default)
            .Where(v => v.Text is not null).Select(v => (v.StartByte, v.EndByte, v.Text!)).ToList();
        return new TaintFacts(sources, sanitizers, sinks, validations);
    }

    /// <summary>The variables a condition validates (a validator matched inside it).</summary>
    public IEnumerable<string> ValidatedBy(SyntaxNode condition) =>
        _validations.Where(v => condition.StartByte <= v.Start && v.End <= condition.EndByte).Select(v => v.Variable);

    public bool IsSource(SyntaxNode node) => _sources.Contains((node.StartByte, node.EndByte));

    /// <summary>Whether a sink or a source of this rule lies inside the node (a function worth starting from).</summary>
    public bool AnyWithin(SyntaxNode node) =>
        _sinks.Keys.Any(k => node.StartByte <= k.Item1 && k.Item2 <= node.EndByte)
        || _sources.Any(k => node.StartByte <= k.Item1 && k.Item2 <= node.EndByte);

    public bool IsSanitizer(SyntaxNode node) => _sanitizers.Contains((node.StartByte, node.EndByte));

    public IReadOnlyList<SinkHit> SinksAt(SyntaxNode node) =>
        _sinks.TryGetValue((node.StartByte, node.EndByte), out var list) ? list : [];
}

/// <summary>A taint rule with its clauses compiled for one grammar.</summary>
internal sealed record CompiledTaintRule(
    RuleDefinition Definition,
    IReadOnlyList<CompiledClause> Sources,
    IReadOnlyList<(CompiledClause Clause, string Argument, int? Element)> Sinks,
    IReadOnlyList<CompiledClause> Sanitizers,
    IReadOnlyList<CompiledClause> Validators)
{
    public static CompiledTaintRule Compile(RuleDefinition definition, string grammarId)
    {
        var spec = definition.Taint ?? throw new ArgumentException($"rule {definition.Id} is not a taint rule");
        return new CompiledTaintRule(
            definition,
            spec.Sources.Select(c => ClauseCompiler.Compile(c, grammarId)).ToArray(),
            spec.Sinks.Select(s => (ClauseCompiler.Compile(s.Clause, grammarId), s.Argument, s.Element)).ToArray(),
            spec.Sanitizers.Select(c => ClauseCompiler.Compile(c, grammarId)).ToArray(),
            spec.Validators.Select(c => ClauseCompiler.Compile(c, grammarId)).ToArray());
    }
}
