using System.Collections.Immutable;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Dataflow;

/// <summary>
/// Whole-project scans: calls into classes and modules of other files of the project are answered by
/// their summaries, and <c>.properties</c> values read by a constant key are known. Without a project
/// (a single file, a snippet) none of this runs and calls are guessed from their arguments.
/// </summary>
internal sealed partial class FunctionInterpreter
{
    private readonly ProjectScope? _project;

    /// <summary>Variables holding an instance of a class of the project: name → (file, class).</summary>
    private readonly Dictionary<string, (ProjectFile File, string Class)> _instances = new(StringComparer.Ordinal);

    /// <summary>Python names bound by imports of project modules: name → (module, function or null for the module itself).</summary>
    private readonly Dictionary<string, (string Module, string? Member)> _imports = new(StringComparer.Ordinal);

    /// <summary>What a call into the project returns, or null when it does not reach the project.</summary>
    private TaintValue? ProjectCall(SyntaxNode? receiver, TaintValue receiverValue, string name, List<SyntaxNode> arguments, List<TaintValue> values)
    {
        if (_project is not { } scope)
        {
            return null;
        }
        if (ConfigurationCall(receiver, receiverValue, name, arguments, values) is { } configured)
        {
            return configured;
        }
        if (Target(receiver, name) is not { } target || LanguageProfile.For(target.File.GrammarId) != _profile)
        {
            return null;
        }
        return scope.Project.Summaries.Call(scope.Rule, target.File, target.Class, target.Function, values, scope.Depth + 1);
    }

    /// <summary>The function of the project a call reaches: a static or instance method, or a module's function.</summary>
    private (ProjectFile File, string? Class, string Function)? Target(SyntaxNode? receiver, string name)
    {
        var project = _project!.Project;
        if (receiver is not { } r)
        {
            // Python: a function imported by name (from helpers.utils import f; f(x)).
            return _imports.TryGetValue(name, out var imported) && imported.Member is { } member && project.PythonModule(imported.Module) is { } module
                ? (module, null, member)
                : null;
        }
        if (r.Kind == "identifier" && _instances.TryGetValue(r.Text, out var instance))
        {
            return (instance.File, instance.Class, name);
        }
        if (r.Kind == "object_creation_expression" && r.ChildByField("type") is { } created && JavaClass(created) is { } newed)
        {
            return (newed.File, newed.Class, name);
        }
        if (_profile == LanguageProfile.Java && r.Kind is "identifier" or "field_access" or "scoped_identifier" && !_env.ContainsKey(r.Text))
        {
            // A static call: Helper.m(x) or org.example.Helper.m(x).
            var simple = r.Text[(r.Text.LastIndexOf('.') + 1)..];
            return project.JavaClass(simple) is { } owner ? (owner, simple, name) : null;
        }
        if (_profile == LanguageProfile.Python && r.Kind is "identifier" or "attribute")
        {
            var dotted = r.Kind == "identifier" && _imports.TryGetValue(r.Text, out var alias) && alias.Member is null ? alias.Module : r.Text;
            return project.PythonModule(dotted) is { } module ? (module, null, name) : null;
        }
        return null;
    }

    private (ProjectFile File, string Class)? JavaClass(SyntaxNode type)
    {
        var text = type.Text;
        var generic = text.IndexOf('<', StringComparison.Ordinal);
        if (generic >= 0)
        {
            text = text[..generic];
        }
        var simple = text[(text.LastIndexOf('.') + 1)..].Trim();
        return _project!.Project.JavaClass(simple) is { } file ? (file, simple) : null;
    }

    /// <summary>Remembers which project class a variable holds: Helper h = ..., h = new Helper(), h = module.Helper(...).</summary>
    private void RecordInstance(SyntaxNode target, SyntaxNode? declaredType, SyntaxNode? value)
    {
        if (_project is null || target.Kind != "identifier")
        {
            return;
        }
        _instances.Remove(target.Text);
        var type = value is { Kind: "object_creation_expression" } creation ? creation.ChildByField("type") : declaredType;
        if (type is { } t && JavaClass(t) is { } java)
        {
            _instances[target.Text] = java;
        }
        else if (value is { Kind: "call" } call && call.ChildByField("function") is { } callee && PythonClass(callee) is { } python)
        {
            _instances[target.Text] = python;
        }
    }

    /// <summary>A Python class of the project named by a constructor call: module.Class or an imported Class.</summary>
    private (ProjectFile File, string Class)? PythonClass(SyntaxNode callee)
    {
        var project = _project!.Project;
        if (callee.Kind == "attribute" && callee.ChildByField("object") is { } owner && callee.ChildByField("attribute") is { } attribute)
        {
            var dotted = owner.Kind == "identifier" && _imports.TryGetValue(owner.Text, out var alias) && alias.Member is null ? alias.Module : owner.Text;
            return project.PythonModule(dotted) is { } module && DeclaresClass(module, attribute.Text) ? (module, attribute.Text) : null;
        }
        if (callee.Kind == "identifier" && _imports.TryGetValue(callee.Text, out var imported) && imported.Member is { } member
            && project.PythonModule(imported.Module) is { } from && DeclaresClass(from, member))
        {
            return (from, member);
        }
        return null;
    }

    private static bool DeclaresClass(ProjectFile file, string name) =>
        file.Tree?.Root.NamedChildren.Any(c => c.Kind == "class_definition" && c.ChildByField("name")?.Text == name) == true;

    /// <summary>Python imports of project modules: import a.b [as m], from a.b import f [as g], from a import b.</summary>
    private void RecordImport(SyntaxNode node)
    {
        if (_project is null || _profile != LanguageProfile.Python)
        {
            return;
        }
        var project = _project.Project;
        if (node.Kind == "import_statement")
        {
            foreach (var aliased in node.NamedChildren.Where(c => c.Kind == "aliased_import"))
            {
                if (aliased.ChildByField("name") is { } module && aliased.ChildByField("alias") is { } alias)
                {
                    _imports[alias.Text] = (module.Text, null);
                }
            }
            return;
        }
        if (node.Kind != "import_from_statement" || node.ChildByField("module_name") is not { } from)
        {
            return;
        }
        foreach (var imported in node.Children.Where(c => c.FieldName == "name"))
        {
            var (original, local) = imported.Kind == "aliased_import"
                ? (imported.ChildByField("name")?.Text, imported.ChildByField("alias")?.Text)
                : (imported.Text, imported.Text);
            if (original is null || local is null)
            {
                continue;
            }
            // from a import b: b is a module when the project has a.b, a function or class of a otherwise.
            _imports[local] = project.PythonModule(from.Text + "." + original) is not null ? (from.Text + "." + original, null) : (from.Text, original);
        }
    }

    /// <summary>
    /// java.util.Properties loaded from a resource of the project, and ResourceBundles: the values
    /// are the file's, so getProperty("key") by a constant key is that constant.
    /// </summary>
    private TaintValue? ConfigurationCall(SyntaxNode? receiver, TaintValue receiverValue, string name, List<SyntaxNode> arguments, List<TaintValue> values)
    {
        string? Key(int i) => i < values.Count ? values[i].Constant : null;
        var project = _project!.Project;
        switch (name)
        {
            case "load" when receiver is { Kind: "identifier" } variable && arguments.Count == 1 && PropertiesResource(arguments[0]) is { } loaded:
                _env[variable.Text] = receiverValue with { Entries = Constants(loaded) };
                return TaintValue.Clean;
            case "getBundle" when Key(0) is { } bundle && project.Properties(bundle.Replace('.', '/') + ".properties") is { } values2:
                return new TaintValue(TaintOrigin.None, Entries: Constants(values2));
            case "getProperty" or "getString" or "getObject" when receiverValue.Entries is { } entries && Key(0) is { } key:
                return entries.TryGetValue(key, out var value) ? value : name == "getProperty" && values.Count > 1 ? values[1] : TaintValue.Clean;
            default:
                return null;
        }
    }

    /// <summary>The properties file a load(...) argument opens: the first string constant in it that names one of the project.</summary>
    private IReadOnlyDictionary<string, string>? PropertiesResource(SyntaxNode argument)
    {
        foreach (var literal in argument.Descendants().Where(d => _profile.StringLiterals.Contains(d.Kind)))
        {
            if (StringLiteral(literal).Constant is { } name && _project!.Project.Properties(name) is { } values)
            {
                return values;
            }
        }
        return null;
    }

    private static ImmutableDictionary<string, TaintValue> Constants(IReadOnlyDictionary<string, string> values) =>
        values.ToImmutableDictionary(kv => kv.Key, kv => TaintValue.Const(kv.Value), StringComparer.Ordinal);
}
