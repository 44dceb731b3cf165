using System.Text.Json;
using Portcullis.Core;

namespace Portcullis.Cli.Commands;

/// <summary>
/// A baseline is the set of fingerprints of findings accepted as they are; <c>scan --baseline</c> then
/// reports only what is new. Fingerprints do not depend on line numbers, so moving code keeps them.
/// </summary>
internal sealed record Baseline(IReadOnlySet<string> Fingerprints)
{
    public static Baseline Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var fingerprints = document.RootElement.GetProperty("fingerprints").EnumerateArray()
                .Select(e => e.GetProperty("fingerprint").GetString() ?? throw new UsageException($"{path}: a fingerprint is null"))
                .ToHashSet(StringComparer.Ordinal);
            return new Baseline(fingerprints);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            throw new UsageException($"{path}: not a portcullis baseline file ({e.Message})");
        }
    }

    public static void Write(string path, IEnumerable<Finding> findings)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("version", 1);
        writer.WriteStartArray("fingerprints");
        foreach (var finding in findings.DistinctBy(f => f.Fingerprint).OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Span.StartLine))
        {
            writer.WriteStartObject();
            writer.WriteString("fingerprint", finding.Fingerprint);
            writer.WriteString("ruleId", finding.RuleId);
            writer.WriteString("path", finding.Path);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public bool Contains(Finding finding) => Fingerprints.Contains(finding.Fingerprint);
}
