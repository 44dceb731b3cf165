using System.Text.Json;

namespace Portcullis.Bench.Corpora;

/// <summary>One labelled record of ../shared/bench (fields as its README describes them).</summary>
internal sealed record CorpusRecord(string Id, string Source, string Language, string Code, bool Vulnerable, string? Cwe, string? Category, string? Swc, string? Path)
{
    public static IReadOnlyList<CorpusRecord> Load(string file)
    {
        var records = new List<CorpusRecord>();
        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var document = JsonDocument.Parse(line);
            var r = document.RootElement;
            string? Text(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            records.Add(new CorpusRecord(
                Text("id") ?? $"line-{records.Count + 1}",
                Text("source") ?? System.IO.Path.GetFileNameWithoutExtension(file),
                Text("language") ?? "text",
                Text("code") ?? "",
                Text("expected") != "safe",
                Text("cwe"),
                Text("category"),
                Text("swc"),
                Text("path")));
        }
        return records;
    }
}
