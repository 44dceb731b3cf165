using System.Reflection;

namespace Portcullis.Analysis.Reporting;

/// <summary>The tool's name and version, as every report states them.</summary>
public static class ToolInfo
{
    public const string Name = "portcullis";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public const string InformationUri = "https://github.com/portcullis/portcullis";
}
