namespace Portcullis.Cli.Tests;

/// <summary>End to end: a secret goes in, and no output of any command or format carries it in clear.</summary>
public sealed class SecretsCommandTests
{
    // Built at run time so this file holds no scannable credential; the checksum makes it a valid GitHub format.
    private static readonly string GitHubToken = MakeGitHubToken();
    private static readonly string StripeKey = "sk_live_" + "4QbW9xZk2LmN7pRt5VyC8dFh";
    private const string Password = "Tr0ub4dor&3x!Qz";

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void A_scan_blocks_and_no_format_prints_the_raw_secret(string format)
    {
        using var scratch = new ScratchDirectory();
        var python = scratch.Write("app.py", $"import os\n\nstripe_key = \"{StripeKey}\"\ndb_password = \"{Password}\"\nGH = \"{GitHubToken}\"\n");
        var env = scratch.Write("settings.json", $"{{\"github_token\": \"{GitHubToken}\"}}");
        var run = CliRun.Of("scan", python, env, "--format", format);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("secrets.", run.Stdout, StringComparison.Ordinal);
        AssertNoSecret(run);
    }

    [Fact]
    public void Fix_shows_environment_lookups_with_the_secrets_masked_in_the_diff()
    {
        using var scratch = new ScratchDirectory();
        var python = scratch.Write("app.py", $"import os\n\nstripe_key = \"{StripeKey}\"\ndb_password = \"{Password}\"\n");
        var run = CliRun.Of("fix", python);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("os.environ[\"STRIPE_SECRET_KEY\"]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("os.environ[\"DB_PASSWORD\"]", run.Stdout, StringComparison.Ordinal);
        AssertNoSecret(run);
        var written = CliRun.Of("fix", python, "--write");
        AssertNoSecret(written);
        Assert.DoesNotContain(StripeKey, File.ReadAllText(python), StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_text_finds_a_secret_in_a_prompt_and_redact_prints_it_masked()
    {
        var prompt = $"Please debug this: the deploy fails with token {GitHubToken} and password={Password}\nThanks!";
        var listed = CliRun.WithInput(prompt, "scan-text");
        Assert.Equal(1, listed.ExitCode);
        Assert.Contains("secrets.github-token", listed.Stdout, StringComparison.Ordinal);
        AssertNoSecret(listed);
        var redacted = CliRun.WithInput(prompt, "scan-text", "--redact");
        Assert.Equal(1, redacted.ExitCode);
        Assert.StartsWith("Please debug this: the deploy fails with token ghp_…[secret:", redacted.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\nThanks!", redacted.Stdout, StringComparison.Ordinal);
        AssertNoSecret(redacted);
    }

    [Fact]
    public void Scan_text_allows_a_prompt_with_only_lookups_and_placeholders()
    {
        var run = CliRun.WithInput("Use os.environ[\"GITHUB_TOKEN\"] and set STRIPE_KEY=<YOUR_STRIPE_KEY> before running.", "scan-text");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
    }

    private static void AssertNoSecret(CliRun run)
    {
        foreach (var secret in new[] { GitHubToken, StripeKey, Password })
        {
            Assert.DoesNotContain(secret[4..], run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(secret[4..], run.Stderr, StringComparison.Ordinal);
        }
    }

    private static string MakeGitHubToken()
    {
        const string body = "Xk7pQ2mZ9vR4tY8wB3nL6sD1fG5hJ0";
        return "ghp_" + body + Portcullis.Secrets.Providers.Checksums.EncodeBase62(Portcullis.Secrets.Providers.Checksums.Crc32(System.Text.Encoding.ASCII.GetBytes(body)), 6);
    }
}
