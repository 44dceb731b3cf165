namespace Portcullis.Cli.Tests;

/// <summary>Each bad input gets a clear message and exit code 2: never a crash, a hang or an allow.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void A_binary_file_is_refused()
    {
        using var dir = new ScratchDirectory();
        var file = System.IO.Path.Combine(dir.Path, "blob.py");
        File.WriteAllBytes(file, [0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]);

        var run = CliRun.Of("scan", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("binary data", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        using var dir = new ScratchDirectory();
        var file = System.IO.Path.Combine(dir.Path, "latin1.py");
        File.WriteAllBytes(file, [.. "x = '"u8, 0xE9, 0xFF, .. "'\n"u8]);

        var run = CliRun.Of("scan", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not valid UTF-8", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_50_MB_file_is_refused_without_being_read()
    {
        using var dir = new ScratchDirectory();
        var file = System.IO.Path.Combine(dir.Path, "huge.py");
        using (var stream = File.Create(file))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var run = CliRun.Of("scan", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("over the 5,242,880-byte limit", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_deep_nesting_is_scanned()
    {
        using var dir = new ScratchDirectory();
        var file = dir.Write("deep.py", "x = " + new string('[', 10_000) + new string(']', 10_000) + "\neval(y)\n");

        var run = CliRun.Of("scan", file);

        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void An_empty_input_is_allowed_and_says_so()
    {
        using var dir = new ScratchDirectory();
        var file = dir.Write("empty.py", "");

        var run = CliRun.Of("scan", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("is empty: nothing to scan", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_extension_needs_an_explicit_language()
    {
        using var dir = new ScratchDirectory();
        var file = dir.Write("notes.xyz", "eval(x)");

        var run = CliRun.Of("scan", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pass --lang", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, CliRun.Of("scan", file, "--lang", "python").ExitCode);
    }

    [Fact]
    public void A_malformed_rule_file_names_file_and_line()
    {
        using var dir = new ScratchDirectory();
        var rules = dir.Write("rules/bad.yaml", "rules:\n  - id: x.y\n    languages: [python]\n    severity: extreme\n");

        var run = CliRun.Of("scan", "--rules", rules, dir.Write("a.py", "print(1)"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.yaml:4: rule 'x.y': 'extreme' is not one of", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_rule_whose_pattern_does_not_parse_is_not_loaded()
    {
        using var dir = new ScratchDirectory();
        var rules = dir.Write("rules/r.yaml", """
            rules:
              - id: user.broken
                languages: [python]
                severity: high
                confidence: high
                cwe: [CWE-94]
                message: m
                match: "eval(((("
                tests:
                  match: ["eval(x)"]
                  no-match: ["print(x)"]
            """);

        var run = CliRun.Of("scan", "--rules", rules, dir.Write("a.py", "print(1)"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("rule 'user.broken' not loaded", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not parse as python", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan", "--frobnicate")]
    [InlineData("scan", "--format", "xml", "x.py")]
    [InlineData("explode")]
    [InlineData("scan", "/no/such/path")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("portcullis: ", run.Stderr, StringComparison.Ordinal);
    }
}
