using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Portcullis.Ledger.Entries;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: object members sorted by their UTF-16 code units, no
/// whitespace, strings escaped only where JSON requires it, numbers in ECMAScript's shortest form.
/// The same record always yields the same bytes, so its leaf hash is a function of its content.
/// </summary>
public static class CanonicalJson
{
    public static byte[] Canonicalize(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        using var document = JsonDocument.ParseValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException("trailing data after the JSON value");
        }
        return Canonicalize(document.RootElement);
    }

    public static byte[] Canonicalize(JsonElement element)
    {
        var builder = new StringBuilder();
        Write(element, builder);
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static void Write(JsonElement element, StringBuilder output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<(string Name, JsonElement Value)>();
                foreach (var property in element.EnumerateObject())
                {
                    members.Add((property.Name, property.Value));
                }
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                for (var i = 1; i < members.Count; i++)
                {
                    if (members[i].Name == members[i - 1].Name)
                    {
                        throw new JsonException($"duplicate member '{members[i].Name}'");
                    }
                }
                output.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Append(',');
                    }
                    WriteString(members[i].Name, output);
                    output.Append(':');
                    Write(members[i].Value, output);
                }
                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        output.Append(',');
                    }
                    first = false;
                    Write(item, output);
                }
                output.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, output);
                break;
            case JsonValueKind.Number:
                output.Append(FormatNumber(element.GetDouble()));
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            case JsonValueKind.Null:
                output.Append("null");
                break;
            default:
                throw new JsonException($"cannot canonicalize a {element.ValueKind}");
        }
    }

    private static void WriteString(string value, StringBuilder output)
    {
        output.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                output.Append(c).Append(value[++i]);
                continue;
            }
            if (char.IsSurrogate(c))
            {
                throw new JsonException("a string holds a lone surrogate, which has no UTF-8 form");
            }
            switch (c)
            {
                case '"':
                    output.Append("\\\"");
                    break;
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\b':
                    output.Append("\\b");
                    break;
                case '\f':
                    output.Append("\\f");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                case '\t':
                    output.Append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }
                    break;
            }
        }
        output.Append('"');
    }

    /// <summary>ECMAScript Number::toString for a finite double (RFC 8785 §3.2.2.3).</summary>
    public static string FormatNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new JsonException("NaN and infinities have no JSON form");
        }
        if (value == 0)
        {
            return "0";
        }
        var negative = value < 0;
        // "R" gives the shortest digits that round-trip, as ECMAScript requires; only the layout differs.
        var roundTrip = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = roundTrip.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? "" : mantissa[(point + 1)..];
        var digits = (integerDigits + fraction).TrimStart('0');
        // n: the position of the decimal point relative to the first significant digit.
        var n = integerDigits.TrimStart('0').Length + exponent;
        if (integerDigits.TrimStart('0').Length == 0)
        {
            var leadingFractionZeros = fraction.Length - fraction.TrimStart('0').Length;
            n = exponent - leadingFractionZeros;
        }
        digits = digits.TrimEnd('0');
        var k = digits.Length;
        string text;
        if (k <= n && n <= 21)
        {
            text = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            text = "0." + new string('0', -n) + digits;
        }
        else
        {
            var e = n - 1;
            var sign = e < 0 ? "-" : "+";
            text = (k == 1 ? digits : digits[..1] + "." + digits[1..]) + "e" + sign + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        }
        return negative ? "-" + text : text;
    }
}
