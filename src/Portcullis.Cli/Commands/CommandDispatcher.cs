using Portcullis.Rules.Model;

namespace Portcullis.Cli.Commands;

/// <summary>Routes the first word of the command line to its command.</summary>
internal static class CommandDispatcher
{
    public const string Usage = """
        portcullis — a preventive security gate for AI-generated code

        usage:
          portcullis scan [PATH...|-] [--lang L] [--format text|json|sarif] [--output FILE]
                          [--baseline FILE] [--diff REV] [--corpus FILE.jsonl] [--rules PATH]
                          [--max-bytes N] [--deadline-ms N] [--no-fix] [--record LEDGER_DIR]
          portcullis rules list [--format text|json] [--rules PATH]
          portcullis rules test [--rules PATH]
          portcullis baseline create [PATH...] --output FILE
          portcullis scan-text [FILE|-] [--redact] [--format text|json]
                                               (secrets in a prompt or context; --redact prints it masked)
          portcullis fix PATH... [--write]    (shows verified fixes as diffs; --write applies them)
          portcullis patterns [--lang L] [--topic T] [--format md|json]
                                               (secure coding guidance for an agent's instructions)
          portcullis parse FILE|- [--lang L]    (the syntax tree rules match against, for rule authors)
          portcullis hook claude [--policy FILE | --data DIR] [--repo R]
                                       (Claude Code PreToolUse hook: payload on stdin; exit 0 allow, 2 block;
                                        decides with the YAML policy: FILE, the gate's active one, or the default)
          portcullis init claude [--dir DIR] [--server URL]
                                       (adds the hook to DIR/.claude/settings.json; with --server an
                                        http hook to the gate service, token from $PORTCULLIS_TOKEN)
          portcullis mcp [--data DIR] [--postgres CONN] [--token T | --task ID --repo R --ref REF]
                                       (MCP server on stdio with a scan tool; decisions go to the ledger)
          portcullis ledger verify|checkpoint|prove|consistency|show|export|import|witness|prune|rotate-key
                          [--data DIR | --ledger-connection POSTGRES]   (see: portcullis ledger)
          portcullis hook claude --server URL [--token T]   (asks a running gate instead; token also PORTCULLIS_TOKEN)
          portcullis serve --data DIR [--listen ADDRESS:PORT] [--postgres CONN] [--config FILE]
                           [--completion-deadline-ms N] [--file-deadline-ms N] [--max-request-bytes N]
          portcullis token issue --role agent|developer|approver|admin [--subject NAME]
                           [--task ID --repo R --ref REF] [--ttl-minutes N] --data DIR
          portcullis token revoke ID --data DIR | token list --data DIR
          portcullis policy show | set FILE | approve PROPOSAL-ID   [--server URL] [--token T]
          portcullis policy check FILE         (validates a policy file, prints its version and digest)
          portcullis override request FINGERPRINT --reason TEXT [--ttl-hours N] | approve ID | list
                           [--server URL] [--token T]

        exit codes: 0 nothing blocks, 1 something blocks, 2 usage or internal error (the gate fails closed)
        """;

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Count == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Count == 0 ? ExitCodes.Error : ExitCodes.Allow;
        }
        var rest = args.Skip(1).ToArray();
        try
        {
            return args[0] switch
            {
                "scan" => ScanCommand.Run(rest, stdin, stdout, stderr),
                "scan-text" => ScanTextCommand.Run(rest, stdin, stdout, stderr),
                "rules" => RulesCommand.Run(rest, stdout, stderr),
                "baseline" => BaselineCommand.Run(rest, stdin, stdout, stderr),
                "hook" => HookCommand.Run(rest, stdin, stdout, stderr),
                "fix" => FixCommand.Run(rest, stdin, stdout, stderr),
                "patterns" => PatternsCommand.Run(rest, stdout),
                "parse" => ParseCommand.Run(rest, stdin, stdout),
                "init" => InitCommand.Run(rest, stdout),
                "ledger" => LedgerCommand.Run(rest, stdin, stdout, stderr),
                "serve" => ServeCommand.Run(rest, stdout, stderr),
                "token" => TokenCommand.Run(rest, stdout, stderr),
                "policy" => PolicyCommand.Run(rest, stdout, stderr),
                "override" => OverrideCommand.Run(rest, stdout, stderr),
                "mcp" => McpCommand.Run(rest, stdin, stdout, stderr),
                "version" or "--version" => Version(stdout),
                _ => throw new UsageException($"unknown command '{args[0]}'\n\n{Usage}"),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"portcullis: {e.Message}");
            return ExitCodes.Error;
        }
        catch (RuleLoadException e)
        {
            stderr.WriteLine($"portcullis: rule error: {e.Message}");
            return ExitCodes.Error;
        }
        catch (Syntax.SyntaxUnavailableException e)
        {
            stderr.WriteLine($"portcullis: {e.Message}");
            return ExitCodes.Error;
        }
    }

    private static int Version(TextWriter stdout)
    {
        stdout.WriteLine($"{Analysis.Reporting.ToolInfo.Name} {Analysis.Reporting.ToolInfo.Version}");
        return ExitCodes.Allow;
    }
}
