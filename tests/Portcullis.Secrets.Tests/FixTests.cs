using Portcullis.Core;
using static Portcullis.Secrets.Tests.SecretsScan;

namespace Portcullis.Secrets.Tests;

public sealed class FixTests
{
    private static readonly string StripeKey = "sk_live_" + RandomOf(Base62, 24, 80);

    [Theory]
    [InlineData("python", "import stripe\n\nstripe.api_key = \"{0}\"\n", "os.environ[\"STRIPE_API_KEY\"]", "import os\n")]
    [InlineData("python", "client = Client(\"{0}\")\n", "os.environ[\"STRIPE_SECRET_KEY\"]", "import os\n")]
    [InlineData("javascript", "const stripeSecretKey = \"{0}\";\n", "process.env.STRIPE_SECRET_KEY", null)]
    [InlineData("java", "class Pay {{ private static final String STRIPE_KEY = \"{0}\"; }}\n", "System.getenv(\"STRIPE_SECRET_KEY\")", null)]
    [InlineData("csharp", "class Pay {{ static string stripeSecret = \"{0}\"; }}\n", "Environment.GetEnvironmentVariable(\"STRIPE_SECRET\")", null)]
    [InlineData("go", "package main\n\nvar stripeToken = \"{0}\"\n", "os.Getenv(\"STRIPE_TOKEN\")", "import \"os\"")]
    [InlineData("php", "$stripeToken = \"{0}\";\n", "getenv('STRIPE_TOKEN')", null)]
    public void A_hardcoded_key_becomes_a_verified_environment_lookup(string language, string template, string lookup, string? import)
    {
        var code = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, StripeKey);
        var findings = Run(code, language, verifyFixes: true);
        var fixedFinding = findings.First(f => f.RuleId == "secrets.stripe-key" && f.Fix is { Verified: true });
        Assert.Contains(lookup, fixedFinding.Fix!.FixedCode, StringComparison.Ordinal);
        if (import is not null)
        {
            Assert.Contains(import, fixedFinding.Fix.FixedCode, StringComparison.Ordinal);
        }
        foreach (var finding in findings.Where(f => f.Fix is not null))
        {
            Assert.DoesNotContain(StripeKey, finding.Fix!.Diff, StringComparison.Ordinal);
            Assert.DoesNotContain(StripeKey, finding.Fix.DisplayCode, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("yaml", "config.yaml", "payments:\n  stripe_secret: {0}\n", "  stripe_secret: ${{STRIPE_SECRET}}\n")]
    [InlineData("json", "settings.json", "{{\n  \"stripeSecret\": \"{0}\"\n}}\n", "\"stripeSecret\": \"${{STRIPE_SECRET}}\"")]
    [InlineData("dotenv", ".env", "STRIPE_SECRET_KEY={0}\n", "STRIPE_SECRET_KEY=${{STRIPE_SECRET_KEY}}\n")]
    [InlineData("bash", "deploy.sh", "curl -u \"{0}:\" https://api.stripe.com/v1/charges\n", "curl -u \"${{STRIPE_SECRET_KEY}}:\"")]
    [InlineData("text", "prompt.txt", "Use the key {0} to call the payments API.\n", "Use the key ${{STRIPE_SECRET_KEY}} to call")]
    [InlineData("text", "Makefile", "deploy:\n\tSTRIPE={0} ./deploy.sh\n", "\tSTRIPE=$(STRIPE) ./deploy.sh")]
    public void A_secret_outside_code_becomes_a_verified_reference_to_the_environment(string language, string path, string template, string expected)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, StripeKey);
        var findings = Run(text, language, verifyFixes: true, path: path);

        var finding = Assert.Single(findings, f => f.Fix is { Verified: true });
        // The expected text is a format string too: "${{NAME}}" stands for "${NAME}".
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected), finding.Fix!.FixedCode, StringComparison.Ordinal);
        Assert.DoesNotContain(StripeKey, finding.Fix.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shell_secret_between_single_quotes_gets_no_reference_the_shell_would_not_expand()
    {
        var findings = Run($"curl -u '{StripeKey}:' https://api.stripe.com/v1/charges\n", "bash", verifyFixes: true, path: "deploy.sh");

        Assert.All(findings, f => Assert.Null(f.Fix));
        Assert.NotEmpty(findings);
    }

    [Fact]
    public void A_generic_password_fix_is_named_after_the_variable()
    {
        var findings = Run("db_password = \"Tr0ub4dor&3x!Qz\"\n", "python", verifyFixes: true);
        var finding = Assert.Single(findings);
        Assert.Contains("os.environ[\"DB_PASSWORD\"]", finding.Fix!.FixedCode, StringComparison.Ordinal);
        Assert.DoesNotContain("Tr0ub4dor", finding.Fix.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Documentation_examples_get_no_fix_and_do_not_block()
    {
        var finding = Assert.Single(Run("key = \"AKIAIOSFODNN7EXAMPLE\"\n", "python", verifyFixes: true));
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Null(finding.Fix);
    }
}
