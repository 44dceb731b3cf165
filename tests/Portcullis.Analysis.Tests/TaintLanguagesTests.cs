using Portcullis.Analysis.Matching;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Rules.Loading;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Tests;

/// <summary>The taint interpreter on the JavaScript/TypeScript, C#, PHP and Go grammars.</summary>
public sealed class TaintLanguagesTests
{
    private static readonly Lazy<ScanEngine> Engine = new(() =>
    {
        const string yaml = """
            rules:
              - id: test.js.sql
                languages: [javascript, typescript]
                severity: critical
                confidence: high
                cwe: [CWE-89]
                owasp: [A03:2021]
                message: tainted sql
                taint:
                  sources:
                    - pattern: $REQ.query
                    - pattern: $REQ.body
                  sinks:
                    - pattern: $DB.query($SQL, ...)
                      argument: $SQL
                  sanitizers:
                    - pattern: Number(...)
                tests:
                  match: ["db.query(req.query.id)"]
                  no-match: ["db.query('select 1')"]
              - id: test.csharp.sql
                languages: [csharp]
                severity: critical
                confidence: high
                cwe: [CWE-89]
                owasp: [A03:2021]
                message: tainted sql
                taint:
                  sources:
                    - pattern: Request.Query[...]
                    - all:
                        - pattern: $P
                        - where: {metavariable: $P, kind: parameter}
                        - where: {metavariable: $P, regex: "^\\[FromQuery\\b"}
                  sinks:
                    - pattern: new SqlCommand($SQL, ...)
                      argument: $SQL
                  sanitizers:
                    - pattern: int.Parse(...)
                tests:
                  match: ["class A { void F() { new SqlCommand(Request.Query[\"a\"], c); } }"]
                  no-match: ["class A { void F() { new SqlCommand(\"select 1\", c); } }"]
              - id: test.php.sql
                languages: [php]
                severity: critical
                confidence: high
                cwe: [CWE-89]
                owasp: [A03:2021]
                message: tainted sql
                taint:
                  sources:
                    - pattern: $_GET
                    - pattern: $_POST
                  sinks:
                    - pattern: mysqli_query($CONN, $SQL, ...)
                      argument: $SQL
                  sanitizers:
                    - pattern: intval(...)
                tests:
                  match: ["<?php mysqli_query($c, $_GET['id']);"]
                  no-match: ["<?php mysqli_query($c, 'select 1');"]
              - id: test.go.sql
                languages: [go]
                severity: critical
                confidence: high
                cwe: [CWE-89]
                owasp: [A03:2021]
                message: tainted sql
                taint:
                  sources:
                    - pattern: $R.URL.Query()
                    - pattern: $R.FormValue(...)
                  sinks:
                    - pattern: $DB.Query($SQL, ...)
                      argument: $SQL
                  sanitizers:
                    - pattern: strconv.Atoi(...)
                tests:
                  match: ["package p\nfunc f(r *http.Request) { db.Query(r.FormValue(\"a\")) }"]
                  no-match: ["package p\nfunc f() { db.Query(\"select 1\") }"]
            """;
        var rules = RuleFileParser.Parse("taint-languages.yaml", yaml, LanguageIds.Normalize);
        return new ScanEngine([.. StructuralRules.CreateAnalyzers(rules, compileNow: true)]);
    });

    private static IReadOnlyList<Finding> Scan(string language, string code) =>
        Engine.Value.Scan(new SourceText("t", language, code)).Findings;

    [Fact]
    public void Javascript_request_values_reach_the_query_through_variables_destructuring_and_templates_in_an_anonymous_handler()
    {
        const string code = """
            app.get('/user', (req, res) => {
              const { id } = req.query;
              const sql = `SELECT * FROM users WHERE id = ${id}`;
              db.query(sql);
            });
            """;

        var finding = Assert.Single(Scan("javascript", code));

        Assert.Equal(Severity.Critical, finding.Severity);
    }

    [Theory]
    [InlineData("app.post('/u', function (req, res) {\n  let n = Number(req.body.n);\n  db.query('SELECT ' + n);\n});\n", 0)]
    [InlineData("app.post('/u', function (req, res) {\n  let s = req.body.name;\n  if (7 * 42 - 86 > 200) { s = 'safe'; }\n  db.query('SELECT ' + s);\n});\n", 0)]
    [InlineData("app.post('/u', function (req, res) {\n  let s = req.body.name;\n  if (7 * 42 - 106 > 200) { s = 'safe'; }\n  db.query('SELECT ' + s);\n});\n", 1)]
    [InlineData("function build(v) { return 'SELECT ' + v; }\napp.post('/u', (req, res) => { db.query(build(req.body.name)); });\n", 1)]
    [InlineData("function build(v) { return 'SELECT 1'; }\napp.post('/u', (req, res) => { db.query(build(req.body.name)); });\n", 0)]
    public void Javascript_constants_sanitizers_and_helpers_decide_the_flow(string code, int expected)
    {
        Assert.Equal(expected, Scan("javascript", code).Count);
    }

    [Fact]
    public void Typescript_parameters_are_of_unknown_origin()
    {
        var finding = Assert.Single(Scan("typescript", "export function find(db: Db, name: string): void {\n  db.query(\"SELECT * FROM t WHERE n = '\" + name + \"'\");\n}\n"));

        Assert.Equal(Severity.High, finding.Severity);
    }

    [Theory]
    [InlineData("class C : Controller {\n  public void Find() {\n    var name = Request.Query[\"name\"];\n    string sql = $\"SELECT * FROM t WHERE n = '{name}'\";\n    new SqlCommand(sql, _conn);\n  }\n}\n", 1)]
    [InlineData("class C : Controller {\n  public void Find() {\n    int id = int.Parse(Request.Query[\"id\"]);\n    new SqlCommand(\"SELECT * FROM t WHERE id = \" + id, _conn);\n  }\n}\n", 0)]
    [InlineData("class C : Controller {\n  public void Find() {\n    string v = Request.Query[\"id\"];\n    bool safe = true;\n    if (safe) { v = \"1\"; } else { v = v + \"\"; }\n    new SqlCommand(\"SELECT \" + v, _conn);\n  }\n}\n", 0)]
    public void Csharp_request_values_are_followed_through_declarations_interpolation_and_branches(string code, int expected)
    {
        var findings = Scan("csharp", code);

        Assert.Equal(expected, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Critical, f.Severity));
    }

    [Fact]
    public void Csharp_parameters_a_source_pattern_matches_are_request_data()
    {
        const string code = "class C : Controller {\n  public void Find([FromQuery] string name, string other) {\n    new SqlCommand(\"SELECT \" + name, _conn);\n    new SqlCommand(\"SELECT \" + other, _conn);\n  }\n}\n";

        var findings = Scan("csharp", code);

        Assert.Equal([Severity.Critical, Severity.High], findings.OrderBy(f => f.Span.StartLine).Select(f => f.Severity));
    }

    [Fact]
    public void Csharp_minimal_api_lambda_parameters_are_of_unknown_origin()
    {
        const string code = "app.MapGet(\"/u\", (string name) => {\n  return new SqlCommand(\"SELECT * FROM t WHERE n = '\" + name + \"'\", conn);\n});\n";

        Assert.Equal(Severity.High, Assert.Single(Scan("csharp", code)).Severity);
    }

    [Theory]
    [InlineData("<?php\n$id = $_GET['id'];\n$sql = \"SELECT * FROM t WHERE id = $id\";\nmysqli_query($conn, $sql);\n", 1)]
    [InlineData("<?php\n$id = $_POST['id'];\nmysqli_query($conn, 'SELECT * FROM t WHERE id = ' . $id);\n", 1)]
    [InlineData("<?php\n$id = intval($_GET['id']);\nmysqli_query($conn, 'SELECT * FROM t WHERE id = ' . $id);\n", 0)]
    [InlineData("<?php\nfunction q($conn) {\n  $a = array('safe', $_GET['x']);\n  mysqli_query($conn, 'SELECT ' . $a[0]);\n}\n", 0)]
    [InlineData("<?php\nfunction q($conn) {\n  $a = array('safe', $_GET['x']);\n  mysqli_query($conn, 'SELECT ' . $a[1]);\n}\n", 1)]
    [InlineData("<?php\nforeach ($_POST as $k => $v) {\n  mysqli_query($conn, \"DELETE FROM t WHERE k = '{$v}'\");\n}\n", 1)]
    public void Php_superglobals_are_followed_through_strings_arrays_and_loops(string code, int expected)
    {
        Assert.Equal(expected, Scan("php", code).Count);
    }

    [Theory]
    [InlineData("package p\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tid := r.URL.Query().Get(\"id\")\n\tq := \"SELECT * FROM t WHERE id = \" + id\n\tdb.Query(q)\n}\n", 1)]
    [InlineData("package p\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tvar name = r.FormValue(\"name\")\n\tdb.Query(fmt.Sprintf(\"SELECT * FROM t WHERE n = '%s'\", name))\n}\n", 1)]
    [InlineData("package p\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tid, _ := strconv.Atoi(r.FormValue(\"id\"))\n\tdb.Query(\"SELECT * FROM t WHERE id = $1\", id)\n}\n", 0)]
    public void Go_request_values_are_followed_through_short_declarations(string code, int expected)
    {
        var findings = Scan("go", code);

        Assert.Equal(expected, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Critical, f.Severity));
    }
}
