using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Portcullis.Ledger.Entries;

/// <summary>
/// Turns entries into the canonical bytes the ledger hashes and stores, and back. Free-text members are
/// passed through <see cref="SecretMask"/> first: a secret that reached the log could never be removed.
/// </summary>
public static class EntryCodec
{
    private static readonly HashSet<string> FreeTextMembers = new(StringComparer.Ordinal)
    {
        "reason", "comment", "summary", "description", "bypass_pathway", "remediation", "sample_id", "subject", "reasons",
    };

    internal static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowOutOfOrderMetadataProperties = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static byte[] Encode(LedgerEntry entry)
    {
        var node = JsonSerializer.SerializeToNode(entry, Options) ?? throw new JsonException("an entry serialized to null");
        MaskFreeText(node);
        using var document = JsonDocument.Parse(node.ToJsonString());
        return CanonicalJson.Canonicalize(document.RootElement);
    }

    /// <summary>Reads an entry back; throws <see cref="JsonException"/> when the bytes are not one.</summary>
    public static LedgerEntry Decode(ReadOnlySpan<byte> body) =>
        JsonSerializer.Deserialize<LedgerEntry>(body, Options) ?? throw new JsonException("an entry is null");

    /// <summary>The <c>type</c> member of a stored body, without binding the whole record.</summary>
    public static string KindOf(LedgerEntry entry) => entry.Kind;

    // A value that is wholly "sha256:" and 64 hex digits is a content digest (a gate's sample id): it names
    // the sample without revealing it, and masking it would cut the link between an answer and its entry.
    private static bool IsLabelledDigest(string text) =>
        text.Length == 71 && text.StartsWith("sha256:", StringComparison.Ordinal) && text.AsSpan(7).IndexOfAnyExcept("0123456789abcdef") < 0;

    private static void MaskFreeText(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text) && FreeTextMembers.Contains(name) && !IsLabelledDigest(text))
                    {
                        obj[name] = SecretMask.MaskLikelySecrets(text);
                    }
                    else if (value is JsonArray lines && FreeTextMembers.Contains(name))
                    {
                        // A list of free-text lines (a decision's reasons) is masked line by line.
                        for (var i = 0; i < lines.Count; i++)
                        {
                            if (lines[i] is JsonValue line && line.TryGetValue<string>(out var lineText))
                            {
                                lines[i] = SecretMask.MaskLikelySecrets(lineText);
                            }
                        }
                    }
                    else if (value is not null)
                    {
                        MaskFreeText(value);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        MaskFreeText(item);
                    }
                }
                break;
        }
    }
}
