using System.Text.Json;

namespace Portcullis.Cli.Tests;

public sealed class PatternsCommandTests
{
    [Fact]
    public void Markdown_guidance_for_one_language_shows_only_its_code()
    {
        var run = CliRun.Of("patterns", "--lang", "py");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# Secure coding patterns", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("```python\n", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("```java\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("enforced by rule python.sql.query-built-from-strings", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lists_each_entry_with_owner_version_and_rule()
    {
        var run = CliRun.Of("patterns", "--topic", "queries", "--format", "json");

        using var json = JsonDocument.Parse(run.Stdout);
        var patterns = json.RootElement.GetProperty("patterns").EnumerateArray().ToList();
        Assert.Equal(0, run.ExitCode);
        Assert.True(patterns.Count >= 3);
        Assert.All(patterns, p =>
        {
            Assert.Equal("queries", p.GetProperty("topic").GetString());
            Assert.False(string.IsNullOrEmpty(p.GetProperty("owner").GetString()));
            Assert.True(p.GetProperty("version").GetInt32() >= 1);
            Assert.Contains("CWE-89", p.GetProperty("cwe").EnumerateArray().Select(c => c.GetString()));
        });
    }

    [Theory]
    [InlineData("--topic", "astrology", "unknown topic")]
    [InlineData("--lang", "klingon", "unknown language")]
    [InlineData("--format", "pdf", "--format")]
    public void Bad_arguments_exit_2_with_a_message(string option, string value, string message)
    {
        var run = CliRun.Of("patterns", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
