using System.Collections.Concurrent;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Dataflow;

/// <summary>Where the interpreter is in a whole-project scan: the project, the rule it runs, and how many files deep.</summary>
internal sealed record ProjectScope(ProjectContext Project, CompiledTaintRule Rule, int Depth);

/// <summary>
/// What a function of another file of the project returns for arguments of a given taint and constant
/// value: its body is run by the same interpreter, with that file's sources and sanitizers, and the
/// result is kept for the whole project. The key includes the depth (calls into other files are
/// followed <see cref="MaxDepth"/> files deep, then guessed as before), so a summary never depends on
/// which file asked first: results are the same however the project's files are scheduled.
/// </summary>
internal sealed class ProjectSummaries(ProjectContext project)
{
    public const int MaxDepth = 3;

    private readonly ConcurrentDictionary<string, Lazy<TaintValue?>> _memo = new(StringComparer.Ordinal);

    /// <summary>
    /// What <paramref name="name"/> of class <paramref name="className"/> (null: a function of the
    /// module) in <paramref name="file"/> returns; null when there is no such function with a body.
    /// </summary>
    public TaintValue? Call(CompiledTaintRule rule, ProjectFile file, string? className, string name, IReadOnlyList<TaintValue> arguments, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }
        // Only taint and constant value take part: the key and the run see the same arguments.
        var normalized = arguments.Select(a => new TaintValue(a.Flattened().Origin, a.Constant)).ToList();
        var key = string.Join('\0', rule.Definition.Id, file.Source.Path, className ?? "", name, depth.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Join('|', normalized.Select(a => $"{(int)a.Origin}:{a.Constant}")));
        return _memo.GetOrAdd(key, _ => new Lazy<TaintValue?>(() => Compute(rule, file, className, name, normalized, depth))).Value;
    }

    private TaintValue? Compute(CompiledTaintRule rule, ProjectFile file, string? className, string name, List<TaintValue> arguments, int depth)
    {
        if (file.Tree is not { } tree || LanguageProfile.For(tree.Grammar.Id) is not { } profile)
        {
            return null;
        }
        var facts = file.FactsFor(rule, tree);
        var functions = new FunctionTable(tree, profile);
        var scope = new ProjectScope(project, rule, depth);
        // Sinks inside the helper are that file's own findings; flows seen while summarising are dropped.
        FunctionInterpreter NewInterpreter() => new(profile, facts, functions, [], depth: 1, scope);
        var interpreter = NewInterpreter();
        var candidates = functions.All
            .Where(f => f.ChildByField("name")?.Text == name && f.ChildByField("body") is not null && EnclosingClass(f) == className)
            .ToList();
        var function = candidates.FirstOrNull(f => interpreter.ParameterNames(f).Count == arguments.Count) ?? candidates.FirstOrNull();
        return function is { } target ? functions.Call(target, arguments, NewInterpreter) : null;
    }

    /// <summary>The name of the class a function is a member of; null for a function of a module.</summary>
    private static string? EnclosingClass(SyntaxNode function)
    {
        foreach (var ancestor in function.Ancestors())
        {
            if (ancestor.Kind is "class_declaration" or "class_definition" or "enum_declaration" or "record_declaration")
            {
                return ancestor.ChildByField("name")?.Text;
            }
            if (ancestor.Kind is "function_definition" or "method_declaration" or "lambda_expression")
            {
                // A function nested in another is not reachable from outside by name.
                return "\0nested";
            }
        }
        return null;
    }
}
