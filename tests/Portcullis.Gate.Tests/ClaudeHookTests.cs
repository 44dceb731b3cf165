using System.Text.Json;
using Portcullis.Cli.Commands;

namespace Portcullis.Gate.Tests;

/// <summary>
/// The Claude Code hook end to end, with payloads in the shape Claude Code documents for PreToolUse
/// (session_id, transcript_path, cwd, permission_mode, hook_event_name, tool_name, tool_input, tool_use_id).
/// </summary>
public sealed class ClaudeHookTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("portcullis-hook-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Payload(string tool, object input) => ClaudePayload.Json(_dir, tool, input);

    private static (int Code, string Stderr) Hook(string payload, params string[] flags)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandDispatcher.Run(["hook", "claude", .. flags], new StringReader(payload), stdout, stderr);
        return (code, stderr.ToString());
    }

    private const string YamlLoad = "import yaml\n\ndef load(text):\n    return yaml.load(text)\n";

    [Fact]
    public void The_in_process_hook_decides_with_the_yaml_policy_given_to_it()
    {
        var looser = Path.Combine(_dir, "policy.yaml");
        File.WriteAllText(looser, Portcullis.Gate.Policy.GatePolicy.Default.Text.Replace("block:\n  severity: high", "block:\n  severity: critical", StringComparison.Ordinal));
        var payload = Payload("Write", new { file_path = Path.Combine(_dir, "loader.py"), content = YamlLoad });

        var byDefault = Hook(payload);
        var byLooserPolicy = Hook(payload, "--policy", looser);
        var brokenPolicy = Hook(payload, "--policy", Path.Combine(_dir, "missing.yaml"));

        Assert.Equal(2, byDefault.Code);
        Assert.Equal(0, byLooserPolicy.Code);
        Assert.Equal(2, brokenPolicy.Code);
        Assert.Contains("could not check it", brokenPolicy.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_in_process_hook_blocks_protected_paths_whatever_the_scan_says()
    {
        var (code, stderr) = Hook(Payload("Write", new { file_path = Path.Combine(_dir, ".github", "workflows", "ci.yml"), content = "on: push\njobs: {}\n" }));

        Assert.Equal(2, code);
        Assert.Contains("protected path", stderr, StringComparison.Ordinal);
        Assert.Contains(".github/workflows/**", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_process_hook_applies_the_active_policy_of_a_gate_data_folder()
    {
        await using var host = await GateServiceHost.Start();
        var admin = host.Token(Portcullis.Gate.Identity.Role.Admin, "alice");
        var stricter = Portcullis.Gate.Policy.GatePolicy.Default.Text
            .Replace("version: 1", "version: 2", StringComparison.Ordinal)
            .Replace("protectedPaths:\n", "protectedPaths:\n  - \"deploy/**\"\n", StringComparison.Ordinal);
        var (status, _) = await host.Send(HttpMethod.Put, "/v1/policy", admin, stricter, "application/yaml");
        var payload = Payload("Write", new { file_path = "deploy/run.sh", content = "echo hello\n" });

        var withDefault = Hook(payload);
        var withGatePolicy = Hook(payload, "--data", host.DataDirectory);
        var missingState = Hook(payload, "--data", Path.Combine(_dir, "nowhere"));

        Assert.Equal(200, status);
        Assert.Equal(0, withDefault.Code);
        Assert.Equal(2, withGatePolicy.Code);
        Assert.Contains("'deploy/**' in policy 2", withGatePolicy.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, missingState.Code);
    }

    [Fact]
    public void A_write_of_insecure_code_is_blocked_with_the_finding_and_its_verified_fix()
    {
        var path = Path.Combine(_dir, "settings_loader.py");

        var (code, stderr) = Hook(Payload("Write", new { file_path = path, content = "import yaml\n\ndef load(text):\n    return yaml.load(text)\n" }));

        Assert.Equal(2, code);
        Assert.Contains("python.deserialization.yaml-load", stderr, StringComparison.Ordinal);
        Assert.Contains("CWE-502", stderr, StringComparison.Ordinal);
        Assert.Contains("+    return yaml.safe_load(text)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_of_secure_code_is_allowed()
    {
        var (code, stderr) = Hook(Payload("Write", new { file_path = Path.Combine(_dir, "ok.py"), content = "import yaml\n\ndef load(text):\n    return yaml.safe_load(text)\n" }));

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void An_edit_is_checked_on_the_file_it_would_leave()
    {
        var path = Path.Combine(_dir, "db.py");
        File.WriteAllText(path, "def find(cur, name):\n    cur.execute(\"SELECT * FROM t WHERE name = ?\", (name,))\n");

        var (code, stderr) = Hook(Payload("Edit", new
        {
            file_path = path,
            old_string = "cur.execute(\"SELECT * FROM t WHERE name = ?\", (name,))",
            new_string = "cur.execute(\"SELECT * FROM t WHERE name = '\" + name + \"'\")",
            replace_all = false,
        }));

        Assert.Equal(2, code);
        Assert.Contains("python.sql.query-built-from-strings", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_elsewhere_in_a_file_with_an_old_finding_is_allowed()
    {
        var path = Path.Combine(_dir, "legacy.py");
        File.WriteAllText(path, "import hashlib, os\nimport yaml\n\ndef legacy(t):\n    return yaml.load(t)\n\nX = 1\n");

        var (code, _) = Hook(Payload("Edit", new { file_path = path, old_string = "X = 1", new_string = "X = 2" }));

        Assert.Equal(0, code);
    }

    [Fact]
    public void A_multi_edit_applies_every_edit_in_order()
    {
        var path = Path.Combine(_dir, "m.py");
        File.WriteAllText(path, "import subprocess\n\ndef run(host):\n    pass\n");

        var (code, stderr) = Hook(Payload("MultiEdit", new
        {
            file_path = path,
            edits = new object[]
            {
                new { old_string = "    pass", new_string = "    cmd = host" },
                new { old_string = "    cmd = host", new_string = "    subprocess.run(\"ping \" + host, shell=True)" },
            },
        }));

        Assert.Equal(2, code);
        Assert.Contains("python.command.injection", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notebook_cell_is_scanned_as_python()
    {
        var (code, stderr) = Hook(Payload("NotebookEdit", new { notebook_path = Path.Combine(_dir, "n.ipynb"), cell_id = "c1", new_source = "import pickle\nobj = pickle.loads(blob)\n", edit_mode = "replace" }));

        Assert.Equal(2, code);
        Assert.Contains("python.deserialization.pickle", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"tool_name\": \"Write\"}")]
    [InlineData("{\"tool_name\": \"Write\", \"tool_input\": {\"content\": \"x\"}}")]
    public void A_payload_the_hook_cannot_understand_blocks(string payload)
    {
        var (code, stderr) = Hook(payload);

        Assert.Equal(2, code);
        Assert.StartsWith("Portcullis blocked this tool call because it could not check it", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_whose_old_string_is_missing_blocks()
    {
        var path = Path.Combine(_dir, "x.py");
        File.WriteAllText(path, "a = 1\n");

        var (code, stderr) = Hook(Payload("Edit", new { file_path = path, old_string = "b = 2", new_string = "b = 3" }));

        Assert.Equal(2, code);
        Assert.Contains("old_string not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tools_that_write_no_code_are_allowed()
    {
        Assert.Equal(0, Hook(Payload("Read", new { file_path = "/etc/hosts" })).Code);
    }

    [Fact]
    public void Init_adds_the_hook_once_and_keeps_other_settings()
    {
        var settings = Path.Combine(_dir, ".claude", "settings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(settings)!);
        File.WriteAllText(settings, "{\"model\": \"opus\", \"hooks\": {\"Stop\": []}}");

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(0, CommandDispatcher.Run(["init", "claude", "--dir", _dir], new StringReader(""), new StringWriter(), new StringWriter()));
        }

        using var json = JsonDocument.Parse(File.ReadAllText(settings));
        Assert.Equal("opus", json.RootElement.GetProperty("model").GetString());
        var entry = Assert.Single(json.RootElement.GetProperty("hooks").GetProperty("PreToolUse").EnumerateArray());
        Assert.Equal("Write|Edit|MultiEdit|NotebookEdit", entry.GetProperty("matcher").GetString());
        var hook = Assert.Single(entry.GetProperty("hooks").EnumerateArray());
        Assert.Equal("portcullis hook claude", hook.GetProperty("command").GetString());
        Assert.Equal("block", hook.GetProperty("onFailure").GetString());
    }

    [Fact]
    public void Init_with_a_server_adds_an_http_hook_that_blocks_when_the_gate_cannot_answer()
    {
        Assert.Equal(0, CommandDispatcher.Run(["init", "claude", "--dir", _dir, "--server", "http://127.0.0.1:8787"], new StringReader(""), new StringWriter(), new StringWriter()));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, ".claude", "settings.json")));
        var hook = Assert.Single(Assert.Single(json.RootElement.GetProperty("hooks").GetProperty("PreToolUse").EnumerateArray()).GetProperty("hooks").EnumerateArray());
        Assert.Equal("http", hook.GetProperty("type").GetString());
        Assert.Equal("http://127.0.0.1:8787/v1/hooks/claude", hook.GetProperty("url").GetString());
        Assert.Equal("Bearer $PORTCULLIS_TOKEN", hook.GetProperty("headers").GetProperty("Authorization").GetString());
        Assert.Equal("PORTCULLIS_TOKEN", Assert.Single(hook.GetProperty("allowedEnvVars").EnumerateArray()).GetString());
        Assert.Equal("block", hook.GetProperty("onFailure").GetString());
        Assert.Equal(2, CommandDispatcher.Run(["init", "claude", "--dir", _dir, "--server", "ftp://gate"], new StringReader(""), new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Init_with_a_server_and_the_native_client_adds_a_command_hook_without_the_token()
    {
        var client = Path.Combine(_dir, "bin dir", "portcullis-hook");
        Directory.CreateDirectory(Path.GetDirectoryName(client)!);
        File.WriteAllText(client, "");

        Assert.Equal(0, CommandDispatcher.Run(["init", "claude", "--dir", _dir, "--server", "http://127.0.0.1:8787", "--client", client], new StringReader(""), new StringWriter(), new StringWriter()));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, ".claude", "settings.json")));
        var hook = Assert.Single(Assert.Single(json.RootElement.GetProperty("hooks").GetProperty("PreToolUse").EnumerateArray()).GetProperty("hooks").EnumerateArray());
        Assert.Equal("command", hook.GetProperty("type").GetString());
        Assert.Equal($"'{client}' --server http://127.0.0.1:8787/", hook.GetProperty("command").GetString());
        Assert.Equal("block", hook.GetProperty("onFailure").GetString());
        Assert.Equal(2, CommandDispatcher.Run(["init", "claude", "--dir", _dir, "--client", client], new StringReader(""), new StringWriter(), new StringWriter()));
        Assert.Equal(2, CommandDispatcher.Run(["init", "claude", "--dir", _dir, "--server", "http://127.0.0.1:8787", "--client", Path.Combine(_dir, "missing")], new StringReader(""), new StringWriter(), new StringWriter()));
    }
}
