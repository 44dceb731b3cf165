namespace Portcullis.Analysis.Tests;

/// <summary>Pattern parsing in PHP and Go, and C# expressions that are not statements.</summary>
public sealed class MatchLanguageTestsPhpGo
{
    [Fact]
    public void Php_superglobals_in_a_pattern_are_variables_not_metavariables()
    {
        var hits = RuleHarness.Matches("php", "pattern: echo $_GET[$K];", "<?php\necho $_GET['a'];\necho $_POST['a'];\necho $x['a'];\n");

        Assert.Equal(["echo $_GET['a'];"], hits);
    }

    [Fact]
    public void Php_patterns_without_an_opening_tag_are_code_not_inline_html()
    {
        var hits = RuleHarness.Matches("php", "pattern: unserialize($X)", "<?php\n$a = unserialize($data);\n$b = json_decode($data);\n");

        Assert.Equal(["unserialize($data)"], hits);
    }

    [Fact]
    public void Php_metavariables_stand_where_only_a_variable_parses()
    {
        // An assignment target, a callee and a receiver must be variables in PHP.
        var match = "all:\n  - any:\n      - pattern: $VAR = $VALUE\n      - pattern: $DB->query($SQL)\n  - where: {metavariable: $VAR, regex: \"pass\"}";
        var assigned = RuleHarness.Matches("php", match, "<?php\n$password = 'x';\n$name = 'y';\n");
        var called = RuleHarness.Matches("php", "pattern: $DB->query($SQL)", "<?php\n$pdo->query($sql);\n$pdo->exec($sql);\n");

        Assert.Equal(["$password = 'x'"], assigned);
        Assert.Equal(["$pdo->query($sql)"], called);
    }

    [Fact]
    public void Go_selector_calls_in_a_pattern_are_calls_not_type_conversions()
    {
        var hits = RuleHarness.Matches("go", "pattern: $R.FormValue($K)", "package p\nfunc h(r *http.Request) {\n\tname := r.FormValue(\"name\")\n\t_ = name\n}\n");

        Assert.Equal(["r.FormValue(\"name\")"], hits);
    }

    [Fact]
    public void Csharp_expressions_that_are_not_statements_compile_as_patterns()
    {
        var hits = RuleHarness.Matches("csharp", "pattern: Request.Query[$K]", "class C {\n  void F() {\n    var a = Request.Query[\"a\"];\n    var b = Request.Form[\"b\"];\n  }\n}\n");

        Assert.Equal(["Request.Query[\"a\"]"], hits);
    }
}
