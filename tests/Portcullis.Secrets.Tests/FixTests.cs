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
