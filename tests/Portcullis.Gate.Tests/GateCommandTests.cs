using Portcullis.Cli.Commands;
using Portcullis.Gate.Identity;

namespace Portcullis.Gate.Tests;

/// <summary>The gate's CLI commands against a running service: token issue on its data folder, hook --server, policy, override.</summary>
public sealed class GateCommandTests
{
    private static (int Code, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandDispatcher.Run(args, new StringReader(stdin), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string WritePayload(string path, string content) => ClaudePayload.Write("/tmp", path, content);

    [Fact]
    public async Task A_token_issued_on_the_data_folder_works_against_the_running_service_and_the_log_stays_consistent()
    {
        await using var host = await GateServiceHost.Start();
        var warmup = host.Token(Role.Admin, "alice");
        await host.Send(HttpMethod.Get, "/v1/policy", warmup);

        var (code, stdout, stderr) = Run("", "token", "issue", "--role", "agent", "--subject", "claude", "--task", "T-7", "--repo", "acme/shop", "--ref", "main", "--data", host.DataDirectory);
        var token = stdout.Trim();
        var (status, body) = await host.Post("/v1/scan", token, new { code = "x = 1\n", language = "python" });

        Assert.Equal(0, code);
        Assert.Contains("issued agent token", stderr, StringComparison.Ordinal);
        Assert.Equal(200, status);
        // Entries: admin token, agent token (other process view), then this scan.
        Assert.Equal(2, body.GetProperty("receipt").GetProperty("index").GetInt64());
    }

    [Fact]
    public async Task Hook_in_server_mode_blocks_with_the_reason_and_allows_clean_writes()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");
        var server = host.Client.BaseAddress!.ToString();

        var blocked = Run(WritePayload("/tmp/portcullis-x/loader.py", "import yaml\n\ndef load(text):\n    return yaml.load(text)\n"), "hook", "claude", "--server", server, "--token", agent);
        var allowed = Run(WritePayload("/tmp/portcullis-x/ok.py", "x = 1\n"), "hook", "claude", "--server", server, "--token", agent);
        var noToken = Run(WritePayload("/tmp/portcullis-x/ok.py", "x = 1\n"), "hook", "claude", "--server", server, "--token", "pcg_0123456789abcdef_wrong");
        var noServer = Run(WritePayload("/tmp/portcullis-x/ok.py", "x = 1\n"), "hook", "claude", "--server", "http://127.0.0.1:1", "--token", agent);

        Assert.Equal(2, blocked.Code);
        Assert.Contains("python.deserialization.yaml-load", blocked.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, allowed.Code);
        Assert.Equal(2, noToken.Code);
        Assert.Contains("401", noToken.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, noServer.Code);
    }

    [Fact]
    public async Task Policy_and_override_commands_go_through_the_server_and_its_roles()
    {
        await using var host = await GateServiceHost.Start();
        var developer = host.Token(Role.Developer, "dana");
        var server = host.Client.BaseAddress!.ToString();

        var show = Run("", "policy", "show", "--server", server, "--token", developer);
        var set = Run("", "policy", "set", "/dev/null", "--server", server, "--token", developer);
        var unknown = Run("", "override", "request", "feedfacefeedface", "--reason", "x", "--server", server, "--token", developer);

        Assert.Equal(0, show.Code);
        Assert.Contains(host.Gate.Policies.Current.Digest, show.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, set.Code);
        Assert.Contains("403", set.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, unknown.Code);
        Assert.Contains("404", unknown.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("serve", "--data", "/tmp/x", "--listen", "nonsense")]
    [InlineData("token", "issue", "--role", "wizard", "--data", "/tmp/portcullis-token-bad")]
    [InlineData("token", "issue", "--role", "agent", "--data", "/tmp/portcullis-token-bad")]
    [InlineData("policy", "check", "/nonexistent/policy.yaml")]
    [InlineData("override", "approve")]
    public void Bad_input_exits_2_with_a_message(params string[] args)
    {
        var (code, _, stderr) = Run("", args);

        Assert.Equal(2, code);
        Assert.StartsWith("portcullis: ", stderr, StringComparison.Ordinal);
    }
}
