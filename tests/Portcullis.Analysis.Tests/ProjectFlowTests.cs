using Portcullis.Analysis.Dataflow;
using Portcullis.Analysis.Matching;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Rules.Loading;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Tests;

/// <summary>Whole-project scans: flows through functions of other files and values of .properties files.</summary>
public sealed class ProjectFlowTests
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
        var rules = RuleFileParser.Parse("project-test.yaml", yaml, LanguageIds.Normalize);
        return new ScanEngine([.. StructuralRules.CreateAnalyzers(rules, compileNow: true)]);
    });

    private const string JavaHelper = """
        package com.example.util;

        public class Helper {
            private final javax.servlet.http.HttpServletRequest request;

            public Helper(javax.servlet.http.HttpServletRequest request) { this.request = request; }

            public static String same(String value) {
                String copy = value;
                return copy;
            }

            public static String fixedName(String ignored) {
                return "report.txt";
            }

            public String parameter(String name) {
                return request.getParameter(name);
            }
        }
        """;

    private static IReadOnlyList<Finding> ScanAlone(string path, string language, string code) =>
        Engine.Value.Scan(new SourceText(path, language, code)).Findings;

    private static IReadOnlyList<Finding> ScanInProject(string path, string language, string code, params (string Path, string Text)[] others)
    {
        var project = ProjectContext.Create(others.Select(o => new SourceText(o.Path, LanguageDetector.Detect(o.Path, o.Text) ?? LanguageIds.Text, o.Text)));
        return Engine.Value.Scan(new SourceText(path, language, code), project).Findings;
    }

    private static string JavaServlet(string body) => $$"""
        package com.example.web;

        class Servlet {
            void doPost(javax.servlet.http.HttpServletRequest request) throws Exception {
                {{body}}
            }
        }
        """;

    [Fact]
    public void A_static_helper_of_another_file_that_returns_its_argument_carries_the_request_taint()
    {
        var code = JavaServlet("""String cmd = com.example.util.Helper.same(request.getParameter("c")); Runtime.getRuntime().exec(cmd);""");

        var findings = ScanInProject("src/Servlet.java", "java", code, ("src/com/example/util/Helper.java", JavaHelper));

        var finding = Assert.Single(findings);
        Assert.Equal("test.java.exec", finding.RuleId);
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Contains("untrusted input", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_helper_of_another_file_that_returns_a_constant_clears_the_taint_that_a_file_alone_must_assume()
    {
        var code = JavaServlet("""String name = Helper.fixedName(request.getParameter("c")); Runtime.getRuntime().exec(name);""");

        Assert.Single(ScanAlone("src/Servlet.java", "java", code));
        Assert.Empty(ScanInProject("src/Servlet.java", "java", code, ("src/com/example/util/Helper.java", JavaHelper)));
    }

    [Fact]
    public void An_instance_method_of_a_project_class_that_reads_the_request_is_a_source_even_called_with_a_constant()
    {
        var code = JavaServlet("""Helper helper = new Helper(request); String cmd = helper.parameter("c"); Runtime.getRuntime().exec(cmd);""");

        var findings = ScanInProject("src/Servlet.java", "java", code, ("src/com/example/util/Helper.java", JavaHelper));

        Assert.Equal(Severity.Critical, Assert.Single(findings).Severity);
    }

    [Fact]
    public void A_property_read_by_constant_key_gives_the_value_of_the_project_properties_file()
    {
        var code = JavaServlet("""
            java.util.Properties props = new java.util.Properties();
            props.load(getClass().getClassLoader().getResourceAsStream("app.properties"));
            String mode = props.getProperty("mode", "open");
            String cmd = request.getParameter("c");
            if ("locked".equals(mode)) cmd = "ls";
            Runtime.getRuntime().exec(cmd);
            """);

        // mode=locked: the branch is always taken and cmd is the constant.
        Assert.Empty(ScanInProject("src/Servlet.java", "java", code, ("conf/app.properties", "# settings\nmode = locked\n")));
        // mode=open: the branch is never taken and the request value reaches exec.
        Assert.Single(ScanInProject("src/Servlet.java", "java", code, ("conf/app.properties", "mode=open\n")));
        // A key the file lacks: the default given in the call.
        Assert.Single(ScanInProject("src/Servlet.java", "java", code, ("conf/app.properties", "other=locked\n")));
    }

    [Fact]
    public void A_resource_bundle_value_read_by_constant_key_is_that_constant()
    {
        var code = JavaServlet("""
            String cmd = request.getParameter("c");
            java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle("conf.settings");
            if (bundle.getString("mode").equals("locked")) cmd = "ls";
            Runtime.getRuntime().exec(cmd);
            """);

        Assert.Empty(ScanInProject("src/Servlet.java", "java", code, ("res/conf/settings.properties", "mode:locked")));
        Assert.Single(ScanInProject("src/Servlet.java", "java", code, ("res/conf/settings.properties", "mode:open")));
    }

    [Fact]
    public void Python_module_functions_of_the_project_are_followed_by_dotted_name_and_by_import()
    {
        const string helper = """
            from flask import request

            def identity(value):
                result = value
                return result

            def constant(value):
                return "print(1)"

            def user_code():
                return request.args
            """;
        (string, string) module = ("app/helpers/text.py", helper);

        Assert.Single(ScanInProject("app/views.py", "python", "import helpers.text\nfrom flask import request\nexec(helpers.text.identity(request.args))\n", module));
        Assert.Empty(ScanInProject("app/views.py", "python", "import helpers.text\nfrom flask import request\nexec(helpers.text.constant(request.args))\n", module));
        // The file alone cannot tell what constant() returns and must assume its argument.
        Assert.Single(ScanAlone("app/views.py", "python", "import helpers.text\nfrom flask import request\nexec(helpers.text.constant(request.args))\n"));
        // user_code() reads the request itself: a source the file alone cannot see.
        Assert.Empty(ScanAlone("app/views.py", "python", "from helpers.text import user_code\nexec(user_code())\n"));
        Assert.Single(ScanInProject("app/views.py", "python", "from helpers.text import user_code\nexec(user_code())\n", module));
        Assert.Single(ScanInProject("app/views.py", "python", "import helpers.text as t\nexec(t.user_code())\n", module));
    }

    [Fact]
    public void Python_methods_of_a_project_class_are_followed_through_the_instance()
    {
        const string helper = """
            from flask import request

            class Wrapper:
                def __init__(self, req):
                    self.req = req

                def safe_value(self, name):
                    return "print(1)"

                def query(self, name):
                    return request.args
            """;
        (string, string) module = ("helpers/wrap.py", helper);
        const string safe = "import helpers.wrap\nfrom flask import request\nw = helpers.wrap.Wrapper(request)\nexec(w.safe_value(request.args))\n";
        const string leaks = "from helpers.wrap import Wrapper\nw = Wrapper(None)\nexec(w.query('x'))\n";

        Assert.Single(ScanAlone("views.py", "python", safe));
        Assert.Empty(ScanInProject("views.py", "python", safe, module));
        Assert.Single(ScanInProject("views.py", "python", leaks, module));
    }

    [Fact]
    public void A_file_scanned_alone_or_in_a_project_without_the_called_class_gives_the_same_findings()
    {
        var code = JavaServlet("""String a = Helper.same(request.getParameter("c")); String b = Helper.fixedName(a); Runtime.getRuntime().exec(b);""");

        var alone = ScanAlone("src/Servlet.java", "java", code);
        var unrelated = ScanInProject("src/Servlet.java", "java", code, ("src/Other.java", "class Other { static String same(String v) { return \"x\"; } }"), ("x.properties", "same=1"));

        Assert.Single(alone);
        Assert.Equal(alone.Select(f => (f.RuleId, f.Span, f.Severity, f.Message)), unrelated.Select(f => (f.RuleId, f.Span, f.Severity, f.Message)));
    }

    [Fact]
    public void Summaries_are_the_same_whichever_file_of_the_project_is_scanned_first_and_however_many_threads_scan()
    {
        // Helpers call each other across files; a cycle between them ends at the depth limit, not in a loop.
        const string a = "class A { static String f(String v) { return B.g(v); } static String k(String v) { return \"ls\"; } }";
        const string b = "class B { static String g(String v) { return A.f(v); } static String h(String v) { return A.k(v); } }";
        var files = new[] { ("A.java", a), ("B.java", b) };
        var codes = new[]
        {
            JavaServlet("""Runtime.getRuntime().exec(B.h(request.getParameter("c")));"""),
            JavaServlet("""Runtime.getRuntime().exec(A.f(request.getParameter("c")));"""),
        };
        var project = ProjectContext.Create(files.Select(f => new SourceText(f.Item1, "java", f.Item2)));
        var parallel = new int[40];
        Parallel.For(0, parallel.Length, i => parallel[i] = Engine.Value.Scan(new SourceText("S.java", "java", codes[i % 2]), project).Findings.Count);

        Assert.Empty(ScanInProject("S.java", "java", codes[0], files));
        Assert.Single(ScanInProject("S.java", "java", codes[1], files));
        Assert.All(parallel.Where((_, i) => i % 2 == 0), n => Assert.Equal(0, n));
        Assert.All(parallel.Where((_, i) => i % 2 == 1), n => Assert.Equal(1, n));
    }
}
