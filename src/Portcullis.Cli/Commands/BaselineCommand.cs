namespace Portcullis.Cli.Commands;

/// <summary><c>portcullis baseline create PATH... --output FILE</c>: records today's findings as accepted.</summary>
internal static class BaselineCommand
{
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] != "create")
        {
            throw new UsageException("baseline needs the subcommand 'create'");
        }
        var reader = new ArgumentReader(args.Skip(1).ToArray(), [.. ScanOptions.ValueOptions, "--output"], []);
        var output = reader.Value("--output") ?? throw new UsageException("baseline create needs --output FILE");
        var options = ScanOptions.From(reader);
        var engine = EngineFactory.Create(options.RulePaths, options.Limits, stderr);
        var (results, _) = TargetScanner.Scan(engine, options, stdin, verifyFixes: false);
        foreach (var failed in results.Where(r => r.Failed))
        {
            stderr.WriteLine($"portcullis: error: {failed.Error}");
        }
        if (results.Any(r => r.Failed))
        {
            return ExitCodes.Error;
        }
        var findings = results.SelectMany(r => r.Findings).Where(f => !f.Suppressed).ToList();
        Baseline.Write(output, findings);
        stdout.WriteLine($"baseline: {findings.Count} findings recorded in {output}");
        return ExitCodes.Allow;
    }
}
