using Portcullis.Analysis.Matching;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Rules.Loading;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Tests;

/// <summary>The dataflow engine, through one small taint rule per language.</summary>
public sealed class TaintAnalysisTests
{
    private static readonly Lazy<ScanEngine> Engine = new(() =>
    {
        const string yaml = """
            rules:
              - id: test.python.exec
                languages: [python]
                severity: critical
                confidence: high
                cwe: [CWE-94]
                owasp: [A03:2021]
                message: tainted exec
                taint:
                  sources:
                    - pattern: request.args
                  sinks:
                    - pattern: exec($CODE)
                      argument: $CODE
                  sanitizers:
                    - pattern: int(...)
                tests:
                  match: ["exec(request.args)"]
                  no-match: ["exec('1')"]
              - id: test.java.exec
                languages: [java]
                severity: critical
                confidence: high
                cwe: [CWE-78]
                owasp: [A03:2021]
                message: tainted exec
                taint:
                  sources:
                    - pattern: $REQ.getParameter(...)
                  sinks:
                    - pattern: Runtime.getRuntime().exec($CMD)
                      argument: $CMD
                tests:
                  match: ["class A { void f(javax.servlet.http.HttpServletRequest r) throws Exception { Runtime.getRuntime().exec(r.getParameter(\"a\")); } }"]
                  no-match: ["class A { void f() throws Exception { Runtime.getRuntime().exec(\"ls\"); } }"]
            """;
        var rules = RuleFileParser.Parse("taint-test.yaml", yaml, LanguageIds.Normalize);
        return new ScanEngine([.. StructuralRules.CreateAnalyzers(rules, compileNow: true)]);
    });

    private static IReadOnlyList<Finding> Scan(string language, string code) =>
        Engine.Value.Scan(new SourceText("t", language, code)).Findings;

    [Fact]
    public void A_known_source_reaching_a_sink_is_critical_and_a_parameter_is_of_unknown_origin()
    {
        var findings = Scan("python", "def a():\n    exec(request.args)\n\ndef b(code):\n    exec(code)\n");

        Assert.Equal([Severity.Critical, Severity.High], findings.Select(f => f.Severity));
        Assert.Contains("unknown origin", findings[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("def f(x):\n    y = x\n    if (7 * 42) - 86 > 200:\n        y = 'safe'\n    exec(y)\n", 0)]
    [InlineData("def f(x):\n    y = x\n    if (7 * 42) - 106 > 200:\n        y = 'safe'\n    exec(y)\n", 1)]
    [InlineData("def f(x):\n    items = ['safe', x]\n    exec(items[0])\n", 0)]
    [InlineData("def f(x):\n    items = ['safe', x]\n    exec(items[1])\n", 1)]
    [InlineData("def f(x):\n    m = {'a': x, 'b': 'safe'}\n    exec(m['b'])\n", 0)]
    [InlineData("def f(x):\n    m = {'a': x, 'b': 'safe'}\n    exec(m['a'])\n", 1)]
    [InlineData("def f(x):\n    exec(int(x))\n", 0)]
    [InlineData("def helper(v):\n    return 'constant'\n\ndef f(x):\n    exec(helper(x))\n", 0)]
    [InlineData("def helper(v):\n    return 'prefix' + v\n\ndef f(x):\n    exec(helper(x))\n", 1)]
    public void Constants_branches_containers_sanitizers_and_helpers_decide_the_flow(string code, int expected)
    {
        Assert.Equal(expected, Scan("python", code).Count);
    }

    [Theory]
    [InlineData("class A:\n    def f(self):\n        exec(self.code)\n", 1)]
    [InlineData("class A:\n    def f(self):\n        self.code = 'print(1)'\n        exec(self.code)\n", 0)]
    [InlineData("class A:\n    def f(self, other):\n        exec(other.name and 'x')\n", 1)]
    public void A_field_the_function_did_not_set_is_of_unknown_origin(string code, int expected)
    {
        var findings = Scan("python", code);

        Assert.Equal(expected, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.High, f.Severity));
    }

    [Fact]
    public void A_snippet_cut_from_the_middle_of_a_block_is_still_interpreted()
    {
        // Indented first line: tree-sitter wraps the statements in an ERROR node; the flow inside still counts.
        var cutInside = Scan("python", "    if ready:\n        code = request.args\n        exec(code)\n    else:\n        exec('1')\n");
        // A dangling else at the margin makes the whole run an ERROR node that tree-sitter marks as extra.
        var cutBeforeElse = Scan("python", "    exec(request.args)\nelse:\n    x = 1\n");

        Assert.Equal(Severity.Critical, Assert.Single(cutInside).Severity);
        Assert.Equal(Severity.Critical, Assert.Single(cutBeforeElse).Severity);
    }

    [Fact]
    public void Java_string_builders_carry_taint_and_constant_branches_are_pruned()
    {
        const string tainted = """
            class A {
              void f(javax.servlet.http.HttpServletRequest r) throws Exception {
                StringBuilder sb = new StringBuilder("ls ");
                sb.append(r.getParameter("dir"));
                Runtime.getRuntime().exec(sb.toString());
              }
            }
            """;
        const string pruned = """
            class A {
              void f(javax.servlet.http.HttpServletRequest r) throws Exception {
                String p = r.getParameter("dir");
                String cmd = (7 * 18) + 106 > 200 ? "ls" : p;
                Runtime.getRuntime().exec(cmd);
              }
            }
            """;

        Assert.Equal(Severity.Critical, Assert.Single(Scan("java", tainted)).Severity);
        Assert.Empty(Scan("java", pruned));
    }

    [Fact]
    public void Ten_thousand_levels_of_nesting_neither_overflow_a_small_stack_nor_hide_the_sink()
    {
        var code = "x = " + new string('[', 10_000) + new string(']', 10_000) + "\nexec(request.args)\n";
        IReadOnlyList<Finding>? findings = null;
        Exception? failure = null;
        // A quarter of a default thread stack: the interpreter must stop descending long before it.
        var thread = new Thread(
            () =>
            {
                try
                {
                    findings = Scan("python", code);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            maxStackSize: 256 * 1024);

        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.Single(findings!);
    }
}
