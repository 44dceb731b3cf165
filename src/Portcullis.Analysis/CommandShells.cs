namespace Portcullis.Analysis;

/// <summary>
/// Programs that run their arguments as commands (a shell or a command interpreter), named bare or by
/// path: the taint rules count a command list that starts with one as a whole command line, and the
/// command fixes never make one the program they run.
/// </summary>
internal static class CommandShells
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "sh", "bash", "dash", "zsh", "ksh", "csh", "tcsh", "fish", "busybox", "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh", "pwsh.exe",
    };

    public static bool IsShell(string program) => Names.Contains(Path.GetFileName(program.Replace('\\', '/')));
}
