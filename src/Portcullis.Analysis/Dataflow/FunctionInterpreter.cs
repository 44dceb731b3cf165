using System.Runtime.CompilerServices;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Dataflow;

/// <summary>A sink reached by tainted data, as the interpreter saw it.</summary>
internal sealed record TaintFlow(SinkHit Sink, TaintOrigin Origin);

/// <summary>
/// Runs one function abstractly: statements in order, an environment from variable names to
/// <see cref="TaintValue"/>s, branches whose condition folds to a constant taken on one side only,
/// both sides merged otherwise, loop bodies run twice so values carried around the loop are seen.
/// Expressions are evaluated in <c>FunctionInterpreter.Expressions.cs</c>.
/// </summary>
internal sealed partial class FunctionInterpreter
{
    private const int MaxCallDepth = 4;

    /// <summary>
    /// How deeply expressions and statements may nest before the interpreter stops descending. The
    /// interpreter recurses over the tree; machine-made code ten thousand brackets deep would otherwise
    /// overflow the stack and take the gate down with it. Hand-written code never comes near. The stack
    /// left is checked as well, for threads with small stacks.
    /// </summary>
    private const int MaxNesting = 200;

    private readonly LanguageProfile _profile;
    private readonly TaintFacts _facts;
    private readonly FunctionTable _functions;
    private readonly int _depth;
    private Dictionary<string, TaintValue> _env = new(StringComparer.Ordinal);
    private TaintValue _returned = TaintValue.Clean;
    private readonly Dictionary<string, string> _parsedFrom = new(StringComparer.Ordinal);
    private int _nesting;

    /// <summary>
    /// Outside any function (a script, a notebook cell, a completion) a name that was never assigned
    /// comes from code the gate cannot see: its origin is unknown, as a parameter's is.
    /// </summary>
    private bool _unboundNamesAreUntrusted;

    public FunctionInterpreter(LanguageProfile profile, TaintFacts facts, FunctionTable functions, List<TaintFlow> flows, int depth = 0, ProjectScope? project = null)
    {
        _project = project;
        _profile = profile;
        _facts = facts;
        _functions = functions;
        _depth = depth;
        Flows = flows;
    }

    /// <summary>Sinks reached by tainted data, shared with the interpreters of called helpers.</summary>
    public List<TaintFlow> Flows { get; }

    /// <summary>Runs a function whose parameters carry the given values; returns what it returns.</summary>
    public TaintValue Run(SyntaxNode function, IReadOnlyList<TaintValue> arguments)
    {
        var parameters = ParameterNames(function);
        for (var i = 0; i < parameters.Count; i++)
        {
            _env[parameters[i]] = i < arguments.Count ? arguments[i] : TaintValue.Clean;
        }
        if (_depth == 0 && function.ChildByField("parameters") is { } declared)
        {
            // A parameter that a source pattern matches is request data itself: an ASP.NET
            // [FromQuery] / [FromBody] parameter, a PHP or Go handler argument a rule names.
            foreach (var parameter in declared.NamedChildren.Where(_facts.IsSource))
            {
                if ((parameter.ChildByField("name") ?? parameter.NamedChildren.FirstOrNull(c => c.Kind == "identifier")) is { } name)
                {
                    _env[name.Text] = TaintValue.FromSource;
                }
            }
        }
        if (function.ChildByField("body") is { } body)
        {
            Exec(body);
        }
        return _returned;
    }

    /// <summary>Runs the statements of a file that are outside every function.</summary>
    public void RunTopLevel(SyntaxNode root)
    {
        _unboundNamesAreUntrusted = true;
        foreach (var statement in root.NamedChildren)
        {
            Exec(statement);
        }
    }

    public IReadOnlyList<string> ParameterNames(SyntaxNode function)
    {
        var names = new List<string>();
        if (function.ChildByField("parameters") is not { } parameters)
        {
            // A JavaScript arrow function with one bare parameter: req => ...
            if (function.ChildByField("parameter") is { Kind: "identifier" } single)
            {
                names.Add(single.Text);
            }
            return names;
        }
        foreach (var parameter in parameters.NamedChildren)
        {
            if (!_profile.Parameters.Contains(parameter.Kind))
            {
                continue;
            }
            var name = parameter.ChildByField("name") ?? (parameter.Kind == "identifier" ? parameter : parameter.NamedChildren.FirstOrNull(c => c.Kind == "identifier"));
            if (name is { } n && n.Text is not ("self" or "cls"))
            {
                names.Add(n.Text);
            }
        }
        return names;
    }

    private void Exec(SyntaxNode node)
    {
        if (!EnterNesting())
        {
            return;
        }
        try
        {
            ExecNode(node);
        }
        finally
        {
            _nesting--;
        }
    }

    private bool EnterNesting()
    {
        if (_nesting >= MaxNesting || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return false;
        }
        _nesting++;
        return true;
    }

    private void ExecNode(SyntaxNode node)
    {
        var kind = node.Kind;
        // Comments are extras; so is an ERROR node that tree-sitter skipped over, but that one holds code.
        if ((node.IsExtra && kind != "ERROR") || _profile.Functions.Contains(kind) || kind is "class_declaration" or "class_definition" or "lambda_expression" or "lambda" or "decorated_definition")
        {
            if ((node.ChildByField("name") ?? node.ChildByField("definition")?.ChildByField("name")) is { } defined)
            {
                _env[defined.Text] = TaintValue.Clean;
            }
            return;
        }
        if (kind is "import_statement" or "import_from_statement" or "future_import_statement" or "import_declaration" or "package_declaration")
        {
            RecordImport(node);
            // Imported modules and names are code, not data.
            foreach (var name in node.Descendants().Where(d => d.Kind == "identifier"))
            {
                _env[name.Text] = TaintValue.Clean;
            }
            return;
        }
        if (kind is "php_tag" or "text" or "text_interpolation" or "using_directive" or "namespace_use_declaration" or "package_clause")
        {
            return;
        }
        if (_profile.Ifs.Contains(kind))
        {
            ExecIf(node);
        }
        else if (_profile.Loops.Contains(kind))
        {
            ExecLoop(node);
        }
        else if (_profile.Returns.Contains(kind))
        {
            CheckSinks(node);
            var value = node.NamedChildren.FirstOrNull() is { } expression ? Eval(expression) : TaintValue.Clean;
            _returned = TaintValue.Merge(_returned, value);
        }
        else if (_profile.Switches.Contains(kind))
        {
            ExecSwitch(node);
        }
        else if (IsStatementContainer(kind))
        {
            foreach (var child in node.NamedChildren)
            {
                Exec(child);
            }
        }
        else
        {
            Eval(node);
        }
    }

    // An ERROR node holds the statements tree-sitter could not place (a completion cut from the middle
    // of a block starts indented): they still run, so the code around the damage is still analysed.
    private static bool IsStatementContainer(string kind) =>
        kind is "ERROR" or "block" or "program" or "module" or "try_statement" or "catch_clause" or "finally_clause" or "except_clause"
            or "else_clause" or "with_statement" or "with_clause" or "try_with_resources_statement" or "synchronized_statement"
            or "labeled_statement" or "local_variable_declaration" or "expression_statement" or "resource_specification" or "resource"
            or "switch_block_statement_group" or "switch_rule"
            // JavaScript, C#, PHP and Go blocks and declarations.
            or "statement_block" or "lexical_declaration" or "variable_declaration" or "global_statement" or "local_declaration_statement"
            or "compound_statement" or "statement_list" or "var_declaration" or "const_declaration" or "source_file" or "compilation_unit"
            or "namespace_declaration" or "file_scoped_namespace_declaration" or "namespace_definition" or "checked_statement"
            or "unsafe_statement" or "using_statement" or "lock_statement" or "fixed_statement";

    private void ExecIf(SyntaxNode node) =>
        ExecConditional(node.ChildByField("condition"), node.ChildByField("consequence") ?? node.ChildByField("body"), node.Children.Where(c => c.FieldName == "alternative").ToList(), 0);

    /// <summary>
    /// if / else if / else (Java nests them; Python lists elif and else clauses as alternatives of one
    /// if): a condition that folds to a constant runs one side only, otherwise both run and merge.
    /// </summary>
    private void ExecConditional(SyntaxNode? condition, SyntaxNode? consequence, List<SyntaxNode> alternatives, int next)
    {
        var decided = condition is { } c ? ConstantTruth(Eval(c)) : null;
        if (decided == true)
        {
            if (consequence is { } then)
            {
                Exec(then);
            }
            return;
        }
        if (decided == false)
        {
            ExecAlternatives(alternatives, next);
            return;
        }
        var before = Snapshot();
        if (consequence is { } body)
        {
            Exec(body);
        }
        var afterThen = Snapshot();
        _env = before;
        ExecAlternatives(alternatives, next);
        if (consequence is { } guard && condition is { } check && LeavesFunction(guard))
        {
            // "if bad(x): return" — only the path where the check passed continues, and x is valid on it.
            foreach (var variable in _facts.ValidatedBy(check))
            {
                _env[variable] = TaintValue.Clean;
                if (_parsedFrom.TryGetValue(variable, out var parsed))
                {
                    _env[parsed] = TaintValue.Clean;
                }
            }
            return;
        }
        MergeInto(afterThen);
    }

    private static bool LeavesFunction(SyntaxNode body)
    {
        var last = (SyntaxNode?)body;
        while (last is { Kind: "block" or "statement_block" or "compound_statement" or "statement_list" } container)
        {
            last = container.NamedChildren.Where(c => !c.IsExtra).LastOrNull();
        }
        return last is { Kind: "return_statement" or "raise_statement" or "throw_statement" or "throw_expression" or "exit_statement" };
    }

    private void ExecAlternatives(List<SyntaxNode> alternatives, int index)
    {
        if (index >= alternatives.Count)
        {
            return;
        }
        var alternative = alternatives[index];
        if (alternative.Kind is "elif_clause" or "else_if_clause")
        {
            ExecConditional(alternative.ChildByField("condition"), alternative.ChildByField("consequence") ?? alternative.ChildByField("body"), alternatives, index + 1);
        }
        else
        {
            Exec(alternative);
        }
    }

    private void ExecLoop(SyntaxNode node)
    {
        var before = Snapshot();
        if (node.Kind is "enhanced_for_statement" or "for_statement" or "for_in_statement" or "foreach_statement" && (node.ChildByField("value") ?? node.ChildByField("right")) is { } iterable
            && (node.ChildByField("name") ?? node.ChildByField("left")) is { } variable)
        {
            // for (x : items) / for x in items / for (const x of items) / foreach (var x in items):
            // the variable takes every element's taint.
            Assign(variable, Eval(iterable).Flattened() with { Constant = null });
        }
        else if (node.Kind == "foreach_statement" && node.NamedChildren.Where(c => c.FieldName is null && !c.IsExtra).ToList() is [var items, var target, ..])
        {
            // PHP: foreach ($items as $key => $value).
            var element = Eval(items).Flattened() with { Constant = null };
            Assign(target.Kind == "pair" ? target.NamedChildren.Last() : target, element);
        }
        else if (node.NamedChildren.FirstOrNull(c => c.Kind == "range_clause") is { } range && range.ChildByField("left") is { } names && range.ChildByField("right") is { } ranged)
        {
            // Go: for k, v := range items.
            Assign(names, Eval(ranged).Flattened() with { Constant = null });
        }
        foreach (var child in node.NamedChildren)
        {
            if (child.FieldName is "body" or "update" or "init" or "condition" || child.Kind == "block")
            {
                Exec(child);
            }
        }
        foreach (var child in node.NamedChildren.Where(c => c.FieldName == "body" || c.Kind == "block"))
        {
            Exec(child);
        }
        MergeInto(before);
    }

    private void ExecSwitch(SyntaxNode node)
    {
        var subject = node.ChildByField("condition") ?? node.ChildByField("subject");
        var value = subject is { } s ? Eval(s) : TaintValue.Clean;
        var body = node.ChildByField("body") ?? node.NamedChildren.LastOrNull();
        if (body is not { } block)
        {
            return;
        }
        var groups = block.NamedChildren.Where(g => g.Kind is "switch_block_statement_group" or "switch_rule" or "case_clause").ToList();
        var taken = value.Constant is { } constant ? groups.FindIndex(g => CaseLabels(g).Contains(constant)) : -1;
        if (taken < 0 && value.Constant is not null)
        {
            taken = groups.FindIndex(g => g.Children.Any(c => c.Kind == "switch_label" && c.Text.StartsWith("default", StringComparison.Ordinal)));
        }
        if (taken >= 0)
        {
            // Fall through until a group ends with break.
            for (var i = taken; i < groups.Count; i++)
            {
                Exec(groups[i]);
                if (groups[i].NamedChildren.Any(c => c.Kind is "break_statement" or "return_statement" or "yield_statement"))
                {
                    break;
                }
            }
            return;
        }
        var before = Snapshot();
        var merged = Snapshot();
        foreach (var group in groups)
        {
            _env = new Dictionary<string, TaintValue>(before, StringComparer.Ordinal);
            Exec(group);
            foreach (var (name, v) in _env)
            {
                merged[name] = merged.TryGetValue(name, out var old) ? TaintValue.Merge(old, v) : v;
            }
        }
        _env = merged;
    }

    private IEnumerable<string> CaseLabels(SyntaxNode group)
    {
        foreach (var label in group.Children.Where(c => c.Kind is "switch_label" or "case_pattern"))
        {
            foreach (var literal in label.NamedChildren)
            {
                if (Eval(literal).Constant is { } constant)
                {
                    yield return constant;
                }
            }
        }
    }

    private Dictionary<string, TaintValue> Snapshot() => new(_env, StringComparer.Ordinal);

    /// <summary>Joins the other branch's environment into the current one.</summary>
    private void MergeInto(Dictionary<string, TaintValue> other)
    {
        foreach (var (name, value) in other)
        {
            _env[name] = _env.TryGetValue(name, out var mine) ? TaintValue.Merge(mine, value) : value;
        }
    }

    private static bool? ConstantTruth(TaintValue value) => value.Constant switch
    {
        "true" or "True" => true,
        "false" or "False" => false,
        _ => null,
    };
}
