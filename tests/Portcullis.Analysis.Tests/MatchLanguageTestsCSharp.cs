namespace Portcullis.Analysis.Tests;

/// <summary>Matcher behaviour specific to the C# grammar (top-level statements, argument nodes).</summary>
public sealed class MatchLanguageTestsCSharp
{
    [Fact]
    public void A_statement_sequence_with_an_ellipsis_line_matches_inside_a_method_body()
    {
        // The pattern parses as top-level statements (each in a global_statement) and a lone "..."
        // line is not an expression statement in C#: both must still match code inside a method.
        var match = "pattern: |\n  var $DOC = new XmlDocument();\n  ...\n  $DOC.Load($F);";
        var code = "class A {\n  void F(string f) {\n    var doc = new XmlDocument();\n    Log(f);\n    doc.Load(f);\n  }\n  void G(string f) {\n    var doc = new XmlDocument();\n    other.Load(f);\n  }\n}\n";

        var hit = Assert.Single(RuleHarness.Matches("csharp", match, code));

        Assert.StartsWith("var doc = new XmlDocument();", hit, StringComparison.Ordinal);
        Assert.EndsWith("doc.Load(f);", hit, StringComparison.Ordinal);
    }

    [Fact]
    public void Dynamic_string_looks_through_the_argument_node_of_a_call()
    {
        var match = "all:\n  - pattern: Run($CMD)\n  - where: {metavariable: $CMD, dynamic-string: \"true\"}";
        var code = "class A {\n  void F(string h) {\n    Run(\"ping \" + h);\n    Run($\"ping {h}\");\n    Run(h);\n    Run(\"ping\");\n  }\n}\n";

        var hits = RuleHarness.Matches("csharp", match, code);

        Assert.Equal(["Run(\"ping \" + h)", "Run($\"ping {h}\")"], hits);
    }
}
