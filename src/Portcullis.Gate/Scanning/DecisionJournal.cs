using System.Buffers;
using System.Text;
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
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };
    private readonly Lock _lock = new();

    public static DecisionJournal OpenFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        return new DecisionJournal(new StreamWriter(stream) { AutoFlush = true });
    }

    public void Write(ScanDecision entry, LogReceipt? receipt, string? recordingError)
    {
        // The ledger's own encoding: canonical, with free text masked as the ledger masks it, copied in as
        // it is (it is already JSON; reading it back into a document would only cost time).
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartObject();
            json.WriteString("event", "scan-decision");
            json.WritePropertyName("decision");
            json.WriteRawValue(EntryCodec.Encode(entry), skipInputValidation: true);
            if (receipt is null)
            {
                json.WriteNull("ledgerIndex");
                json.WriteNull("leafHash");
            }
            else
            {
                json.WriteNumber("ledgerIndex", receipt.Index);
                json.WriteString("leafHash", receipt.LeafHash);
            }
            if (recordingError is null)
            {
                json.WriteNull("recordingError");
            }
            else
            {
                json.WriteString("recordingError", recordingError);
            }
            json.WriteEndObject();
        }
        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (_lock)
        {
            writer.WriteLine(line);
        }
    }

    public void Dispose() => writer.Dispose();
}
