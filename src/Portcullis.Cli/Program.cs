using Portcullis.Cli;
using Portcullis.Cli.Commands;

// The composition root: every command is a class under Commands/. Nothing that escapes a command is
// allowed to end the process with a stack trace or, worse, exit code 0.
try
{
    return CommandDispatcher.Run(args, Console.In, Console.Out, Console.Error);
}
catch (Exception e)
{
    Console.Error.WriteLine($"portcullis: internal error: {e.GetType().Name}: {e.Message}");
    return ExitCodes.Error;
}
