using System.Text.Json;
using Portcullis.Core;
using Portcullis.Secrets;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis scan-text [FILE|-] [--redact] [--format text|json]</c>: looks for credentials in a
/// prompt, ticket or other context before it is sent to a model. Exit 1 when a secret that blocks is
/// found; <c>--redact</c> prints the text with every secret replaced by its masked marker instead of the list.
/// </summary>
internal static class ScanTextCommand
{
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgumentReader(args, ["--format"], ["--redact"]);
        var format = reader.Choice("--format", "text", "text", "json");
        if (reader.Positional.Count > 1)
        {
            throw new UsageException("scan-text reads one file or standard input");
        }
        var path = reader.Positional.Count == 0 ? "-" : reader.Positional[0];
        string text;
        try
        {
            text = path == "-" ? stdin.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"portcullis: error: cannot read {path}: {e.Message}");
            return ExitCodes.Error;
        }
        var (secrets, redacted) = TextScan.Run(text);
        if (reader.Flag("--redact"))
        {
            stdout.Write(redacted);
        }
        else if (format == "json")
        {
            stdout.WriteLine(JsonSerializer.Serialize(secrets.Select(s => new
            {
                ruleId = s.RuleId, kind = s.Kind, severity = s.Severity.ToString().ToLowerInvariant(), line = s.Line, column = s.Column, masked = s.Masked,
            })));
        }
        else
        {
            foreach (var secret in secrets)
            {
                stdout.WriteLine($"{path}:{secret.Line}:{secret.Column}: {secret.Severity.ToString().ToLowerInvariant()} {secret.RuleId} ({secret.Kind}) {secret.Masked}");
            }
        }
        var blocks = secrets.Any(s => s.Severity >= Severity.High);
        stderr.WriteLine($"portcullis: {secrets.Count} secret(s) found{(blocks ? "; the text must not be sent as is" : "")}");
        return blocks ? ExitCodes.Block : ExitCodes.Allow;
    }
}
