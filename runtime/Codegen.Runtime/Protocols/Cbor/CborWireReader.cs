using System;
using System.Buffers;
using System.Formats.Cbor;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Codegen.Runtime.Serialization;

namespace Codegen.Runtime.Protocols.Cbor;

/// <summary>
/// Reads the values of rpcv2Cbor bodies from a <see cref="CborReader"/> positioned on a data item, by the protocol's
/// rules: CBOR <c>null</c> and <c>undefined</c> are absent values, definite and indefinite lengths are both accepted,
/// numbers may come in any width that holds them. Every failure, whatever the reader would throw (truncated input,
/// a wrong major type, invalid UTF-8, an integer out of range, nesting deeper than <see cref="MaxDepth"/>), is an
/// <see cref="AwsDeserializationException"/> (path <c>$</c>, made longer by each enclosing reader); the reader's own
/// messages are not kept, since they may quote input.
/// </summary>
public static class CborWireReader
{
    /// <summary>
    /// The deepest nesting of maps and arrays accepted in a body (the CBOR reader's own limit, checked here first so
    /// that the failure says what it is): deeper input is rejected before the generated readers could exhaust the stack.
    /// </summary>
    public const int MaxDepth = 64;

    private const CborTag EpochSecondsTag = (CborTag)1;

    // Strict UTF-8: an invalid text string is an error, never silently replaced.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A reader over a whole body; an empty body reads as an empty map (no members set).</summary>
    public static CborReader CreateReader(ReadOnlyMemory<byte> body) =>
        new(body.IsEmpty ? EmptyMap : body, CborConformanceMode.Lax, allowMultipleRootLevelValues: false);

    /// <summary>
    /// Reads a whole response body with <paramref name="read"/> (an empty body reads as an empty map), turning every
    /// failure into an <see cref="AwsDeserializationException"/>; a top-level <c>null</c> or trailing bytes are rejected.
    /// </summary>
    public static T ReadResponseBody<TState, T>(ReadOnlyMemory<byte> body, TState state, Func<CborReader, TState, T?> read)
        where T : class
    {
        var reader = CreateReader(body);
        try
        {
            var value = read(reader, state) ?? throw new AwsDeserializationException("$", "expected a map, found null");
            if (reader.BytesRemaining != 0)
            {
                throw new AwsDeserializationException("$", "unexpected content after the CBOR value");
            }

            return value;
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>
    /// Whether <paramref name="exception"/> is one the CBOR reader throws for input it cannot read (as opposed to a
    /// bug): malformed or truncated data, a data item of another type than asked for, a number out of range.
    /// </summary>
    public static bool IsReaderFailure(Exception exception) =>
        exception is CborContentException or InvalidOperationException or OverflowException or FormatException
            or ArgumentException or DecoderFallbackException;

    /// <summary>The exception for input the reader could not read; its message is not kept, since it may quote input.</summary>
    public static AwsDeserializationException Malformed(string path, Exception exception) =>
        new(path, "malformed CBOR (" + Describe(exception) + ")", exception);

    /// <summary>The exception for a required member that is missing.</summary>
    public static AwsDeserializationException MissingRequired(string member) =>
        new("$." + member, "required member is missing");

    /// <summary>
    /// Checks that the reader is on a map and enters it: <see langword="true"/> if so, <see langword="false"/> for
    /// <c>null</c> or <c>undefined</c> (absent), and an exception for anything else or for a map nested too deep.
    /// </summary>
    public static bool StartMap(CborReader reader)
    {
        try
        {
            switch (reader.PeekState())
            {
                case CborReaderState.StartMap:
                    CheckDepth(reader);
                    reader.ReadStartMap();
                    return true;
                case CborReaderState.Null:
                case CborReaderState.Undefined:
                    reader.SkipValue();
                    return false;
                default:
                    throw Mismatch("a map", reader);
            }
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>Like <see cref="StartMap"/>, for arrays.</summary>
    public static bool StartArray(CborReader reader)
    {
        try
        {
            switch (reader.PeekState())
            {
                case CborReaderState.StartArray:
                    CheckDepth(reader);
                    reader.ReadStartArray();
                    return true;
                case CborReaderState.Null:
                case CborReaderState.Undefined:
                    reader.SkipValue();
                    return false;
                default:
                    throw Mismatch("an array", reader);
            }
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>
    /// Whether the map the reader is in has another entry; at its end, leaves the map and returns <see langword="false"/>.
    /// </summary>
    public static bool NextEntry(CborReader reader)
    {
        try
        {
            if (reader.PeekState() == CborReaderState.EndMap)
            {
                reader.ReadEndMap();
                return false;
            }

            return true;
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>
    /// Whether the array the reader is in has another item; at its end, leaves the array and returns <see langword="false"/>.
    /// </summary>
    public static bool NextItem(CborReader reader)
    {
        try
        {
            if (reader.PeekState() == CborReaderState.EndArray)
            {
                reader.ReadEndArray();
                return false;
            }

            return true;
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>
    /// Reads the key of a structure's entry as UTF-8 bytes, to be compared with the member names. Keys must be text
    /// strings of valid UTF-8, known members or not (as in the JSON protocols); the values of unknown members are
    /// skipped, not decoded.
    /// </summary>
    public static ReadOnlySpan<byte> ReadMemberName(CborReader reader)
    {
        try
        {
            var name = reader.PeekState() switch
            {
                CborReaderState.TextString => reader.ReadDefiniteLengthTextStringBytes().Span,
                CborReaderState.StartIndefiniteLengthTextString => ReadIndefiniteTextBytes(reader),
                _ => throw Mismatch("a text string key", reader),
            };
            if (!System.Text.Unicode.Utf8.IsValid(name))
            {
                throw new AwsDeserializationException("$", "a member name that is not valid UTF-8");
            }

            return name;
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>The text of a key read with <see cref="ReadMemberName"/> (for an unknown union case); invalid UTF-8 is an error.</summary>
    public static string NameText(ReadOnlySpan<byte> name)
    {
        try
        {
            return StrictUtf8.GetString(name);
        }
        catch (DecoderFallbackException exception)
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>Reads the key of a map's entry (a text string, valid UTF-8).</summary>
    public static string ReadMapKey(CborReader reader)
    {
        try
        {
            return reader.PeekState() is CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString
                ? ReadText(reader)
                : throw Mismatch("a text string key", reader);
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>Skips the data item under the reader, whatever it is (with everything nested in it).</summary>
    public static void Skip(CborReader reader)
    {
        try
        {
            // SkipValue walks nested items without recursion, but a nesting deeper than MaxDepth is rejected all the same.
            var state = reader.PeekState();
            if (state is CborReaderState.StartArray or CborReaderState.StartMap)
            {
                CheckDepth(reader);
            }

            reader.SkipValue();
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>Whether the data item under the reader is <c>null</c> or <c>undefined</c> (an absent value).</summary>
    public static bool IsNull(CborReader reader)
    {
        try
        {
            return reader.PeekState() is CborReaderState.Null or CborReaderState.Undefined;
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>Reads a text string (definite or indefinite length, valid UTF-8).</summary>
    public static string? ReadString(CborReader reader)
    {
        try
        {
            switch (reader.PeekState())
            {
                case CborReaderState.TextString:
                case CborReaderState.StartIndefiniteLengthTextString:
                    return ReadText(reader);
                case CborReaderState.Null:
                case CborReaderState.Undefined:
                    reader.SkipValue();
                    return null;
                default:
                    throw Mismatch("a text string", reader);
            }
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>Reads a boolean.</summary>
    public static bool? ReadBoolean(CborReader reader)
    {
        try
        {
            switch (reader.PeekState())
            {
                case CborReaderState.Boolean:
                    return reader.ReadBoolean();
                case CborReaderState.Null:
                case CborReaderState.Undefined:
                    reader.SkipValue();
                    return null;
                default:
                    throw Mismatch("a boolean", reader);
            }
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>Reads an 8-bit integer.</summary>
    public static sbyte? ReadSByte(CborReader reader) => Integer(reader, out var value, sbyte.MinValue, sbyte.MaxValue) ? (sbyte)value : null;

    /// <summary>Reads a 16-bit integer.</summary>
    public static short? ReadInt16(CborReader reader) => Integer(reader, out var value, short.MinValue, short.MaxValue) ? (short)value : null;

    /// <summary>Reads a 32-bit integer.</summary>
    public static int? ReadInt32(CborReader reader) => Integer(reader, out var value, int.MinValue, int.MaxValue) ? (int)value : null;

    /// <summary>Reads a 64-bit integer.</summary>
    public static long? ReadInt64(CborReader reader) => Integer(reader, out var value, long.MinValue, long.MaxValue) ? value : null;

    /// <summary>Reads a double: a float of any width (half, single, double), or an integer.</summary>
    public static double? ReadDouble(CborReader reader)
    {
        try
        {
            switch (reader.PeekState())
            {
                case CborReaderState.HalfPrecisionFloat:
                case CborReaderState.SinglePrecisionFloat:
                case CborReaderState.DoublePrecisionFloat:
                    return reader.ReadDouble();
                case CborReaderState.UnsignedInteger:
                case CborReaderState.NegativeInteger:
                    return IntegerAsDouble(reader);
                case CborReaderState.Null:
                case CborReaderState.Undefined:
                    reader.SkipValue();
                    return null;
                default:
                    throw Mismatch("a number", reader);
            }
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>Reads a float: a float of any width, or an integer; a finite value too large for a float is an error.</summary>
    public static float? ReadSingle(CborReader reader)
    {
        if (ReadDouble(reader) is not { } value)
        {
            return null;
        }

        var single = (float)value;
        if (float.IsInfinity(single) && !double.IsInfinity(value))
        {
            throw new AwsDeserializationException("$", "number out of range for a float");
        }

        return single;
    }

    /// <summary>
    /// Reads an arbitrary-precision integer (Smithy <c>bigInteger</c>): a bignum (tag 2 or 3) or a plain integer.
    /// </summary>
    public static BigInteger? ReadBigInteger(CborReader reader)
    {
        try
        {
            switch (reader.PeekState())
            {
                case CborReaderState.Tag:
                    return reader.ReadBigInteger();
                case CborReaderState.UnsignedInteger:
                    return reader.ReadUInt64();
                case CborReaderState.NegativeInteger:
                    // -1 - n, with n up to 2^64 - 1.
                    return -BigInteger.One - reader.ReadCborNegativeIntegerRepresentation();
                case CborReaderState.Null:
                case CborReaderState.Undefined:
                    reader.SkipValue();
                    return null;
                default:
                    throw Mismatch("an integer or a bignum", reader);
            }
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>
    /// Reads an arbitrary-precision decimal (Smithy <c>bigDecimal</c>): a decimal fraction (tag 4), an integer, or a
    /// float; values outside <see cref="decimal"/>'s range are an error.
    /// </summary>
    public static decimal? ReadDecimal(CborReader reader)
    {
        try
        {
            switch (reader.PeekState())
            {
                case CborReaderState.Tag:
                    return reader.ReadDecimal();
                case CborReaderState.UnsignedInteger:
                    return reader.ReadUInt64();
                case CborReaderState.NegativeInteger:
                    return -1m - reader.ReadCborNegativeIntegerRepresentation();
                case CborReaderState.HalfPrecisionFloat:
                case CborReaderState.SinglePrecisionFloat:
                case CborReaderState.DoublePrecisionFloat:
                    return (decimal)reader.ReadDouble();
                case CborReaderState.Null:
                case CborReaderState.Undefined:
                    reader.SkipValue();
                    return null;
                default:
                    throw Mismatch("a decimal fraction or a number", reader);
            }
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>
    /// Reads a timestamp: epoch seconds tagged 1, an integer or a float of any width (fractions kept to the
    /// millisecond); an untagged number is accepted as the same.
    /// </summary>
    public static DateTimeOffset? ReadTimestamp(CborReader reader)
    {
        try
        {
            var state = reader.PeekState();
            if (state == CborReaderState.Tag)
            {
                var tag = reader.ReadTag();
                if (tag != EpochSecondsTag)
                {
                    throw new AwsDeserializationException("$", "expected a timestamp (tag 1), found tag " + ((ulong)tag).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                state = reader.PeekState();
            }

            switch (state)
            {
                case CborReaderState.UnsignedInteger:
                case CborReaderState.NegativeInteger:
                    return DateTimeOffset.FromUnixTimeSeconds(reader.ReadInt64());
                case CborReaderState.HalfPrecisionFloat:
                case CborReaderState.SinglePrecisionFloat:
                case CborReaderState.DoublePrecisionFloat:
                    return Timestamps.FromEpochSeconds(reader.ReadDouble());
                case CborReaderState.Null:
                case CborReaderState.Undefined:
                    reader.SkipValue();
                    return null;
                default:
                    throw Mismatch("a timestamp", reader);
            }
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new AwsDeserializationException("$", "timestamp out of range", exception);
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw exception is OverflowException or FormatException
                ? new AwsDeserializationException("$", "timestamp out of range", exception)
                : Malformed("$", exception);
        }
    }

    /// <summary>Reads a blob: a byte string, definite or indefinite length.</summary>
    public static ReadOnlyMemory<byte>? ReadBlob(CborReader reader)
    {
        try
        {
            switch (reader.PeekState())
            {
                case CborReaderState.ByteString:
                case CborReaderState.StartIndefiniteLengthByteString:
                    return reader.ReadByteString();
                case CborReaderState.Null:
                case CborReaderState.Undefined:
                    reader.SkipValue();
                    return null;
                default:
                    throw Mismatch("a byte string", reader);
            }
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>
    /// Reads a document (Smithy's protocol leaves documents out of rpcv2Cbor; this reads the CBOR data model as JSON):
    /// maps with text keys become objects, arrays arrays, text strings strings, numbers numbers, booleans and null
    /// themselves, byte strings base64 strings, timestamps their epoch seconds. <c>null</c> at the top is absent.
    /// </summary>
    public static JsonElement? ReadDocument(CborReader reader)
    {
        if (IsNull(reader))
        {
            Skip(reader);
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteDocumentValue(reader, writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static void WriteDocumentValue(CborReader reader, Utf8JsonWriter writer)
    {
        try
        {
            switch (reader.PeekState())
            {
                case CborReaderState.StartMap:
                    CheckDepth(reader);
                    reader.ReadStartMap();
                    writer.WriteStartObject();
                    while (reader.PeekState() != CborReaderState.EndMap)
                    {
                        writer.WritePropertyName(ReadMapKey(reader));
                        WriteDocumentValue(reader, writer);
                    }

                    reader.ReadEndMap();
                    writer.WriteEndObject();
                    break;
                case CborReaderState.StartArray:
                    CheckDepth(reader);
                    reader.ReadStartArray();
                    writer.WriteStartArray();
                    while (reader.PeekState() != CborReaderState.EndArray)
                    {
                        WriteDocumentValue(reader, writer);
                    }

                    reader.ReadEndArray();
                    writer.WriteEndArray();
                    break;
                case CborReaderState.TextString:
                case CborReaderState.StartIndefiniteLengthTextString:
                    writer.WriteStringValue(ReadText(reader));
                    break;
                case CborReaderState.ByteString:
                case CborReaderState.StartIndefiniteLengthByteString:
                    writer.WriteBase64StringValue(reader.ReadByteString());
                    break;
                case CborReaderState.UnsignedInteger:
                    writer.WriteNumberValue(reader.ReadUInt64());
                    break;
                case CborReaderState.NegativeInteger:
                    writer.WriteRawValue((-BigInteger.One - reader.ReadCborNegativeIntegerRepresentation()).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case CborReaderState.HalfPrecisionFloat:
                case CborReaderState.SinglePrecisionFloat:
                case CborReaderState.DoublePrecisionFloat:
                    var number = reader.ReadDouble();
                    if (double.IsNaN(number) || double.IsInfinity(number))
                    {
                        throw new AwsDeserializationException("$", "a document cannot hold NaN or an infinity");
                    }

                    writer.WriteNumberValue(number);
                    break;
                case CborReaderState.Boolean:
                    writer.WriteBooleanValue(reader.ReadBoolean());
                    break;
                case CborReaderState.Null:
                case CborReaderState.Undefined:
                    reader.SkipValue();
                    writer.WriteNullValue();
                    break;
                case CborReaderState.Tag when reader.PeekTag() == EpochSecondsTag:
                    writer.WriteNumberValue(decimal.Divide(ReadTimestamp(reader)!.Value.ToUnixTimeMilliseconds(), 1000m));
                    break;
                case CborReaderState.Tag:
                    var tag = reader.PeekTag();
                    if (tag is CborTag.UnsignedBigNum or CborTag.NegativeBigNum)
                    {
                        writer.WriteRawValue(reader.ReadBigInteger().ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else if (tag == CborTag.DecimalFraction)
                    {
                        writer.WriteNumberValue(reader.ReadDecimal());
                    }
                    else
                    {
                        // Other tags carry no meaning a document has: the tagged value stands for itself.
                        reader.ReadTag();
                        WriteDocumentValue(reader, writer);
                    }

                    break;
                default:
                    throw Mismatch("a document value", reader);
            }
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    private static readonly ReadOnlyMemory<byte> EmptyMap = new byte[] { 0xA0 };

    /// <summary>
    /// A text string (the reader on it), decoded as strict UTF-8: the CBOR reader in lax mode would replace invalid
    /// sequences, and the strict modes reject input the protocol allows (duplicate keys are the sender's business).
    /// </summary>
    private static string ReadText(CborReader reader) =>
        reader.PeekState() == CborReaderState.TextString
            ? StrictUtf8.GetString(reader.ReadDefiniteLengthTextStringBytes().Span)
            : StrictUtf8.GetString(ReadIndefiniteTextBytes(reader));

    /// <summary>The chunks of an indefinite-length text string, joined (each chunk's bytes, not yet decoded).</summary>
    private static byte[] ReadIndefiniteTextBytes(CborReader reader)
    {
        reader.ReadStartIndefiniteLengthTextString();
        var bytes = new ArrayBufferWriter<byte>();
        while (reader.PeekState() != CborReaderState.EndIndefiniteLengthTextString)
        {
            bytes.Write(reader.ReadDefiniteLengthTextStringBytes().Span);
        }

        reader.ReadEndIndefiniteLengthTextString();
        return bytes.WrittenSpan.ToArray();
    }

    private static void CheckDepth(CborReader reader)
    {
        if (reader.CurrentDepth >= MaxDepth)
        {
            throw new AwsDeserializationException("$", "CBOR nested deeper than " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels");
        }
    }

    private static bool Integer(CborReader reader, out long value, long min, long max)
    {
        try
        {
            switch (reader.PeekState())
            {
                case CborReaderState.UnsignedInteger:
                case CborReaderState.NegativeInteger:
                    value = reader.ReadInt64();
                    if (value < min || value > max)
                    {
                        throw new AwsDeserializationException("$", "integer out of range");
                    }

                    return true;
                case CborReaderState.Null:
                case CborReaderState.Undefined:
                    reader.SkipValue();
                    value = 0;
                    return false;
                default:
                    throw Mismatch("an integer", reader);
            }
        }
        catch (OverflowException exception)
        {
            throw new AwsDeserializationException("$", "integer out of range", exception);
        }
        catch (Exception exception) when (IsReaderFailure(exception))
        {
            throw Malformed("$", exception);
        }
    }

    private static double IntegerAsDouble(CborReader reader) =>
        reader.PeekState() == CborReaderState.UnsignedInteger
            ? reader.ReadUInt64()
            : -1d - reader.ReadCborNegativeIntegerRepresentation();

    private static AwsDeserializationException Mismatch(string expected, CborReader reader) =>
        new("$", "expected " + expected + ", found " + Describe(reader.PeekState()));

    private static string Describe(CborReaderState state) => state switch
    {
        CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => "an integer",
        CborReaderState.ByteString or CborReaderState.StartIndefiniteLengthByteString => "a byte string",
        CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString => "a text string",
        CborReaderState.StartArray => "an array",
        CborReaderState.StartMap => "a map",
        CborReaderState.Tag => "a tagged value",
        CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat => "a float",
        CborReaderState.Boolean => "a boolean",
        CborReaderState.Null => "null",
        CborReaderState.Undefined => "undefined",
        CborReaderState.SimpleValue => "a simple value",
        CborReaderState.EndArray or CborReaderState.EndMap => "the end of the enclosing item",
        CborReaderState.Finished => "the end of the body",
        _ => state.ToString(),
    };

    private static string Describe(Exception exception) => exception switch
    {
        CborContentException => "invalid or truncated data",
        DecoderFallbackException => "a text string that is not valid UTF-8",
        OverflowException => "a number out of range",
        InvalidOperationException => "a data item of another type than expected",
        _ => "unreadable data",
    };
}
