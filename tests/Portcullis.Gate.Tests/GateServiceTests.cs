using System.Net;
using System.Text.Json;
using Portcullis.Analysis;
using Portcullis.Analysis.Pipeline;
using Portcullis.Core;
using Portcullis.Gate.Identity;
using Portcullis.Syntax;

namespace Portcullis.Gate.Tests;

/// <summary>The gate service over real HTTP: Kestrel on loopback, SQLite state, the real engine.</summary>
public sealed class GateServiceTests
{
    private const string YamlLoad = "import yaml\n\ndef load(text):\n    return yaml.load(text)\n";
    private const string SafeLoad = "import yaml\n\ndef load(text):\n    return yaml.safe_load(text)\n";

    [Fact]
    public async Task Healthz_answers_without_a_token_and_scan_without_one_is_401()
    {
        await using var host = await GateServiceHost.Start();

        using var health = await host.Client.GetAsync("/healthz");
        var (missing, _) = await host.Post("/v1/scan", null, new { code = SafeLoad, language = "python" });
        var (forged, _) = await host.Post("/v1/scan", "pcg_0123456789abcdef_not-the-secret", new { code = SafeLoad, language = "python" });

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(401, missing);
        Assert.Equal(401, forged);
    }

    [Fact]
    public async Task An_insecure_snippet_is_blocked_with_its_verified_fix_policy_and_receipt()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");

        var (status, body) = await host.Post("/v1/scan", agent, new { code = YamlLoad, language = "python", agent = new { id = "claude", model = "opus" } });

        Assert.Equal(200, status);
        Assert.Equal("block", body.GetProperty("verdict").GetString());
        var finding = body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "python.deserialization.yaml-load");
        Assert.True(finding.GetProperty("fix").GetProperty("verified").GetBoolean());
        Assert.Contains("safe_load", finding.GetProperty("fix").GetProperty("fixedCode").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, body.GetProperty("policy").GetProperty("version").GetInt64());
        Assert.StartsWith("sha256:", body.GetProperty("policy").GetProperty("digest").GetString(), StringComparison.Ordinal);
        var receipt = body.GetProperty("receipt");
        Assert.Equal(64, receipt.GetProperty("leafHash").GetString()!.Length);
        // The token issue was entry 0; the scan decision follows it.
        Assert.Equal(1, receipt.GetProperty("index").GetInt64());
        var journal = File.ReadAllLines(Path.Combine(host.DataDirectory, "decisions.jsonl"));
        Assert.Contains("python.deserialization.yaml-load", Assert.Single(journal), StringComparison.Ordinal);
        using var line = JsonDocument.Parse(journal[0]);
        Assert.Equal("scan-decision", line.RootElement.GetProperty("event").GetString());
        Assert.Equal(1, line.RootElement.GetProperty("ledgerIndex").GetInt64());
        Assert.Equal(receipt.GetProperty("leafHash").GetString(), line.RootElement.GetProperty("leafHash").GetString());
        Assert.Equal(JsonValueKind.Null, line.RootElement.GetProperty("recordingError").ValueKind);
        Assert.Equal("block", line.RootElement.GetProperty("decision").GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_safe_snippet_is_allowed()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");

        var (status, body) = await host.Post("/v1/scan", agent, new { code = SafeLoad, path = "loader.py" });

        Assert.Equal(200, status);
        Assert.Equal("allow", body.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task A_receipt_proves_inclusion_and_an_agent_cannot_read_another_agents_receipt()
    {
        await using var host = await GateServiceHost.Start();
        var mine = host.Token(Role.Agent, "claude");
        var other = host.Token(Role.Agent, "copilot", task: "T-2");
        var (_, scan) = await host.Post("/v1/scan", mine, new { code = YamlLoad, language = "python" });
        var index = scan.GetProperty("receipt").GetProperty("index").GetInt64();

        var (ownStatus, proof) = await host.Send(HttpMethod.Get, $"/v1/receipts/{index}", mine);
        var (otherStatus, _) = await host.Send(HttpMethod.Get, $"/v1/receipts/{index}", other);
        var (tokenEntryStatus, _) = await host.Send(HttpMethod.Get, "/v1/receipts/0", mine);

        Assert.Equal(200, ownStatus);
        Assert.Equal(scan.GetProperty("receipt").GetProperty("leafHash").GetString(), proof.GetProperty("leafHash").GetString());
        Assert.Equal(RootFromProof(proof), proof.GetProperty("rootHash").GetString());
        Assert.Equal("scan_decision", proof.GetProperty("kind").GetString());
        Assert.Equal(403, otherStatus);
        Assert.Equal(403, tokenEntryStatus);
    }

    [Fact]
    public async Task An_agent_token_cannot_issue_tokens_change_policy_approve_or_request_overrides()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");

        var (issue, _) = await host.Post("/v1/tokens", agent, new { role = "admin", subject = "me" });
        var (policy, _) = await host.Send(HttpMethod.Put, "/v1/policy", agent, "version: 2\nblock:\n  severity: critical\n", "application/yaml");
        var (approve, _) = await host.Post("/v1/overrides/x/approve", agent, new { });
        var (request, _) = await host.Post("/v1/overrides", agent, new { fingerprint = "x", reason = "r" });
        var (list, _) = await host.Send(HttpMethod.Get, "/v1/overrides", agent);

        Assert.Equal([403, 403, 403, 403, 403], new[] { issue, policy, approve, request, list });
    }

    [Fact]
    public async Task An_agent_token_is_bound_to_its_task_repository_and_ref()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude", task: "T-1", repository: "acme/shop");

        var (status, body) = await host.Post("/v1/scan", agent, new { code = SafeLoad, language = "python", task = new { id = "T-1", repository = "acme/bank" } });

        Assert.Equal(403, status);
        Assert.Contains("acme/shop", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_protected_path_is_blocked_for_an_agent_whatever_the_scan_says()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");

        var (status, body) = await host.Post("/v1/scan", agent, new { files = new[] { new { path = ".github/workflows/ci.yml", content = "name: ci\non: push\n" } } });

        Assert.Equal(200, status);
        Assert.Equal("block", body.GetProperty("verdict").GetString());
        Assert.Empty(body.GetProperty("findings").EnumerateArray());
        Assert.Contains(body.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("protected path", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_language_blocks_under_the_default_policy()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");

        var (_, body) = await host.Post("/v1/scan", agent, new { code = "some text", path = "notes.unknownext" });

        Assert.Equal("block", body.GetProperty("verdict").GetString());
        Assert.Contains(body.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("language is unknown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_scan_past_its_deadline_blocks_with_the_reason()
    {
        var slow = new ScanEngine([new SlowAnalyzer(TimeSpan.FromSeconds(5))], ParseLimits.Default);
        await using var host = await GateServiceHost.Start(o => o with { CompletionDeadline = TimeSpan.FromMilliseconds(300) }, slow);
        var agent = host.Token(Role.Agent, "claude");
        var started = System.Diagnostics.Stopwatch.StartNew();

        var (status, body) = await host.Post("/v1/scan", agent, new { code = SafeLoad, language = "python", kind = "completion" });

        Assert.Equal(200, status);
        Assert.Equal("block", body.GetProperty("verdict").GetString());
        Assert.Contains(body.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("300 ms deadline for a completion", StringComparison.Ordinal));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(4), $"the answer took {started.Elapsed}");
    }

    [Fact]
    public async Task A_scan_that_waits_for_a_free_slot_past_its_deadline_blocks_and_is_recorded()
    {
        // Only the first submission is slow; the second, scanned at once, would be allowed well within its deadline.
        var paced = new ScanEngine([new SlowAnalyzer(TimeSpan.FromMilliseconds(4000), "# slow")], ParseLimits.Default);
        await using var host = await GateServiceHost.Start(o => o with { ScanConcurrency = 1, CompletionDeadline = TimeSpan.FromMilliseconds(400) }, paced);
        var agent = host.Token(Role.Agent, "claude");
        var before = host.Gate.Log.Size;

        var first = host.Post("/v1/scan", agent, new { code = SafeLoad + "# slow\n", language = "python", kind = "file" });
        await Task.Delay(200);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var (_, queued) = await host.Post("/v1/scan", agent, new { code = SafeLoad, language = "python", kind = "completion" });
        waited.Stop();
        var (_, running) = await first;

        Assert.Equal("block", queued.GetProperty("verdict").GetString());
        Assert.Contains(queued.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("400 ms deadline for a completion", StringComparison.Ordinal));
        // The slot frees about 3.8 s after the queued request starts; its 400 ms deadline must answer long before
        // that. The bound leaves room for a loaded machine without letting "waited for the slot" pass.
        Assert.True(waited.Elapsed < TimeSpan.FromMilliseconds(3000), $"the queued scan answered after {waited.Elapsed}, not at its deadline");
        Assert.Equal("allow", running.GetProperty("verdict").GetString());
        Assert.Equal(before + 2, host.Gate.Log.Size);
    }

    [Fact]
    public async Task When_the_ledger_cannot_record_the_decision_the_scan_blocks()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");
        ((IDisposable)host.Gate.Log).Dispose();

        var (status, body) = await host.Post("/v1/scan", agent, new { code = SafeLoad, language = "python" });

        Assert.Equal(503, status);
        Assert.Equal("block", body.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("receipt").ValueKind);
        Assert.Contains(body.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("could not be recorded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bodies_over_the_size_limit_get_413_and_a_token_over_its_rate_gets_429()
    {
        await using var host = await GateServiceHost.Start(o => o with { MaxRequestBytes = 2048, RatePerSecond = 0.01, RateBurst = 3 });
        var agent = host.Token(Role.Agent, "claude");

        var (tooLarge, _) = await host.Post("/v1/scan", agent, new { code = new string('x', 4096), language = "python" });
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await host.Post("/v1/scan", agent, new { code = SafeLoad, language = "python" })).Status);
        }

        Assert.Equal(413, tooLarge);
        Assert.Equal(200, statuses[0]);
        Assert.Equal(429, statuses[^1]);
    }

    [Fact]
    public async Task Malformed_requests_get_400_with_a_message()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");

        var (notJson, notJsonBody) = await host.Send(HttpMethod.Post, "/v1/scan", agent, "{not json");
        var (both, _) = await host.Post("/v1/scan", agent, new { code = "x", patch = "y" });
        var (language, _) = await host.Post("/v1/scan", agent, new { code = "x", language = "klingon" });
        var (kind, _) = await host.Post("/v1/scan", agent, new { code = "x", language = "python", kind = "novel" });

        Assert.Equal([400, 400, 400, 400], new[] { notJson, both, language, kind });
        Assert.Contains("not valid JSON", notJsonBody.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patch_is_judged_on_the_lines_it_adds()
    {
        await using var host = await GateServiceHost.Start();
        var developer = host.Token(Role.Developer, "dana");
        const string patch = "diff --git a/app/load.py b/app/load.py\n--- a/app/load.py\n+++ b/app/load.py\n@@ -1,3 +1,4 @@\n import yaml\n \n def load(text):\n-    return yaml.safe_load(text)\n+    return yaml.load(text)\n";

        var (_, body) = await host.Post("/v1/scan", developer, new { patch });

        Assert.Equal("block", body.GetProperty("verdict").GetString());
        Assert.Equal("app/load.py", body.GetProperty("findings")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Metrics_count_scans_verdicts_findings_and_ledger_size()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");
        await host.Post("/v1/scan", agent, new { code = YamlLoad, language = "python" });
        await host.Post("/v1/scan", agent, new { code = SafeLoad, language = "python" });

        var metrics = await host.Client.GetStringAsync("/metrics");

        Assert.Contains("portcullis_scans_total 2", metrics, StringComparison.Ordinal);
        Assert.Contains("portcullis_verdicts_total{kind=\"completion\",verdict=\"block\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("portcullis_findings_by_cwe_total{cwe=\"CWE-502\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("portcullis_scan_duration_seconds_count{kind=\"completion\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("portcullis_ledger_entries 3", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_and_issue_and_revocation_are_ledger_entries()
    {
        await using var host = await GateServiceHost.Start();
        var admin = host.Token(Role.Admin, "alice");
        var (issued, token) = await host.Post("/v1/tokens", admin, new { role = "agent", subject = "claude", task = "T-9", repository = "acme/shop", @ref = "main" });
        var agent = token.GetProperty("token").GetString()!;
        var (before, _) = await host.Post("/v1/scan", agent, new { code = SafeLoad, language = "python" });

        var (revoked, _) = await host.Send(HttpMethod.Delete, $"/v1/tokens/{token.GetProperty("id").GetString()}", admin);
        var (after, _) = await host.Post("/v1/scan", agent, new { code = SafeLoad, language = "python" });

        Assert.Equal([201, 200, 200, 401], new[] { issued, before, revoked, after });
        var kinds = Enumerable.Range(0, (int)host.Gate.Log.Size).Select(i => host.Gate.Log.Read(i)!.Kind).ToList();
        Assert.Equal(["token_issued", "token_issued", "scan_decision", "token_revoked"], kinds);
        Assert.DoesNotContain(agent, string.Join('\n', Enumerable.Range(0, kinds.Count).Select(i => host.Gate.Log.Read(i)!.Body)), StringComparison.Ordinal);
    }

    /// <summary>Recomputes the RFC 6962 root from a leaf and its audit path.</summary>
    private static string RootFromProof(JsonElement proof)
    {
        var index = proof.GetProperty("index").GetInt64();
        var last = proof.GetProperty("treeSize").GetInt64() - 1;
        var hash = Convert.FromHexString(proof.GetProperty("leafHash").GetString()!);
        foreach (var sibling in proof.GetProperty("auditPath").EnumerateArray().Select(s => Convert.FromHexString(s.GetString()!)))
        {
            if (index % 2 == 1 || index == last)
            {
                hash = Node(sibling, hash);
                while (index % 2 == 0 && index != 0)
                {
                    index >>= 1;
                    last >>= 1;
                }
            }
            else
            {
                hash = Node(hash, sibling);
            }
            index >>= 1;
            last >>= 1;
        }
        return Convert.ToHexStringLower(hash);
    }

    private static byte[] Node(byte[] left, byte[] right) => System.Security.Cryptography.SHA256.HashData([1, .. left, .. right]);

    /// <summary>
    /// An analyzer that ignores cancellation and takes its time, as a pathological rule could (only on
    /// text holding <paramref name="marker"/> when one is given).
    /// </summary>
    private sealed class SlowAnalyzer(TimeSpan delay, string? marker = null) : IAnalyzer
    {
        public string Name => "slow";

        public IReadOnlyList<RuleDescriptor> Rules => [];

        public bool AppliesTo(string language) => true;

        public void Analyze(AnalysisContext context)
        {
            if (marker is null || context.Source.Text.Contains(marker, StringComparison.Ordinal))
            {
                Thread.Sleep(delay);
            }
        }
    }
}
