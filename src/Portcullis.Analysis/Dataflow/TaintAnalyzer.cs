using System.Collections.Concurrent;
using Portcullis.Analysis.Matching;
using Portcullis.Core;
using Portcullis.Rules.Model;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Dataflow;

/// <summary>
/// Runs the taint rules: for each rule whose sinks occur in the tree, every function of the file is
/// interpreted with its parameters untrusted (origin unknown) and known sources untrusted (origin
/// known); a sink whose argument is tainted there is a finding. Rules compile once per grammar. In a
/// whole-project scan (<see cref="AnalysisContext.Project"/>) calls into other files of the project
/// are followed through their summaries.
/// </summary>
internal sealed class TaintAnalyzer(IReadOnlyList<RuleDefinition> rules) : IAnalyzer
{
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<CompiledTaintRule>>> _compiled = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<RuleDefinition> _rules = rules.Where(r => r.Taint is not null).ToArray();

    public string Name => "taint";

    public IReadOnlyList<RuleDescriptor> Rules => _rules.Select(r => r.Descriptor).ToArray();

    public bool AppliesTo(string language) => _rules.Any(r => r.Languages.Contains(language));

    public void CompileAll()
    {
        foreach (var rule in _rules)
        {
            foreach (var language in rule.Languages)
            {
                if (LanguageIds.GrammarFor(language) is { } grammar)
                {
                    _ = For(language, grammar);
                }
            }
        }
    }

    public void Analyze(AnalysisContext context)
    {
        if (context.Tree is not { } tree || LanguageProfile.For(tree.Grammar.Id) is not { } profile)
        {
            return;
        }
        var compiled = For(context.Source.Language, tree.Grammar.Id);
        if (compiled.Count == 0)
        {
            return;
        }
        var evaluator = new ClauseEvaluator(tree, new TreeIndex(tree));
        FunctionTable? functions = null;
        foreach (var rule in compiled)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var facts = TaintFacts.Find(rule, evaluator);
            if (!facts.HasSinks)
            {
                continue;
            }
            functions ??= new FunctionTable(tree, profile);
            var flows = new List<TaintFlow>();
            // In a whole-project scan, calls into the project's other files follow their summaries.
            var project = context.Project is { } whole ? new ProjectScope(whole, rule, 0) : null;
            // A function with neither a sink nor a source of this rule cannot start a flow of its own: what
            // it passes to a function with a sink is a parameter there, of unknown origin as here. Such a
            // function is still interpreted when another one calls it. (In a project, a value it got from
            // another file's helper would count as a parameter, not as the helper's source: the finding
            // stays, at high rather than critical.)
            foreach (var function in functions.All.Where(facts.AnyWithin))
            {
                var interpreter = new FunctionInterpreter(profile, facts, functions, flows, project: project);
                var parameters = interpreter.ParameterNames(function).Select(_ => TaintValue.FromParameter).ToList();
                interpreter.Run(function, parameters);
            }
            // Code outside any function (a script, a completion): its own scope, no parameters.
            new FunctionInterpreter(profile, facts, functions, flows, project: project).RunTopLevel(tree.Root);
            Report(context, rule.Definition, flows, tree);
        }
    }

    private static void Report(AnalysisContext context, RuleDefinition rule, List<TaintFlow> flows, SyntaxTree tree)
    {
        foreach (var flow in flows.GroupBy(f => (f.Sink.StartByte, f.Sink.EndByte)).Select(g => g.MaxBy(f => f.Origin)!))
        {
            var known = flow.Origin == TaintOrigin.Source;
            var severity = known ? rule.Descriptor.Severity : rule.Taint!.UnknownOriginSeverity;
            var origin = known ? "untrusted input" : "a value of unknown origin (a parameter)";
            var proposal = rule.Fix is { } fix ? FixTemplateRenderer.Render(fix, flow.Sink.Match, tree) : null;
            context.Report(rule.Descriptor, flow.Sink.StartByte, flow.Sink.EndByte, $"{rule.Descriptor.Message} ({origin} reaches `{Shorten(flow.Sink.Argument.Text)}` here)", proposal: proposal, severity: severity);
        }
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 60 ? line[..60] + "…" : line;
    }

    private IReadOnlyList<CompiledTaintRule> For(string language, string grammarId) =>
        _compiled.GetOrAdd(grammarId + "\0" + language, _ => new Lazy<IReadOnlyList<CompiledTaintRule>>(() =>
            _rules.Where(r => r.Languages.Contains(language)).Select(r => CompiledTaintRule.Compile(r, grammarId)).ToList())).Value;
}
