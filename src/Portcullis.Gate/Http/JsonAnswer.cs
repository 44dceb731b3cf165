using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Portcullis.Gate.Http;

/// <summary>A status code and a JSON body written with <see cref="Utf8JsonWriter"/>, field order as written.</summary>
public sealed record JsonAnswer(int Status, string Body)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonAnswer Of(int status, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return new JsonAnswer(status, Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static JsonAnswer Error(int status, string message) => Of(status, w => w.WriteString("error", message));
}
