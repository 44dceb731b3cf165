namespace Portcullis.Analysis.Tests;

public sealed class MatchLanguageTests
{
    [Fact]
    public void A_metavariable_binds_any_expression()
    {
        var hits = RuleHarness.Matches("python", "pattern: eval($X)", "eval(a + b)\neval(f(1))\nprint(c)");

        Assert.Equal(["eval(a + b)", "eval(f(1))"], hits);
    }

    [Fact]
    public void The_same_metavariable_twice_must_bind_equal_code()
    {
        var hits = RuleHarness.Matches("python", "pattern: $X == $X", "a == a\na == b\nf( x ) == f(x)");

        Assert.Equal(["a == a", "f( x ) == f(x)"], hits);
    }

    [Fact]
    public void Ellipsis_matches_any_number_of_arguments()
    {
        var hits = RuleHarness.Matches("javascript", "pattern: foo(..., 1)", "foo(1); foo(a, b, 1); foo(1, 2); bar(1);");

        Assert.Equal(["foo(1)", "foo(a, b, 1)"], hits);
    }

    [Fact]
    public void A_sequence_metavariable_binds_the_arguments_it_spans()
    {
        var engine = RuleHarness.Engine("python", "pattern: run($...ARGS)", fix: "{template: \"safe_run($...ARGS)\", description: d}");

        var finding = Assert.Single(RuleHarness.Scan(engine, "python", "run(a, b, c=1)\n"));

        Assert.Equal("safe_run(a, b, c=1)\n", finding.Fix?.FixedCode);
    }

    [Fact]
    public void A_statement_sequence_pattern_matches_across_intervening_statements()
    {
        var match = "pattern: |\n  $Q = $BUILT\n  ...\n  cur.execute($Q)";
        var code = "def f(x):\n    q = 'a' + x\n    log(q)\n    cur.execute(q)\n\ndef g(x):\n    q = 'a'\n    cur.execute(other)\n";

        var hits = RuleHarness.Matches("python", match, code);

        var hit = Assert.Single(hits);
        Assert.StartsWith("q = 'a' + x", hit, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_string_literal_matches_the_string_pattern_but_not_other_expressions()
    {
        var hits = RuleHarness.Matches("java", "pattern: log.info(\"...\")", "class A { void f() { log.info(\"hi\"); log.info(x); } }");

        Assert.Equal(["log.info(\"hi\")"], hits);
    }

    [Fact]
    public void Not_removes_matches_that_the_clause_also_matches()
    {
        var match = "all:\n  - pattern: hashlib.$F(...)\n  - not:\n      pattern: hashlib.$G(..., usedforsecurity=False)";

        var hits = RuleHarness.Matches("python", match, "hashlib.md5(a)\nhashlib.md5(a, usedforsecurity=False)\n");

        Assert.Equal(["hashlib.md5(a)"], hits);
    }

    [Fact]
    public void Inside_and_not_inside_filter_by_the_enclosing_code()
    {
        var code = "def token():\n    return rand()\n\ndef color():\n    return rand()\n";
        var inside = "all:\n  - pattern: rand()\n  - inside:\n      pattern: |\n        def token():\n            ...";
        var notInside = "all:\n  - pattern: rand()\n  - not-inside:\n      pattern: |\n        def token():\n            ...";

        Assert.Single(RuleHarness.Matches("python", inside, code));
        var outside = Assert.Single(RuleHarness.Scan(RuleHarness.Engine("python", notInside), "python", code));
        Assert.Equal(5, outside.Span.StartLine);
    }

    [Theory]
    [InlineData("regex: \"^(md5|sha1)$\"", "md5")]
    [InlineData("kind: [identifier]", "md5,sha256")]
    [InlineData("not-regex: \"^md5$\"", "sha256")]
    public void Where_constrains_what_a_metavariable_bound(string constraint, string expected)
    {
        var match = $"all:\n  - pattern: hashlib.$ALG(x)\n  - where: {{metavariable: $ALG, {constraint}}}";

        var hits = RuleHarness.Matches("python", match, "hashlib.md5(x)\nhashlib.sha256(x)\n");

        Assert.Equal(expected.Split(','), hits.Select(h => h["hashlib.".Length..h.IndexOf('(', StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("python", "cur.execute(\"SELECT \" + name)", true)]
    [InlineData("python", "cur.execute(f\"SELECT {name}\")", true)]
    [InlineData("python", "cur.execute(\"SELECT %s\" % name)", true)]
    [InlineData("python", "cur.execute(\"SELECT {}\".format(name))", true)]
    [InlineData("python", "cur.execute(\"SELECT 1\")", false)]
    [InlineData("python", "cur.execute(\"SELECT \" + \"1\")", false)]
    [InlineData("python", "cur.execute(query)", false)]
    [InlineData("javascript", "cur.execute(`SELECT ${name}`)", true)]
    [InlineData("javascript", "cur.execute(`SELECT 1`)", false)]
    [InlineData("java", "class A { void f() { cur.execute(\"SELECT \" + name); } }", true)]
    [InlineData("java", "class A { void f() { cur.execute(String.format(\"SELECT %s\", name)); } }", true)]
    [InlineData("java", "class A { void f() { cur.execute(\"SELECT ?\"); } }", false)]
    public void Dynamic_string_tells_built_strings_from_constants_and_plain_variables(string language, string code, bool expected)
    {
        var match = "all:\n  - pattern: cur.execute($Q)\n  - where: {metavariable: $Q, dynamic-string: \"true\"}";

        var hits = RuleHarness.Matches(language, match, code);

        Assert.Equal(expected, hits.Count == 1);
    }

    [Fact]
    public void Half_written_code_is_still_scanned()
    {
        var hits = RuleHarness.Matches("python", "pattern: eval($X)", "def f(x):\n    y = eval(x)\n    return (y +");

        Assert.Single(hits);
    }

    [Fact]
    public void A_nested_match_of_the_same_rule_is_reported_once()
    {
        var hits = RuleHarness.Matches("python", "pattern: eval($X)", "eval(eval(x))");

        Assert.Equal(["eval(eval(x))"], hits);
    }
}
