using Portcullis.Analysis.Reporting;
using Portcullis.Gate.Hosting;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Mcp;
using Portcullis.Ledger;
using Portcullis.Syntax;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis mcp [--data DIR] [--postgres CONN] [--rules PATH] [--token T | --subject NAME --task ID --repo R --ref REF]</c>:
/// an MCP server on standard input/output with a <c>scan</c> tool. It decides like <c>portcullis serve</c>
/// (the data folder's policy, overrides and ledger) and records every decision in the ledger. With a
/// token (or PORTCULLIS_TOKEN) it speaks for that token; otherwise for a local agent bound to the
/// given task, repository and ref.
/// </summary>
internal static class McpCommand
{
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgumentReader(args.ToArray(), ["--data", "--postgres", "--rules", "--token", "--subject", "--task", "--repo", "--ref"], []);
        if (reader.Positional.Count > 0)
        {
            throw new UsageException($"mcp takes no arguments, only flags (got '{reader.Positional[0]}')");
        }
        var data = reader.Value("--data") ?? LedgerOptions.DefaultDataDirectory();
        var options = new GateOptions { DataDirectory = data, PostgresConnectionString = reader.Value("--postgres") };
        var engine = EngineFactory.Create(reader.Values("--rules"), ParseLimits.Default, stderr);
        using var gate = GateServices.Open(options, engine, TimeProvider.System);
        AccessToken caller;
        if ((reader.Value("--token") ?? Environment.GetEnvironmentVariable("PORTCULLIS_TOKEN")) is { Length: > 0 } token)
        {
            caller = gate.Tokens.Authenticate(token) ?? throw new UsageException("the token is unknown, expired or revoked in this data folder");
            if (caller.Role is not (Role.Agent or Role.Developer or Role.Admin))
            {
                throw new UsageException($"a {caller.RoleName} token may not scan");
            }
        }
        else
        {
            // No token: a local agent, so protected paths and the task binding apply as they would to one.
            var now = TimeProvider.System.GetUtcNow();
            caller = new AccessToken("mcp-local", Role.Agent, reader.Value("--subject") ?? "mcp", reader.Value("--task"), reader.Value("--repo"), reader.Value("--ref"), now, DateTimeOffset.MaxValue, null, "local");
        }
        stderr.WriteLine($"portcullis mcp: serving on stdio (data {Path.GetFullPath(data)}, policy {gate.Policies.Current.Version}, caller {caller.Id})");
        new McpServer(gate.Scanner, caller, ToolInfo.Version).RunAsync(stdin, stdout, stderr, CancellationToken.None).GetAwaiter().GetResult();
        return ExitCodes.Allow;
    }
}
