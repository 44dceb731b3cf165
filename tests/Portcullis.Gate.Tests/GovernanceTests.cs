using System.Text.Json;
using Portcullis.Gate.Identity;

namespace Portcullis.Gate.Tests;

/// <summary>Separation of duties over real HTTP: overrides with a second approver, expiry, policy changes.</summary>
public sealed class GovernanceTests
{
    private const string YamlLoad = "import yaml\n\ndef load(text):\n    return yaml.load(text)\n";

    private static async Task<string> BlockedFingerprint(GateServiceHost host, string agent)
    {
        var (_, body) = await host.Post("/v1/scan", agent, new { code = YamlLoad, language = "python" });
        Assert.Equal("block", body.GetProperty("verdict").GetString());
        return body.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("severity").GetString() is "high" or "critical").GetProperty("fingerprint").GetString()!;
    }

    [Fact]
    public async Task A_high_finding_override_needs_a_different_approver_and_then_the_scan_is_allowed_and_says_so()
    {
        await using var host = await GateServiceHost.Start();
        var agent = host.Token(Role.Agent, "claude");
        var dana = host.Token(Role.Developer, "dana");
        var danaApprover = host.Token(Role.Approver, "dana");
        var erin = host.Token(Role.Approver, "erin");
        var fingerprint = await BlockedFingerprint(host, agent);

        var (requested, request) = await host.Post("/v1/overrides", dana, new { fingerprint, reason = "input is our own config file", ttlHours = 24 });
        var id = request.GetProperty("id").GetString();
        var (pending, pendingScan) = await host.Post("/v1/scan", agent, new { code = YamlLoad, language = "python" });
        var (self, selfBody) = await host.Post($"/v1/overrides/{id}/approve", danaApprover, new { });
        var (developerApproves, _) = await host.Post($"/v1/overrides/{id}/approve", dana, new { });
        var (approved, _) = await host.Post($"/v1/overrides/{id}/approve", erin, new { });
        var (_, after) = await host.Post("/v1/scan", agent, new { code = YamlLoad, language = "python" });

        Assert.Equal(201, requested);
        Assert.True(request.GetProperty("needsApproval").GetBoolean());
        Assert.Equal("pending", request.GetProperty("status").GetString());
        Assert.Equal("block", pendingScan.GetProperty("verdict").GetString());
        Assert.Equal(403, self);
        Assert.Contains("different person", selfBody.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(403, developerApproves);
        Assert.Equal(200, approved);
        Assert.NotEqual("block", after.GetProperty("verdict").GetString());
        Assert.Contains(after.GetProperty("actions").EnumerateArray(), a => a.GetProperty("action").GetString() == "overridden" && a.GetProperty("override").GetString() == id);
        Assert.Contains(after.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains($"allowed by override {id}", StringComparison.Ordinal) && r.GetString()!.Contains("approved by erin", StringComparison.Ordinal));
        var kinds = Enumerable.Range(0, (int)host.Gate.Log.Size).Select(i => host.Gate.Log.Read(i)!.Kind).ToList();
        Assert.Contains("override_request", kinds);
        Assert.Contains("override_approval", kinds);
        Assert.Equal(0, pending - 200);
    }

    [Fact]
    public async Task An_expired_override_no_longer_applies()
    {
        var clock = new ShiftedClock();
        await using var host = await GateServiceHost.Start(time: clock);
        var agent = host.Token(Role.Agent, "claude");
        var dana = host.Token(Role.Developer, "dana");
        var erin = host.Token(Role.Approver, "erin");
        var fingerprint = await BlockedFingerprint(host, agent);
        var (_, request) = await host.Post("/v1/overrides", dana, new { fingerprint, reason = "spike", ttlHours = 0.5 });
        await host.Post($"/v1/overrides/{request.GetProperty("id").GetString()}/approve", erin, new { });
        var (_, during) = await host.Post("/v1/scan", agent, new { code = YamlLoad, language = "python" });

        clock.Shift = TimeSpan.FromMinutes(45); // past the override (30 min), within the agent token (1 h)
        var (_, after) = await host.Post("/v1/scan", agent, new { code = YamlLoad, language = "python" });

        Assert.NotEqual("block", during.GetProperty("verdict").GetString());
        Assert.Equal("block", after.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Only_a_finding_the_gate_blocked_can_be_overridden()
    {
        await using var host = await GateServiceHost.Start();
        var dana = host.Token(Role.Developer, "dana");

        var (status, _) = await host.Post("/v1/overrides", dana, new { fingerprint = "0123456789abcdef", reason = "trust me" });

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task A_tightening_policy_applies_at_once_and_is_recorded_with_both_digests()
    {
        await using var host = await GateServiceHost.Start();
        var alice = host.Token(Role.Admin, "alice");
        var oldDigest = host.Gate.Policies.Current.Digest;
        var stricter = Policy(2, "medium");

        var (status, body) = await host.Send(HttpMethod.Put, "/v1/policy", alice, stricter, "application/yaml");

        Assert.Equal(200, status);
        Assert.Equal("active", body.GetProperty("status").GetString());
        Assert.Equal(2, host.Gate.Policies.Current.Version);
        var change = JsonDocument.Parse(host.Gate.Log.Read(host.Gate.Log.Size - 1)!.Body!).RootElement;
        Assert.Equal(oldDigest, change.GetProperty("previous_sha256").GetString());
        Assert.Equal(body.GetProperty("digest").GetString(), change.GetProperty("policy_sha256").GetString());
    }

    [Fact]
    public async Task A_loosening_policy_needs_a_second_admin()
    {
        await using var host = await GateServiceHost.Start();
        var alice = host.Token(Role.Admin, "alice");
        var bob = host.Token(Role.Admin, "bob");
        var approver = host.Token(Role.Approver, "erin");
        var looser = Policy(2, "critical");

        var (proposed, proposal) = await host.Send(HttpMethod.Put, "/v1/policy", alice, looser, "application/yaml");
        var id = proposal.GetProperty("proposal").GetString();
        var versionWhilePending = host.Gate.Policies.Current.Version;
        var (self, _) = await host.Post($"/v1/policy/proposals/{id}/approve", alice, new { });
        var (notAdmin, _) = await host.Post($"/v1/policy/proposals/{id}/approve", approver, new { });
        var (second, _) = await host.Post($"/v1/policy/proposals/{id}/approve", bob, new { });

        Assert.Equal(202, proposed);
        Assert.Contains(proposal.GetProperty("loosening").EnumerateArray(), r => r.GetString()!.Contains("blocking threshold", StringComparison.Ordinal));
        Assert.Equal(1, versionWhilePending);
        Assert.Equal(403, self);
        Assert.Equal(403, notAdmin);
        Assert.Equal(200, second);
        Assert.Equal(2, host.Gate.Policies.Current.Version);
    }

    [Fact]
    public async Task An_invalid_or_stale_policy_is_refused()
    {
        await using var host = await GateServiceHost.Start();
        var alice = host.Token(Role.Admin, "alice");

        var (invalid, _) = await host.Send(HttpMethod.Put, "/v1/policy", alice, "version: 2\nblock: [oops\n", "application/yaml");
        var (stale, _) = await host.Send(HttpMethod.Put, "/v1/policy", alice, Policy(1, "medium"), "application/yaml");

        Assert.Equal(400, invalid);
        Assert.Equal(409, stale);
    }

    private static string Policy(int version, string blockSeverity) =>
        GatePolicyText().Replace("version: 1", $"version: {version}", StringComparison.Ordinal).Replace("block:\n  severity: high", $"block:\n  severity: {blockSeverity}", StringComparison.Ordinal);

    private static string GatePolicyText() => Portcullis.Gate.Policy.GatePolicy.Default.Text;
}
