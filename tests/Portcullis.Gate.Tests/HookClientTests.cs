using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Portcullis.Gate.Identity;
using Portcullis.HookClient;

namespace Portcullis.Gate.Tests;

/// <summary>
/// <c>portcullis-hook</c>, the native hook client, against a real gate on Kestrel with Claude Code's
/// documented PreToolUse payload: it follows the gate's decision with the hook exit codes and blocks
/// (exit 2 with the reason) whenever it cannot get a well-formed answer.
/// </summary>
public sealed class HookClientTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("portcullis-hook-client-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WritePayload(string file, string content) => ClaudePayload.Write(_dir, Path.Combine(_dir, file), content);

    private static (int Exit, string Stderr) Run(string[] args, string stdin, Dictionary<string, string>? environment = null)
    {
        var stderr = new StringWriter();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        var exit = GateHookClient.Run(args, input, stderr, name => environment?.GetValueOrDefault(name));
        return (exit, stderr.ToString());
    }

    [Fact]
    public async Task An_insecure_write_is_blocked_with_the_finding_and_recorded_in_the_ledger()
    {
        await using var host = await GateServiceHost.Start();
        var token = host.Token(Role.Agent, "claude");
        var before = host.Gate.Log.Size;

        var (exit, stderr) = Run(["--server", host.Client.BaseAddress!.ToString(), "--token", token],
            WritePayload("loader.py", "import yaml\n\ndef load(text):\n    return yaml.load(text)\n"));

        Assert.Equal(2, exit);
        Assert.Contains("python.deserialization.yaml-load", stderr, StringComparison.Ordinal);
        Assert.Contains("+    return yaml.safe_load(text)", stderr, StringComparison.Ordinal);
        Assert.Equal(before + 1, host.Gate.Log.Size);
        Assert.Equal("scan_decision", host.Gate.Log.Read(before)!.Kind);
    }

    [Fact]
    public async Task A_secure_write_is_allowed_silently_with_the_token_from_the_environment()
    {
        await using var host = await GateServiceHost.Start();
        var environment = new Dictionary<string, string> { ["PORTCULLIS_TOKEN"] = host.Token(Role.Agent, "claude") };

        var (exit, stderr) = Run(["--server", host.Client.BaseAddress!.ToString()], WritePayload("loader.py", "import yaml\n\ndef load(text):\n    return yaml.safe_load(text)\n"), environment);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task A_token_the_gate_does_not_know_blocks_with_the_gates_refusal()
    {
        await using var host = await GateServiceHost.Start();

        var (exit, stderr) = Run(["--server", host.Client.BaseAddress!.ToString(), "--token", "pc_not-a-real-token"], WritePayload("a.py", "x = 1\n"));

        Assert.Equal(2, exit);
        Assert.Contains("answered 401", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("pc_not-a-real-token", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_gate_blocks()
    {
        // A port that was free a moment ago: nothing listens there.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var (exit, stderr) = Run(["--server", $"http://127.0.0.1:{port}", "--token", "pc_token", "--timeout", "5"], WritePayload("a.py", "x = 1\n"));

        Assert.Equal(2, exit);
        Assert.Contains($"could not ask the gate at http://127.0.0.1:{port}", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--server http://127.0.0.1:1")]
    [InlineData("--server ftp://gate --token t")]
    [InlineData("--server http://127.0.0.1:1 --token t --verbose")]
    [InlineData("--server http://127.0.0.1:1 --token t --timeout never")]
    public void A_command_line_it_cannot_use_blocks(string args)
    {
        var (exit, stderr) = Run(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), WritePayload("a.py", "x = 1\n"));

        Assert.Equal(2, exit);
        Assert.StartsWith("Portcullis blocked this tool call:", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, "<html>gateway</html>", "not hook output JSON")]
    [InlineData(200, "{}", "without a permissionDecision")]
    [InlineData(200, """{"hookSpecificOutput":{"permissionDecision":"ask"}}""", "without a permissionDecision")]
    [InlineData(200, """{"hookSpecificOutput":{"permissionDecision":"deny"}}""", "denied it without a reason")]
    [InlineData(502, "bad gateway", "answered 502: bad gateway")]
    [InlineData(429, """{"error":"too many requests for this token"}""", "answered 429: too many requests for this token")]
    public void An_answer_that_is_not_a_well_formed_allow_blocks(int status, string body, string expected)
    {
        var stderr = new StringWriter();

        Assert.Equal(2, GateHookClient.Follow("http://gate", status, body, stderr));
        Assert.Contains(expected, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_well_formed_allow_allows()
    {
        var stderr = new StringWriter();

        Assert.Equal(0, GateHookClient.Follow("http://gate", 200, """{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow","permissionDecisionReason":"ok"}}""", stderr));
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public async Task As_a_process_it_exits_2_with_the_reason_on_standard_error()
    {
        await using var host = await GateServiceHost.Start();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { typeof(GateHookClient).Assembly.Location, "--server", host.Client.BaseAddress!.ToString() })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PORTCULLIS_TOKEN"] = host.Token(Role.Agent, "claude");

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(WritePayload("loader.py", "import yaml\n\ndef load(text):\n    return yaml.load(text)\n"));
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("python.deserialization.yaml-load", await stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }
}
