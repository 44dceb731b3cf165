namespace Portcullis.Cli.Tests;

public sealed class ParseCommandTests
{
    [Fact]
    public void The_tree_shows_kinds_fields_offsets_and_leaf_text()
    {
        var run = CliRun.WithInput("os.system(cmd)\n", "parse", "-", "--lang", "python");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("module [0-15]\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("    function: attribute [0-9]\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("      attribute: identifier [3-9] system\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_cut_mid_block_shows_the_error_node_that_holds_it()
    {
        var run = CliRun.WithInput("    run(x)\nelse:\n    y = 1\n", "parse", "-", "--lang", "python");

        Assert.Contains("  ERROR [4-", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("identifier [4-7] run", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "parse", "-" }, "needs --lang")]
    [InlineData(new[] { "parse", "/no/such/file.py" }, "no such file")]
    [InlineData(new[] { "parse", "-", "--lang", "klingon" }, "unknown language")]
    [InlineData(new[] { "parse" }, "one file")]
    public void Bad_arguments_exit_2_with_a_message(string[] args, string message)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }
}
