namespace Portcullis.Cli;

/// <summary>The documented exit codes. A gate fails closed: anything unexpected is 2, never 0.</summary>
internal static class ExitCodes
{
    public const int Allow = 0;
    public const int Block = 1;
    public const int Error = 2;
}
