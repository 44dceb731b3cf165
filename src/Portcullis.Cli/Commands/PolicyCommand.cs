using Portcullis.Gate.Policy;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis policy show|set FILE|approve ID|check FILE</c>. show, set and approve go through the
/// gate (admin token); check validates a policy file locally and prints its version and digest.
/// </summary>
internal static class PolicyCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] is not ("show" or "set" or "approve" or "check"))
        {
            throw new UsageException("policy needs show, set FILE, approve PROPOSAL-ID or check FILE");
        }
        var reader = new ArgumentReader(args.Skip(1).ToArray(), ["--server", "--token"], []);
        if (args[0] == "check")
        {
            var policy = Parse(ReadFile(reader));
            stdout.WriteLine($"policy version {policy.Version} {policy.Digest}: valid");
            return ExitCodes.Allow;
        }
        using var client = GateClient.From(reader);
        return args[0] switch
        {
            "show" => GateClient.Report(client.Send(HttpMethod.Get, "v1/policy"), stdout, stderr),
            "set" => GateClient.Report(client.Send(HttpMethod.Put, "v1/policy", ReadFile(reader), "application/yaml"), stdout, stderr),
            _ => GateClient.Report(client.Send(HttpMethod.Post, $"v1/policy/proposals/{Uri.EscapeDataString(reader.Positional.SingleOrDefault() ?? throw new UsageException("policy approve needs the proposal id"))}/approve", "{}"), stdout, stderr),
        };
    }

    private static string ReadFile(ArgumentReader reader)
    {
        var path = reader.Positional.SingleOrDefault() ?? throw new UsageException("give the policy file");
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }
    }

    private static GatePolicy Parse(string text)
    {
        try
        {
            return GatePolicy.Parse(text);
        }
        catch (PolicyException e)
        {
            throw new UsageException($"the policy is not valid: {e.Message}");
        }
    }
}
