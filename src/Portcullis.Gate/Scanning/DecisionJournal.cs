using System.Text.Encodings.Web;
using System.Text.Json;
using Portcullis.Gate.Recording;

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

    public void Write(ScanDecisionEntry entry, LogReceipt? receipt, string? recordingError)
    {
        var line = JsonSerializer.Serialize(new JournalLine("scan-decision", entry, receipt?.Index, receipt?.LeafHash, recordingError), Json);
        lock (_lock)
        {
            writer.WriteLine(line);
        }
    }

    public void Dispose() => writer.Dispose();

    private sealed record JournalLine(string Event, ScanDecisionEntry Decision, long? LedgerIndex, string? LeafHash, string? RecordingError);
}
