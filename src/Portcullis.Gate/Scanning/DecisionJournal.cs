using System.Text.Encodings.Web;
using System.Text.Json;
using Portcullis.Gate.Recording;
using Portcullis.Ledger.Entries;

namespace Portcullis.Gate.Scanning;

/// <summary>
/// Evidence 7.2 as structured JSON lines, one per decision, written next to the decision-log entry:
/// the entry itself plus where it landed (or why it could not be recorded).
/// </summary>
public sealed class DecisionJournal(TextWriter writer) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock _lock = new();

    public static DecisionJournal OpenFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        return new DecisionJournal(new StreamWriter(stream) { AutoFlush = true });
    }

    public void Write(ScanDecision entry, LogReceipt? receipt, string? recordingError)
    {
        // The ledger's own encoding: canonical, with free text masked as the ledger masks it.
        using var decision = JsonDocument.Parse(EntryCodec.Encode(entry));
        var line = JsonSerializer.Serialize(new JournalLine("scan-decision", decision.RootElement, receipt?.Index, receipt?.LeafHash, recordingError), Json);
        lock (_lock)
        {
            writer.WriteLine(line);
        }
    }

    public void Dispose() => writer.Dispose();

    private sealed record JournalLine(string Event, JsonElement Decision, long? LedgerIndex, string? LeafHash, string? RecordingError);
}
