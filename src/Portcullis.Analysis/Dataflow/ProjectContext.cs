using System.Collections.Concurrent;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Dataflow;

/// <summary>
/// The other files of a whole-project scan, as the taint engine sees them: Java classes by name,
/// Python modules by dotted name, and the values of <c>.properties</c> files. A call into a class or
/// module of the project is followed into its body (see <see cref="ProjectSummaries"/>) instead of being
/// guessed from its arguments. Files are parsed on first use, once, and the context is safe to share
/// between the threads that scan the project's files in parallel.
/// </summary>
public sealed class ProjectContext
{
    private readonly Dictionary<string, ProjectFile> _javaClasses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProjectFile> _pythonModules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _properties = new(StringComparer.Ordinal);

    private ProjectContext(IEnumerable<SourceText> files, ParseLimits limits)
    {
        // Sorted by path so that a name two files claim resolves the same way on every run.
        foreach (var source in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var path = source.Path.Replace('\\', '/');
            if (source.Language == "properties" || path.EndsWith(".properties", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var suffix in PathSuffixes(path))
                {
                    _properties.TryAdd(suffix, PropertiesFile.Parse(source.Text));
                }
                continue;
            }
            var grammar = LanguageIds.GrammarFor(source.Language, source.Text);
            if (grammar is "java" && path.EndsWith(".java", StringComparison.Ordinal))
            {
                // A Java file holds the public class its name gives.
                _javaClasses.TryAdd(System.IO.Path.GetFileNameWithoutExtension(path), new ProjectFile(source, grammar, limits));
            }
            else if (grammar is "python" && path.EndsWith(".py", StringComparison.Ordinal))
            {
                var module = path[..^3];
                if (module.EndsWith("/__init__", StringComparison.Ordinal))
                {
                    module = module[..^"/__init__".Length];
                }
                var file = new ProjectFile(source, grammar, limits);
                foreach (var suffix in PathSuffixes(module))
                {
                    _pythonModules.TryAdd(suffix.Replace('/', '.'), file);
                }
            }
        }
        Summaries = new ProjectSummaries(this);
    }

    /// <summary>How many source files and property files the project holds.</summary>
    public int FileCount => _javaClasses.Count + _pythonModules.Values.Distinct().Count() + _properties.Values.Distinct().Count();

    internal ProjectSummaries Summaries { get; }

    /// <summary>The context of a scan that includes these files (sources, .properties files; others are ignored).</summary>
    public static ProjectContext Create(IEnumerable<SourceText> files, ParseLimits? limits = null) => new(files, limits ?? ParseLimits.Default);

    /// <summary>The Java class of this simple name, when a file of the project declares it.</summary>
    internal ProjectFile? JavaClass(string simpleName) => _javaClasses.GetValueOrDefault(simpleName);

    /// <summary>The Python module of this dotted name (helpers.utils), matched on the end of its path.</summary>
    internal ProjectFile? PythonModule(string dotted) => _pythonModules.GetValueOrDefault(dotted);

    /// <summary>The values of a properties file named as a class-path resource is ("benchmark.properties", "conf/app.properties").</summary>
    internal IReadOnlyDictionary<string, string>? Properties(string resource) =>
        _properties.GetValueOrDefault(resource.Replace('\\', '/').TrimStart('/'));

    /// <summary>"a/b/c" gives "a/b/c", "b/c" and "c": a name used in code may be relative to any source root.</summary>
    private static IEnumerable<string> PathSuffixes(string path)
    {
        var trimmed = path.TrimStart('.', '/');
        yield return trimmed;
        for (var i = trimmed.IndexOf('/', StringComparison.Ordinal); i >= 0; i = trimmed.IndexOf('/', i + 1))
        {
            yield return trimmed[(i + 1)..];
        }
    }
}

/// <summary>One source file of a project: parsed on first use; null when it does not parse within the limits.</summary>
internal sealed class ProjectFile(SourceText source, string grammarId, ParseLimits limits)
{
    private readonly Lazy<SyntaxTree?> _tree = new(() => Parse(source, grammarId, limits));
    private readonly ConcurrentDictionary<string, Lazy<TaintFacts>> _facts = new(StringComparer.Ordinal);

    public SourceText Source { get; } = source;

    public string GrammarId { get; } = grammarId;

    public SyntaxTree? Tree => _tree.Value;

    /// <summary>The sources and sanitizers of one taint rule in this file, found once.</summary>
    public TaintFacts FactsFor(CompiledTaintRule rule, SyntaxTree tree) =>
        _facts.GetOrAdd(rule.Definition.Id, _ => new Lazy<TaintFacts>(() => TaintFacts.FindForSummaries(rule, new Matching.ClauseEvaluator(tree, new Matching.TreeIndex(tree))))).Value;

    private static SyntaxTree? Parse(SourceText source, string grammarId, ParseLimits limits)
    {
        try
        {
            return SyntaxParser.Parse(source, grammarId, limits);
        }
        catch (ParseLimitException)
        {
            // A helper that cannot be parsed is not followed: calls into it are guessed as before.
            return null;
        }
    }
}
