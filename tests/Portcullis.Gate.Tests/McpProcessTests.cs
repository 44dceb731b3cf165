using System.Diagnostics;
using System.Text.Json;
using Portcullis.Ledger;
using Portcullis.Ledger.Checkpoints;
using Portcullis.Ledger.Entries;

namespace Portcullis.Gate.Tests;

/// <summary>
/// <c>portcullis mcp</c> as a client runs it: the real process, newline-delimited JSON-RPC 2.0 on its
/// standard input and output, the MCP lifecycle (initialize, initialized, tools/list, tools/call), and
/// the decisions it records in the data folder's ledger.
/// </summary>
public sealed class McpProcessTests
{
    private const string YamlLoad = "import yaml\n\ndef load(text):\n    return yaml.load(text)\n";

    [Fact]
    public async Task The_scan_tool_answers_verdict_findings_and_fixes_over_stdio_and_records_each_decision_in_the_ledger()
    {
        var data = Directory.CreateTempSubdirectory("portcullis-mcp-").FullName;
        try
        {
            await using (var mcp = McpProcess.Start("--data", data, "--subject", "claude", "--task", "T-5", "--repo", "acme/shop", "--ref", "main"))
            {
                var init = await mcp.Call(1, "initialize", new { protocolVersion = "2025-06-18", capabilities = new { }, clientInfo = new { name = "test-client", version = "1.0" } });
                await mcp.Notify("notifications/initialized");
                var list = await mcp.Call(2, "tools/list", new { });
                var blocked = await mcp.Call(3, "tools/call", new { name = "scan", arguments = new { code = YamlLoad, path = "app/loader.py", kind = "function" } });
                var allowed = await mcp.Call("four", "tools/call", new { name = "scan", arguments = new { code = "x = 1\n", language = "python" } });
                var protectedPath = await mcp.Call(5, "tools/call", new { name = "scan", arguments = new { code = "on: push\n", path = ".github/workflows/ci.yml" } });

                Assert.Equal("2025-06-18", init.GetProperty("result").GetProperty("protocolVersion").GetString());
                Assert.Equal("portcullis", init.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());
                Assert.False(init.GetProperty("result").GetProperty("capabilities").GetProperty("tools").GetProperty("listChanged").GetBoolean());
                var tool = Assert.Single(list.GetProperty("result").GetProperty("tools").EnumerateArray());
                Assert.Equal("scan", tool.GetProperty("name").GetString());
                Assert.Equal("object", tool.GetProperty("inputSchema").GetProperty("type").GetString());
                Assert.True(tool.GetProperty("inputSchema").GetProperty("properties").TryGetProperty("code", out _));

                var result = blocked.GetProperty("result");
                Assert.Equal(3, blocked.GetProperty("id").GetInt32());
                Assert.False(result.GetProperty("isError").GetBoolean());
                var decision = result.GetProperty("structuredContent");
                Assert.Equal("block", decision.GetProperty("verdict").GetString());
                var finding = Assert.Single(decision.GetProperty("findings").EnumerateArray());
                Assert.Contains("CWE-502", finding.GetRawText(), StringComparison.Ordinal);
                Assert.Contains("safe_load", finding.GetProperty("fix").GetRawText(), StringComparison.Ordinal);
                var summary = result.GetProperty("content")[0].GetProperty("text").GetString()!;
                Assert.StartsWith("Portcullis verdict: block", summary, StringComparison.Ordinal);
                Assert.Contains("Verified fix", summary, StringComparison.Ordinal);
                Assert.Contains("+    return yaml.safe_load(text)", summary, StringComparison.Ordinal);
                using (var asText = JsonDocument.Parse(result.GetProperty("content")[1].GetProperty("text").GetString()!))
                {
                    Assert.Equal("block", asText.RootElement.GetProperty("verdict").GetString());
                }

                Assert.Equal("four", allowed.GetProperty("id").GetString());
                Assert.Equal("allow", allowed.GetProperty("result").GetProperty("structuredContent").GetProperty("verdict").GetString());
                var protectedDecision = protectedPath.GetProperty("result").GetProperty("structuredContent");
                Assert.Equal("block", protectedDecision.GetProperty("verdict").GetString());
                Assert.Contains(protectedDecision.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("protected path", StringComparison.Ordinal));

                // The receipt is a ledger entry signed into a checkpoint by the data folder's key.
                var receipt = decision.GetProperty("receipt");
                Assert.Equal(0, receipt.GetProperty("index").GetInt64());
                Assert.True(Portcullis.Ledger.Keys.LedgerKeyFiles.LoadTrustAnchor(data, LedgerOptions.DefaultOrigin)
                    .Verifies(SignedCheckpoint.Parse(receipt.GetProperty("checkpoint").GetString()!)));

                Assert.Equal(0, await mcp.CloseAndWait());
            }

            using var ledger = Ledger.Ledger.Open(new LedgerOptions(data) { CreateIfMissing = false });
            Assert.True(ledger.Verify().Ok);
            var entries = ledger.ReadAll().Select(r => (ScanDecision)r.Entry!).ToList();
            Assert.Equal(3, entries.Count);
            Assert.All(entries, e => Assert.Equal("mcp-local", e.Actor));
            Assert.Equal(["block", "allow", "block"], entries.Select(e => e.Action.ToString().ToLowerInvariant()));
            Assert.Equal("T-5", entries[0].TaskId);
            Assert.Equal("function", entries[0].SubmissionKind);
            Assert.Equal("block", entries[0].Findings.Single().Action);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Malformed_messages_unknown_methods_and_tools_get_json_rpc_errors_and_the_server_keeps_serving()
    {
        var data = Directory.CreateTempSubdirectory("portcullis-mcp-").FullName;
        try
        {
            await using var mcp = McpProcess.Start("--data", data);
            var early = await mcp.Call(1, "tools/list", new { });
            await mcp.Call(2, "initialize", new { protocolVersion = "1999-01-01", capabilities = new { }, clientInfo = new { name = "old", version = "0" } });
            await mcp.Send("{not json");
            var parseError = await mcp.Receive();
            await mcp.Send("[{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}]");
            var batch = await mcp.Receive();
            var unknownMethod = await mcp.Call(3, "resources/list", new { });
            var unknownTool = await mcp.Call(4, "tools/call", new { name = "rm", arguments = new { } });
            var missingCode = await mcp.Call(5, "tools/call", new { name = "scan", arguments = new { language = "python" } });
            var ping = await mcp.Call(6, "ping", null);

            Assert.Equal(-32600, early.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal(JsonValueKind.Null, parseError.GetProperty("id").ValueKind);
            Assert.Equal(-32700, parseError.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal(-32600, batch.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal(-32601, unknownMethod.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal(-32602, unknownTool.GetProperty("error").GetProperty("code").GetInt32());
            Assert.True(missingCode.GetProperty("result").GetProperty("isError").GetBoolean());
            Assert.Contains("must not be written", missingCode.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal(6, ping.GetProperty("id").GetInt32());
            Assert.Equal(JsonValueKind.Object, ping.GetProperty("result").ValueKind);
            Assert.Equal(0, await mcp.CloseAndWait());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The portcullis executable built beside the tests, run as an MCP client would run it.</summary>
    private sealed class McpProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private McpProcess(Process process)
        {
            _process = process;
        }

        public static McpProcess Start(params string[] flags)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "portcullis.dll"));
            start.ArgumentList.Add("mcp");
            foreach (var flag in flags)
            {
                start.ArgumentList.Add(flag);
            }
            start.Environment.Remove("PORTCULLIS_TOKEN");
            var process = Process.Start(start)!;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            return new McpProcess(process);
        }

        public async Task Send(string line)
        {
            await _process.StandardInput.WriteLineAsync(line);
            await _process.StandardInput.FlushAsync();
        }

        public Task Notify(string method) => Send(JsonSerializer.Serialize(new { jsonrpc = "2.0", method }));

        public async Task<JsonElement> Call(object id, string method, object? parameters)
        {
            await Send(parameters is null
                ? JsonSerializer.Serialize(new { jsonrpc = "2.0", id, method })
                : JsonSerializer.Serialize(new { jsonrpc = "2.0", id, method, @params = parameters }));
            var answer = await Receive();
            Assert.Equal(JsonSerializer.Serialize(id), answer.GetProperty("id").GetRawText());
            return answer;
        }

        public async Task<JsonElement> Receive()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("portcullis mcp closed its output");
            using var document = JsonDocument.Parse(line);
            Assert.Equal("2.0", document.RootElement.GetProperty("jsonrpc").GetString());
            return document.RootElement.Clone();
        }

        public async Task<int> CloseAndWait()
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
