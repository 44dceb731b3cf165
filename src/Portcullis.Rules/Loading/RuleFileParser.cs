using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Portcullis.Core;
using Portcullis.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static Portcullis.Rules.Loading.YamlNodes;

namespace Portcullis.Rules.Loading;

/// <summary>
/// Reads one YAML rule file into <see cref="RuleDefinition"/>s, rejecting anything malformed with the
/// file, line and reason: unknown keys (a typo must not silently disable a clause), missing fields,
/// bad severities, CWE and OWASP ids, and rules without tests.
/// </summary>
public static partial class RuleFileParser
{
    private static readonly string[] RuleKeys = ["id", "languages", "severity", "confidence", "cwe", "owasp", "message", "match", "taint", "fix", "tests"];
    private static readonly string[] TaintKeys = ["sources", "sinks", "sanitizers", "validators", "unknown-origin-severity"];
    private static readonly string[] ConstraintKeys = ["metavariable", "regex", "not-regex", "kind", "not-kind", "dynamic-string", "constant"];

    /// <param name="normalizeLanguage">Maps a language name to its canonical id, or null when unknown.</param>
    public static IReadOnlyList<RuleDefinition> Parse(string file, string yaml, Func<string, string?> normalizeLanguage)
    {
        var root = Root(file, yaml, "a rule file is a mapping with a 'rules' list");
        var rules = Required<YamlSequenceNode>(file, root, "rules");
        var result = new List<RuleDefinition>();
        foreach (var node in rules)
        {
            result.Add(ParseRule(file, Expect<YamlMappingNode>(file, node, "a rule"), normalizeLanguage));
        }
        return result;
    }

    private static RuleDefinition ParseRule(string file, YamlMappingNode rule, Func<string, string?> normalizeLanguage)
    {
        RejectUnknownKeys(file, rule, RuleKeys);
        var origin = At(file, rule);
        var id = Scalar(file, Required<YamlScalarNode>(file, rule, "id"));
        if (!RuleIdSyntax().IsMatch(id))
        {
            throw new RuleLoadException(origin, $"rule id '{id}' must be lower-case words separated by '.', '-' or '_'");
        }
        var languages = StringList(file, Required<YamlNode>(file, rule, "languages")).Select(language =>
            normalizeLanguage(language) ?? throw new RuleLoadException(origin, $"rule '{id}': unknown language '{language}'")).ToArray();
        if (languages.Length == 0)
        {
            throw new RuleLoadException(origin, $"rule '{id}': 'languages' is empty");
        }
        var severity = ParseEnum<Severity>(file, Required<YamlScalarNode>(file, rule, "severity"), id);
        var confidence = ParseEnum<Confidence>(file, Required<YamlScalarNode>(file, rule, "confidence"), id);
        var cwe = StringList(file, Required<YamlNode>(file, rule, "cwe"));
        foreach (var c in cwe.Where(c => !CweSyntax().IsMatch(c)))
        {
            throw new RuleLoadException(origin, $"rule '{id}': '{c}' is not a CWE id like CWE-89");
        }
        var owasp = rule.Children.TryGetValue(new YamlScalarNode("owasp"), out var owaspNode) ? StringList(file, owaspNode) : [];
        foreach (var o in owasp.Where(o => !OwaspSyntax().IsMatch(o)))
        {
            throw new RuleLoadException(origin, $"rule '{id}': '{o}' is not an OWASP Top 10 2021 id like A03:2021");
        }
        var message = Scalar(file, Required<YamlScalarNode>(file, rule, "message"));
        var hasMatch = rule.Children.TryGetValue(new YamlScalarNode("match"), out var matchNode);
        var hasTaint = rule.Children.TryGetValue(new YamlScalarNode("taint"), out var taintNode);
        if (hasMatch == hasTaint)
        {
            throw new RuleLoadException(origin, $"rule '{id}' needs exactly one of 'match' (structural) or 'taint'");
        }
        var match = hasMatch ? ParseClause(file, matchNode!) : null;
        var taint = hasTaint ? ParseTaint(file, Expect<YamlMappingNode>(file, taintNode!, "'taint'"), severity) : null;
        var fix = rule.Children.TryGetValue(new YamlScalarNode("fix"), out var fixNode) ? ParseFix(file, fixNode) : null;
        var tests = ParseTests(file, id, rule);
        var descriptor = new RuleDescriptor(id, languages, severity, confidence, new Taxonomy([.. cwe], [.. owasp], []), message);
        return new RuleDefinition(descriptor, match, taint, fix, tests, origin);
    }

    private static TaintSpec ParseTaint(string file, YamlMappingNode taint, Severity ruleSeverity)
    {
        RejectUnknownKeys(file, taint, TaintKeys);
        var sources = ParseClauses(file, Required<YamlSequenceNode>(file, taint, "sources"));
        var sinks = new List<TaintSink>();
        foreach (var node in Required<YamlSequenceNode>(file, taint, "sinks"))
        {
            var sink = Expect<YamlMappingNode>(file, node, "a sink");
            RejectUnknownKeys(file, sink, ["pattern", "any", "all", "argument", "element"]);
            var argument = Scalar(file, Required<YamlScalarNode>(file, sink, "argument"));
            if (!MetavariableSyntax().IsMatch(argument))
            {
                throw new RuleLoadException(At(file, sink), $"sink argument '{argument}' is not a metavariable like $ARG");
            }
            int? element = null;
            if (sink.Children.TryGetValue(new YamlScalarNode("element"), out var elementNode))
            {
                var text = Scalar(file, Expect<YamlScalarNode>(file, elementNode, "'element'"));
                element = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    ? index
                    : throw new RuleLoadException(At(file, sink), $"sink element '{text}' is not a list index (0, 1, ...)");
            }
            var clauses = sink.Children.Where(kv => ((YamlScalarNode)kv.Key).Value is not ("argument" or "element")).ToList();
            if (clauses.Count != 1)
            {
                throw new RuleLoadException(At(file, sink), "a sink has one clause (pattern, any or all), an 'argument' and optionally an 'element'");
            }
            sinks.Add(new TaintSink(ParseKeyedClause(file, clauses[0].Key, clauses[0].Value, At(file, sink)), argument, element));
        }
        var sanitizers = taint.Children.TryGetValue(new YamlScalarNode("sanitizers"), out var s) ? ParseClauses(file, s) : [];
        var unknown = taint.Children.TryGetValue(new YamlScalarNode("unknown-origin-severity"), out var u)
            ? ParseEnum<Severity>(file, Expect<YamlScalarNode>(file, u, "'unknown-origin-severity'"), "taint")
            : (Severity)Math.Max((int)Severity.Info, (int)ruleSeverity - 1);
        var validators = taint.Children.TryGetValue(new YamlScalarNode("validators"), out var v) ? ParseClauses(file, v) : [];
        return new TaintSpec(sources, sinks, sanitizers, unknown, validators);
    }

    private static RuleTests ParseTests(string file, string id, YamlMappingNode rule)
    {
        if (!rule.Children.TryGetValue(new YamlScalarNode("tests"), out var node))
        {
            throw new RuleLoadException(At(file, rule), $"rule '{id}' has no tests; every rule needs 'tests: {{match: [...], no-match: [...]}}'");
        }
        var tests = Expect<YamlMappingNode>(file, node, "'tests'");
        RejectUnknownKeys(file, tests, ["match", "no-match"]);
        var match = tests.Children.TryGetValue(new YamlScalarNode("match"), out var m) ? StringList(file, m) : [];
        var noMatch = tests.Children.TryGetValue(new YamlScalarNode("no-match"), out var n) ? StringList(file, n) : [];
        if (match.Count == 0 || noMatch.Count == 0)
        {
            throw new RuleLoadException(At(file, tests), $"rule '{id}' needs at least one 'match' and one 'no-match' test");
        }
        return new RuleTests(match, noMatch);
    }

    private static FixTemplate ParseFix(string file, YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return new FixTemplate(Scalar(file, scalar), "Apply the rule's suggested rewrite");
        }
        var mapping = Expect<YamlMappingNode>(file, node, "'fix'");
        RejectUnknownKeys(file, mapping, ["template", "rewrite", "description", "focus", "import"]);
        var template = mapping.Children.TryGetValue(new YamlScalarNode("template"), out var t) ? Scalar(file, Expect<YamlScalarNode>(file, t, "'template'")) : null;
        var rewrite = mapping.Children.TryGetValue(new YamlScalarNode("rewrite"), out var r) ? Scalar(file, Expect<YamlScalarNode>(file, r, "'rewrite'")) : null;
        if ((template is null) == (rewrite is null))
        {
            throw new RuleLoadException(At(file, mapping), "a fix needs exactly one of 'template' (code with metavariables) or 'rewrite' (the name of a built-in rewrite)");
        }
        var description = mapping.Children.TryGetValue(new YamlScalarNode("description"), out var d) ? Scalar(file, Expect<YamlScalarNode>(file, d, "'description'")) : "Apply the rule's suggested rewrite";
        var focus = mapping.Children.TryGetValue(new YamlScalarNode("focus"), out var f) ? Scalar(file, Expect<YamlScalarNode>(file, f, "'focus'")) : null;
        if (focus is not null && !MetavariableSyntax().IsMatch(focus))
        {
            throw new RuleLoadException(At(file, mapping), $"fix focus '{focus}' is not a metavariable like $X");
        }
        if (rewrite is not null && focus is null)
        {
            throw new RuleLoadException(At(file, mapping), $"fix rewrite '{rewrite}' needs 'focus': the metavariable bound to the code it rewrites");
        }
        var import = mapping.Children.TryGetValue(new YamlScalarNode("import"), out var i) ? Scalar(file, Expect<YamlScalarNode>(file, i, "'import'")) : null;
        return new FixTemplate(template, description, focus, rewrite, import);
    }

    private static MatchClause ParseClause(string file, YamlNode node)
    {
        var origin = At(file, node);
        if (node is YamlScalarNode scalar)
        {
            return new PatternClause(Scalar(file, scalar), origin);
        }
        var mapping = Expect<YamlMappingNode>(file, node, "a match clause");
        if (mapping.Children.Count != 1)
        {
            throw new RuleLoadException(origin, "a match clause has exactly one key: pattern, all, any, not, inside, not-inside or where");
        }
        var (keyNode, value) = mapping.Children.First();
        return ParseKeyedClause(file, keyNode, value, origin);
    }

    private static MatchClause ParseKeyedClause(string file, YamlNode keyNode, YamlNode value, SourceLocation origin)
    {
        var key = ((YamlScalarNode)keyNode).Value;
        return key switch
        {
            "pattern" => new PatternClause(Scalar(file, Expect<YamlScalarNode>(file, value, "'pattern'")), origin),
            "all" => new AllClause(ParseClauses(file, value), origin),
            "any" => new AnyClause(ParseClauses(file, value), origin),
            "not" => new NotClause(ParseClause(file, value), origin),
            "inside" => new InsideClause(ParseClause(file, value), origin),
            "not-inside" => new NotInsideClause(ParseClause(file, value), origin),
            "where" => ParseWhere(file, Expect<YamlMappingNode>(file, value, "'where'")),
            _ => throw new RuleLoadException(At(file, keyNode), $"unknown match clause '{key}' (expected pattern, all, any, not, inside, not-inside or where)"),
        };
    }

    private static List<MatchClause> ParseClauses(string file, YamlNode node)
    {
        var sequence = Expect<YamlSequenceNode>(file, node, "a list of clauses");
        if (sequence.Children.Count == 0)
        {
            throw new RuleLoadException(At(file, node), "an empty list of clauses matches nothing");
        }
        return sequence.Select(child => ParseClause(file, child)).ToList();
    }

    private static WhereClause ParseWhere(string file, YamlMappingNode mapping)
    {
        RejectUnknownKeys(file, mapping, ConstraintKeys);
        var origin = At(file, mapping);
        var metavariable = Scalar(file, Required<YamlScalarNode>(file, mapping, "metavariable"));
        if (!MetavariableSyntax().IsMatch(metavariable))
        {
            throw new RuleLoadException(origin, $"'{metavariable}' is not a metavariable like $X");
        }
        string? Text(string key) => mapping.Children.TryGetValue(new YamlScalarNode(key), out var v) ? Scalar(file, Expect<YamlScalarNode>(file, v, $"'{key}'")) : null;
        IReadOnlyList<string> List(string key) => mapping.Children.TryGetValue(new YamlScalarNode(key), out var v) ? StringList(file, v) : [];
        bool? Flag(string key) => Text(key) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => throw new RuleLoadException(origin, $"'{key}' is true or false, not '{other}'"),
        };
        var regex = Text("regex");
        var notRegex = Text("not-regex");
        foreach (var r in new[] { regex, notRegex }.OfType<string>())
        {
            try
            {
                _ = new Regex(r, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new RuleLoadException(origin, $"invalid regex '{r}': {e.Message}");
            }
        }
        var constraint = new MetavariableConstraint(regex, notRegex, List("kind"), List("not-kind"), Flag("dynamic-string"), Flag("constant"));
        return new WhereClause(metavariable, constraint, origin);
    }

    private static T ParseEnum<T>(string file, YamlScalarNode node, string id)
        where T : struct, Enum
    {
        var text = Scalar(file, node);
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _))
        {
            return value;
        }
        var allowed = string.Join("/", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        throw new RuleLoadException(At(file, node), $"rule '{id}': '{text}' is not one of {allowed}");
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex RuleIdSyntax();

    [GeneratedRegex(@"^CWE-[0-9]+$")]
    private static partial Regex CweSyntax();

    [GeneratedRegex(@"^A(0[1-9]|10):2021$")]
    private static partial Regex OwaspSyntax();

    [GeneratedRegex(@"^\$(\.\.\.)?[A-Z_][A-Z0-9_]*$")]
    private static partial Regex MetavariableSyntax();
}
