using System.Text.Json;
using Portcullis.Analysis.Matching;
using Portcullis.Syntax;

namespace Portcullis.Cli.Commands;

/// <summary><c>portcullis rules list</c> prints the catalogue; <c>rules test</c> runs every rule's own tests.</summary>
internal static class RulesCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0)
        {
            throw new UsageException("rules needs a subcommand: list or test");
        }
        var reader = new ArgumentReader(args.Skip(1).ToArray(), ["--rules", "--format"], []);
        return args[0] switch
        {
            "list" => List(reader, stdout, stderr),
            "test" => Test(reader, stdout),
            _ => throw new UsageException($"unknown rules subcommand '{args[0]}' (list, test)"),
        };
    }

    private static int List(ArgumentReader reader, TextWriter stdout, TextWriter stderr)
    {
        var format = reader.Choice("--format", "text", "text", "json");
        var engine = EngineFactory.Create(reader.Values("--rules"), ParseLimits.Default, stderr);
        var rules = engine.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (format == "json")
        {
            stdout.WriteLine(JsonSerializer.Serialize(rules.Select(r => new
            {
                id = r.Id,
                severity = r.Severity.ToString().ToLowerInvariant(),
                confidence = r.Confidence.ToString().ToLowerInvariant(),
                cwe = r.Taxonomy.Cwe,
                owasp = r.Taxonomy.Owasp,
                swc = r.Taxonomy.Swc,
                languages = r.Languages,
                message = r.Message,
            }), new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Allow;
        }
        stdout.WriteLine($"{"ID",-48} {"SEVERITY",-9} {"CWE",-16} {"OWASP",-10} LANGUAGES");
        foreach (var rule in rules)
        {
            var cwe = string.Join(",", rule.Taxonomy.Cwe.Concat(rule.Taxonomy.Swc));
            stdout.WriteLine($"{rule.Id,-48} {rule.Severity.ToString().ToLowerInvariant(),-9} {cwe,-16} {string.Join(",", rule.Taxonomy.Owasp),-10} {string.Join(",", rule.Languages)}");
        }
        stdout.WriteLine($"{rules.Count} rules");
        return ExitCodes.Allow;
    }

    private static int Test(ArgumentReader reader, TextWriter stdout)
    {
        var rules = StructuralRules.LoadDefinitions(reader.Values("--rules"));
        var failures = RuleTestRunner.Run(rules);
        foreach (var failure in failures)
        {
            stdout.WriteLine($"FAIL {failure.RuleId} ({failure.Origin}) [{failure.Language}]: {failure.Reason}");
            foreach (var line in failure.Snippet.Split('\n'))
            {
                stdout.WriteLine($"    | {line}");
            }
        }
        var tests = rules.Sum(r => (r.Tests.Match.Count + r.Tests.NoMatch.Count) * r.Languages.Count);
        stdout.WriteLine($"{rules.Count} rules, {tests} tests, {failures.Count} failed");
        return failures.Count == 0 ? ExitCodes.Allow : ExitCodes.Block;
    }
}
