using System.Text.Json;

namespace Portcullis.Cli.Tests;

public sealed class ScanCommandTests
{
    private const string Insecure = "import yaml\ndef read(t):\n    return yaml.load(t)\n";
    private const string Secure = "import yaml\ndef read(t):\n    return yaml.safe_load(t)\n";

    [Fact]
    public void A_blocking_finding_exits_1_and_clean_code_exits_0()
    {
        using var dir = new ScratchDirectory();

        Assert.Equal(1, CliRun.Of("scan", dir.Write("bad.py", Insecure)).ExitCode);
        Assert.Equal(0, CliRun.Of("scan", dir.Write("good.py", Secure)).ExitCode);
    }

    [Fact]
    public void Standard_input_is_scanned_with_an_explicit_language()
    {
        var run = CliRun.WithInput(Insecure, "scan", "-", "--lang", "py", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("block", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("<stdin>", json.RootElement.GetProperty("findings")[0].GetProperty("path").GetString());
    }

    [Fact]
    public void Standard_input_without_a_language_is_a_usage_error()
    {
        var run = CliRun.WithInput(Insecure, "scan", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("needs --lang", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_follows_the_contract()
    {
        var run = CliRun.WithInput(Insecure, "scan", "-", "--lang", "python", "--format", "json");

        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("portcullis", root.GetProperty("tool").GetProperty("name").GetString());
        var finding = root.GetProperty("findings")[0];
        string[] fields = ["ruleId", "severity", "confidence", "cwe", "owasp", "swc", "message", "path", "startLine", "startColumn", "endLine", "endColumn", "snippet", "fingerprint", "suppressed", "fix"];
        Assert.Equal(fields, finding.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("CWE-502", finding.GetProperty("cwe")[0].GetString());
        var fix = finding.GetProperty("fix");
        Assert.True(fix.GetProperty("verified").GetBoolean());
        Assert.Contains("yaml.safe_load(t)", fix.GetProperty("fixedCode").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_goes_to_a_file_when_asked()
    {
        using var dir = new ScratchDirectory();
        var output = System.IO.Path.Combine(dir.Path, "out.sarif");

        var run = CliRun.WithInput(Insecure, "scan", "-", "--lang", "python", "--format", "sarif", "--output", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_scan_respects_gitignore_and_skips_vendored_folders()
    {
        using var dir = new ScratchDirectory();
        dir.Write(".gitignore", "generated/\n*.tmp.py\n!keep.tmp.py\n");
        dir.Write("generated/bad.py", Insecure);
        dir.Write("node_modules/pkg/bad.py", Insecure);
        dir.Write("x.tmp.py", Insecure);
        dir.Write("keep.tmp.py", Insecure);
        dir.Write("src/app.py", Insecure);

        var run = CliRun.Of("scan", dir.Path, "--format", "json");

        using var json = JsonDocument.Parse(run.Stdout);
        var paths = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => System.IO.Path.GetRelativePath(dir.Path, f.GetProperty("path").GetString()!)).Order().ToArray();
        Assert.Equal(["keep.tmp.py", System.IO.Path.Combine("src", "app.py")], paths);
    }

    [Fact]
    public void A_baseline_hides_known_findings_and_reports_new_ones()
    {
        using var dir = new ScratchDirectory();
        var file = dir.Write("app.py", Insecure);
        var baseline = System.IO.Path.Combine(dir.Path, "baseline.json");

        Assert.Equal(0, CliRun.Of("baseline", "create", file, "--output", baseline).ExitCode);
        Assert.Equal(0, CliRun.Of("scan", file, "--baseline", baseline).ExitCode);

        File.WriteAllText(file, "import os\n" + Insecure + "def more(c):\n    eval(c)\n");
        var run = CliRun.Of("scan", file, "--baseline", baseline, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("python.code.eval-exec", finding.GetProperty("ruleId").GetString());
    }

    [Fact]
    public void Diff_mode_reports_only_findings_on_changed_lines()
    {
        using var dir = new ScratchDirectory();
        var file = dir.Write("app.py", Insecure);
        Git(dir.Path, "init", "-q");
        Git(dir.Path, "-c", "user.name=t", "-c", "user.email=t@t", "add", ".");
        Git(dir.Path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base");
        File.AppendAllText(file, "def more(c):\n    eval(c)\n");

        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = dir.Path;
        try
        {
            var run = CliRun.Of("scan", "app.py", "--diff", "HEAD", "--format", "json");

            using var json = JsonDocument.Parse(run.Stdout);
            var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal(5, finding.GetProperty("startLine").GetInt32());
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void Corpus_mode_answers_one_json_line_per_record()
    {
        using var dir = new ScratchDirectory();
        var corpus = dir.Write("c.jsonl", """
            {"id": "a", "language": "python", "code": "import yaml\nyaml.load(x)\n"}
            {"id": "b", "language": "python", "code": "print(1)\n"}
            """);

        var run = CliRun.Of("scan", "--corpus", corpus);

        var lines = run.Stdout.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["a", "b"], lines.Select(l => l.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(["block", "allow"], lines.Select(l => l.GetProperty("verdict").GetString()!).ToArray());
        Assert.All(lines, l => Assert.True(l.GetProperty("durationMs").GetDouble() >= 0));
        Assert.Equal(["id", "verdict", "findings", "durationMs"], lines[1].EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void A_malformed_corpus_record_blocks_that_record_and_exits_2()
    {
        using var dir = new ScratchDirectory();
        var corpus = dir.Write("c.jsonl", "{\"id\": \"a\", \"language\": \"python\", \"code\": \"print(1)\"}\n{not json\n");

        var run = CliRun.Of("scan", "--corpus", corpus);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("\"verdict\":\"block\"", run.Stdout.Split('\n')[1], StringComparison.Ordinal);
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}

public sealed class FixCommandTests
{
    [Fact]
    public void Fix_shows_diffs_and_writes_only_when_asked()
    {
        using var dir = new ScratchDirectory();
        var code = "import hashlib\nimport yaml\n\ndef f(t):\n    return yaml.load(t), hashlib.md5(t).hexdigest()\n";
        var file = dir.Write("app.py", code);

        var shown = CliRun.Of("fix", file);

        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("+    return yaml.safe_load(t), hashlib.sha256(t).hexdigest()", shown.Stdout, StringComparison.Ordinal);
        Assert.Equal(code, File.ReadAllText(file));

        var written = CliRun.Of("fix", file, "--write");

        Assert.Contains("applied 2 verified fix(es)", written.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("scan", file).ExitCode);
        Assert.Contains("yaml.safe_load(t), hashlib.sha256(t)", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_appends_one_verifiable_decision_per_file_to_the_ledger()
    {
        using var dir = new ScratchDirectory();
        dir.Write("src/a.py", "import yaml\nyaml.load(t)\n");
        dir.Write("src/b.py", "x = 1\n");
        var ledger = Path.Combine(dir.Path, "ledger");

        var run = CliRun.Of("scan", Path.Combine(dir.Path, "src"), "--record", ledger);
        var verify = CliRun.Of("ledger", "verify", "--data", ledger);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("recorded 2 decision(s)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("2 entries", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_that_cannot_be_recorded_is_an_error()
    {
        using var dir = new ScratchDirectory();
        var file = dir.Write("a.py", "x = 1\n");
        var notAFolder = dir.Write("ledger", "a file where the ledger folder should be");

        var run = CliRun.Of("scan", file, "--record", notAFolder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot record", run.Stderr, StringComparison.Ordinal);
    }
}
