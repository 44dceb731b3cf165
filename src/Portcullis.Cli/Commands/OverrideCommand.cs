using System.Globalization;
using System.Text.Json;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis override request FINGERPRINT --reason TEXT [--ttl-hours N] | approve ID | list</c>,
/// through the gate: a developer token requests, a different person's approver token approves.
/// </summary>
internal static class OverrideCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] is not ("request" or "approve" or "list"))
        {
            throw new UsageException("override needs request FINGERPRINT --reason TEXT, approve ID or list");
        }
        var reader = new ArgumentReader(args.Skip(1).ToArray(), ["--server", "--token", "--reason", "--ttl-hours"], []);
        using var client = GateClient.From(reader);
        switch (args[0])
        {
            case "request":
                var fingerprint = reader.Positional.SingleOrDefault() ?? throw new UsageException("override request needs the finding's fingerprint");
                var reason = reader.Value("--reason") ?? throw new UsageException("override request needs --reason");
                double? hours = reader.Value("--ttl-hours") is { } h
                    ? double.TryParse(h, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException("--ttl-hours must be a positive number")
                    : null;
                return GateClient.Report(client.Send(HttpMethod.Post, "v1/overrides", JsonSerializer.Serialize(new { fingerprint, reason, ttlHours = hours })), stdout, stderr);
            case "approve":
                var id = reader.Positional.SingleOrDefault() ?? throw new UsageException("override approve needs the override id");
                return GateClient.Report(client.Send(HttpMethod.Post, $"v1/overrides/{Uri.EscapeDataString(id)}/approve", "{}"), stdout, stderr);
            default:
                return GateClient.Report(client.Send(HttpMethod.Get, "v1/overrides"), stdout, stderr);
        }
    }
}
