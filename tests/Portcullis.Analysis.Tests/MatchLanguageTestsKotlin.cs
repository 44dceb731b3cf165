namespace Portcullis.Analysis.Tests;

/// <summary>Kotlin string templates in the constant and dynamic-string constraints.</summary>
public sealed class MatchLanguageTestsKotlin
{
    [Fact]
    public void A_simple_string_template_reference_is_a_built_string_and_not_constant()
    {
        var dynamic = "all:\n  - pattern: run($CMD)\n  - where: {metavariable: $CMD, dynamic-string: \"true\"}";
        var nonConstant = "all:\n  - pattern: run($CMD)\n  - where: {metavariable: $CMD, constant: \"false\"}";
        const string code = "fun f(host: String) {\n  run(\"ping $host\")\n  run(\"ping ${host}\")\n  run(\"costs 5 $\")\n  run(\"ping\")\n}\n";

        Assert.Equal(["run(\"ping $host\")", "run(\"ping ${host}\")"], RuleHarness.Matches("kotlin", dynamic, code));
        Assert.Equal(["run(\"ping $host\")", "run(\"ping ${host}\")"], RuleHarness.Matches("kotlin", nonConstant, code));
    }
}
