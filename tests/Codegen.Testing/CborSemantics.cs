using System;
using System.Buffers;
using System.Collections.Generic;
using System.Formats.Cbor;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Codegen.Testing;

/// <summary>
/// The comparison of CBOR bodies by meaning (rpcv2Cbor), for the conformance verb of the CLI and the differential
/// tests: both bodies are decoded into the CBOR data model and compared with <see cref="JsonSemantics"/>. Definite
/// and indefinite lengths, chunked strings and the width of an integer or a float (half, single, double) do not
/// matter; kinds do: a byte string differs from a text string, a tag from its untagged value, an integer from a float
/// only by value (<c>1</c> equals <c>1.0</c>, as epoch seconds may be either).
/// </summary>
/// <remarks>
/// The data model is written as JSON: maps as objects (text keys), arrays, text strings, numbers (a float by its
/// shortest round-trip text), <c>true</c>, <c>false</c>, <c>null</c>; and as marked objects the kinds JSON lacks:
/// <c>{"$bytes": base64}</c>, <c>{"$tag": n, "$value": v}</c>, <c>{"$float": "NaN"}</c> (and the infinities),
/// <c>{"$undefined": true}</c>, <c>{"$simple": n}</c>, and a map key that is not a text string as <c>"$key:" + its JSON</c>.
/// A shared source file, like JsonSemantics (public in tests/Codegen.Testing, internal in the CLI).
/// </remarks>
static partial class CborSemantics
{
    /// <summary>
    /// The differences between the CBOR bodies <paramref name="expected"/> and <paramref name="actual"/>, one line
    /// each, starting with its path under <paramref name="root"/>; empty when they mean the same.
    /// </summary>
    /// <exception cref="CborContentException">A body is not one well-formed CBOR data item.</exception>
    public static IReadOnlyList<string> Differences(ReadOnlyMemory<byte> expected, ReadOnlyMemory<byte> actual, string root = "$")
    {
        using var e = JsonDocument.Parse(ToDataModelJson(expected));
        using var a = JsonDocument.Parse(ToDataModelJson(actual));
        return JsonSemantics.Differences(e.RootElement, a.RootElement, root);
    }

    /// <summary>The data model of one CBOR data item as JSON text (see the remarks).</summary>
    /// <exception cref="CborContentException">The body is not one well-formed CBOR data item.</exception>
    public static string ToDataModelJson(ReadOnlyMemory<byte> body)
    {
        var reader = new CborReader(body, CborConformanceMode.Lax);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(reader, writer);
        }

        if (reader.BytesRemaining != 0)
        {
            throw new CborContentException("unexpected bytes after the CBOR data item");
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(CborReader reader, Utf8JsonWriter writer)
    {
        switch (reader.PeekState())
        {
            case CborReaderState.StartMap:
                reader.ReadStartMap();
                writer.WriteStartObject();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    writer.WritePropertyName(Key(reader));
                    Write(reader, writer);
                }

                reader.ReadEndMap();
                writer.WriteEndObject();
                break;
            case CborReaderState.StartArray:
                reader.ReadStartArray();
                writer.WriteStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    Write(reader, writer);
                }

                reader.ReadEndArray();
                writer.WriteEndArray();
                break;
            case CborReaderState.TextString:
            case CborReaderState.StartIndefiniteLengthTextString:
                writer.WriteStringValue(reader.ReadTextString());
                break;
            case CborReaderState.ByteString:
            case CborReaderState.StartIndefiniteLengthByteString:
                writer.WriteStartObject();
                writer.WriteBase64String("$bytes", reader.ReadByteString());
                writer.WriteEndObject();
                break;
            case CborReaderState.UnsignedInteger:
                writer.WriteNumberValue(reader.ReadUInt64());
                break;
            case CborReaderState.NegativeInteger:
                writer.WriteRawValue((-BigInteger.One - reader.ReadCborNegativeIntegerRepresentation()).ToString(CultureInfo.InvariantCulture));
                break;
            case CborReaderState.HalfPrecisionFloat:
            case CborReaderState.SinglePrecisionFloat:
            case CborReaderState.DoublePrecisionFloat:
                // Every width converts to double exactly; the value, not the width, is compared.
                var number = reader.ReadDouble();
                if (double.IsFinite(number))
                {
                    writer.WriteRawValue(number.ToString("R", CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteStartObject();
                    writer.WriteString("$float", double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
                    writer.WriteEndObject();
                }

                break;
            case CborReaderState.Boolean:
                writer.WriteBooleanValue(reader.ReadBoolean());
                break;
            case CborReaderState.Null:
                reader.ReadNull();
                writer.WriteNullValue();
                break;
            case CborReaderState.Undefined:
                reader.ReadSimpleValue();
                writer.WriteStartObject();
                writer.WriteBoolean("$undefined", true);
                writer.WriteEndObject();
                break;
            case CborReaderState.SimpleValue:
                writer.WriteStartObject();
                writer.WriteNumber("$simple", (int)reader.ReadSimpleValue());
                writer.WriteEndObject();
                break;
            case CborReaderState.Tag:
                writer.WriteStartObject();
                writer.WriteNumber("$tag", (ulong)reader.ReadTag());
                writer.WritePropertyName("$value");
                Write(reader, writer);
                writer.WriteEndObject();
                break;
            default:
                throw new CborContentException("unexpected " + reader.PeekState());
        }
    }

    private static string Key(CborReader reader)
    {
        if (reader.PeekState() is CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString)
        {
            return reader.ReadTextString();
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(reader, writer);
        }

        return "$key:" + Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
