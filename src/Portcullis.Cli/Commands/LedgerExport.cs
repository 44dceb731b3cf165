using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portcullis.Ledger.Storage;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>ledger export</c> / <c>import</c>: JSON lines, one per entry (index, leaf hash, kind, time and the
/// canonical body, or null once pruned), then one per stored checkpoint. Import copies the rows verbatim
/// into an empty ledger and verifies the result against this data folder's trust anchor.
/// </summary>
internal static class LedgerExport
{
    public static int Export(Ledger.Ledger ledger, string? output, TextWriter stdout)
    {
        using var file = output is null ? null : new StreamWriter(output, append: false, new UTF8Encoding(false));
        var writer = (TextWriter?)file ?? stdout;
        foreach (var record in ledger.ReadAll())
        {
            var line = new JsonObject
            {
                ["index"] = record.Index,
                ["leaf_hash"] = Convert.ToBase64String(record.LeafHash),
                ["kind"] = record.Kind,
                ["recorded_at"] = record.RecordedAt.ToUnixTimeMilliseconds(),
                ["body"] = record.Body is null ? null : JsonNode.Parse(record.Body),
            };
            writer.WriteLine(line.ToJsonString());
        }
        foreach (var checkpoint in ledger.StoredCheckpoints())
        {
            writer.WriteLine(new JsonObject { ["checkpoint"] = checkpoint.Text }.ToJsonString());
        }
        writer.Flush();
        return ExitCodes.Allow;
    }

    public static int Import(Ledger.Ledger ledger, string source, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        using var file = source == "-" ? null : new StreamReader(source);
        var reader = (TextReader?)file ?? stdin;
        var rows = new List<StoredEntry>();
        var checkpoints = new List<string>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var node = JsonNode.Parse(line) as JsonObject ?? throw new UsageException($"import: line {lineNumber} is not a JSON object");
            if (node["checkpoint"] is { } note)
            {
                checkpoints.Add(note.GetValue<string>());
                continue;
            }
            try
            {
                var body = node["body"] is JsonObject b ? Portcullis.Ledger.Entries.CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(b.ToJsonString())) : null;
                rows.Add(new StoredEntry(
                    node["index"]!.GetValue<long>(),
                    Convert.FromBase64String(node["leaf_hash"]!.GetValue<string>()),
                    body,
                    node["kind"]!.GetValue<string>(),
                    DateTimeOffset.FromUnixTimeMilliseconds(node["recorded_at"]!.GetValue<long>())));
            }
            catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException)
            {
                throw new UsageException($"import: line {lineNumber} is not a ledger entry ({e.Message})");
            }
        }
        ledger.ImportRows(rows, checkpoints);
        var report = ledger.Verify();
        if (!report.Ok)
        {
            stderr.WriteLine($"imported {rows.Count} entries, but they do not verify against this folder's trust anchor: {report.FirstProblem!.Message}");
            return ExitCodes.Block;
        }
        stdout.WriteLine($"imported {rows.Count} entries and {checkpoints.Count} checkpoints; verified");
        return ExitCodes.Allow;
    }
}
