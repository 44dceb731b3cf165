using System.Globalization;
using Portcullis.Gate;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Recording;
using Portcullis.Gate.State;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis token issue|revoke|list --data DIR</c>, run locally on the data folder (this is how the
/// first admin token is made). Only the token's hash is stored; the token is printed once. Issue and
/// revocation are decision-log entries.
/// </summary>
internal static class TokenCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] is not ("issue" or "revoke" or "list"))
        {
            throw new UsageException("token needs issue, revoke or list");
        }
        var reader = new ArgumentReader(args.Skip(1).ToArray(), ["--data", "--postgres", "--role", "--subject", "--task", "--repo", "--ref", "--ttl-minutes"], []);
        var data = reader.Value("--data") ?? throw new UsageException("token needs --data DIR (the gate's data folder)");
        var postgres = reader.Value("--postgres");
        var store = postgres is not null ? GateStore.OpenPostgres(postgres) : GateStore.OpenSqlite(data);
        using var log = LedgerDecisionLog.Open(data, postgres, TimeProvider.System);
        var tokens = new TokenService(store, log, TimeProvider.System);
        try
        {
            switch (args[0])
            {
                case "issue":
                    var roleName = reader.Value("--role") ?? throw new UsageException("token issue needs --role agent|developer|approver|admin");
                    if (!Enum.TryParse<Role>(roleName, ignoreCase: true, out var role) || roleName.Any(char.IsDigit))
                    {
                        throw new UsageException($"unknown role '{roleName}': agent, developer, approver or admin");
                    }
                    TimeSpan? ttl = reader.Value("--ttl-minutes") is { } minutes
                        ? TimeSpan.FromMinutes(double.TryParse(minutes, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : throw new UsageException("--ttl-minutes must be a positive number"))
                        : null;
                    var subject = reader.Value("--subject") ?? (role == Role.Agent ? "agent" : Environment.UserName);
                    var (token, record) = tokens.Issue(role, subject, reader.Value("--task"), reader.Value("--repo"), reader.Value("--ref"), ttl, "local");
                    stdout.WriteLine(token);
                    stderr.WriteLine($"portcullis: issued {record.RoleName} token {record.Id} for {record.Subject}, expires {GateStore.Time(record.ExpiresAt)}");
                    return ExitCodes.Allow;
                case "revoke":
                    var id = reader.Positional.SingleOrDefault() ?? throw new UsageException("token revoke needs the token id");
                    tokens.Revoke(id, "local");
                    stdout.WriteLine($"revoked {id}");
                    return ExitCodes.Allow;
                default:
                    foreach (var t in tokens.List())
                    {
                        var state = t.RevokedAt is not null ? "revoked" : t.IsValidAt(DateTimeOffset.UtcNow) ? "valid" : "expired";
                        stdout.WriteLine($"{t.Id}  {t.RoleName,-9} {t.Subject,-16} {state,-8} expires {GateStore.Time(t.ExpiresAt)}{(t.Task is null ? "" : $"  task {t.Task} {t.Repository} {t.Ref}")}");
                    }
                    return ExitCodes.Allow;
            }
        }
        catch (GateRequestException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
