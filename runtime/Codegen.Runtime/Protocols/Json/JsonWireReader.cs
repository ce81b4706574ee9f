using System;
using System.Text.Json;
using Codegen.Runtime.Serialization;

namespace Codegen.Runtime.Protocols.Json;

/// <summary>
/// Reads the scalar forms of the AWS JSON protocols from a <see cref="Utf8JsonReader"/> positioned on a value.
/// Every method treats JSON <c>null</c> as an absent value and throws <see cref="AwsDeserializationException"/>
/// (path <c>$</c>, made longer by each enclosing reader) for a value of the wrong type.
/// </summary>
public static class JsonWireReader
{
    /// <summary>
    /// The deepest nesting of objects and arrays accepted in a body. Deeper input is rejected with
    /// <see cref="AwsDeserializationException"/> before the generated readers could exhaust the stack.
    /// </summary>
    public const int MaxDepth = 128;

    /// <summary>Reader options for AWS JSON bodies.</summary>
    public static JsonReaderOptions ReaderOptions { get; } = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Reads a string.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Mismatch("a string", reader.TokenType),
    };

    /// <summary>Reads a boolean.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw Mismatch("a boolean", reader.TokenType),
    };

    /// <summary>Reads an 8-bit integer.</summary>
    public static sbyte? ReadSByte(ref Utf8JsonReader reader) => Integer(ref reader, out long value, sbyte.MinValue, sbyte.MaxValue) ? (sbyte)value : null;

    /// <summary>Reads a 16-bit integer.</summary>
    public static short? ReadInt16(ref Utf8JsonReader reader) => Integer(ref reader, out long value, short.MinValue, short.MaxValue) ? (short)value : null;

    /// <summary>Reads a 32-bit integer.</summary>
    public static int? ReadInt32(ref Utf8JsonReader reader) => Integer(ref reader, out long value, int.MinValue, int.MaxValue) ? (int)value : null;

    /// <summary>Reads a 64-bit integer.</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader) => Integer(ref reader, out long value, long.MinValue, long.MaxValue) ? value : null;

    /// <summary>Reads a double; the strings <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> are accepted.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDouble(out var value) && !double.IsInfinity(value))
                {
                    return value;
                }

                throw new AwsDeserializationException("$", "number out of range for a double");
            case JsonTokenType.String:
                return SpecialDouble(ref reader);
            case JsonTokenType.Null:
                return null;
            default:
                throw Mismatch("a number", reader.TokenType);
        }
    }

    /// <summary>Reads a float; the strings <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> are accepted.</summary>
    public static float? ReadSingle(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetSingle(out var value) && !float.IsInfinity(value))
                {
                    return value;
                }

                throw new AwsDeserializationException("$", "number out of range for a float");
            case JsonTokenType.String:
                return (float)SpecialDouble(ref reader);
            case JsonTokenType.Null:
                return null;
            default:
                throw Mismatch("a number", reader.TokenType);
        }
    }

    /// <summary>Reads an arbitrary-precision decimal (Smithy <c>bigDecimal</c>).</summary>
    public static decimal? ReadDecimal(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var value))
                {
                    return value;
                }

                throw new AwsDeserializationException("$", "number out of range for a decimal");
            case JsonTokenType.Null:
                return null;
            default:
                throw Mismatch("a number", reader.TokenType);
        }
    }

    /// <summary>
    /// Reads a timestamp: a number is epoch seconds (fractions kept to the millisecond); a string is read in
    /// <paramref name="format"/>, and failing that in the other two forms.
    /// </summary>
    public static DateTimeOffset? ReadTimestamp(ref Utf8JsonReader reader, TimestampFormat format)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var exact))
                {
                    return Guard(exact, static value => Timestamps.FromEpochSeconds(value));
                }

                if (reader.TryGetDouble(out var approximate))
                {
                    return Guard(approximate, static value => Timestamps.FromEpochSeconds(value));
                }

                throw new AwsDeserializationException("$", "timestamp out of range");
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (format == TimestampFormat.HttpDate && Timestamps.TryParseHttpDate(text, out var httpDate))
                {
                    return httpDate;
                }

                if (Timestamps.TryParseIso8601(text, out var iso))
                {
                    return iso;
                }

                if (Timestamps.TryParseHttpDate(text, out httpDate))
                {
                    return httpDate;
                }

                if (decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                {
                    return Guard(seconds, static value => Timestamps.FromEpochSeconds(value));
                }

                throw new AwsDeserializationException("$", "expected a timestamp, found a string that is not one");
            case JsonTokenType.Null:
                return null;
            default:
                throw Mismatch("a timestamp", reader.TokenType);
        }
    }

    /// <summary>Reads a base64 blob.</summary>
    public static ReadOnlyMemory<byte>? ReadBlob(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (reader.TryGetBytesFromBase64(out var bytes))
                {
                    return bytes;
                }

                throw new AwsDeserializationException("$", "expected base64, found a string that is not base64");
            case JsonTokenType.Null:
                return null;
            default:
                throw Mismatch("a base64 string", reader.TokenType);
        }
    }

    /// <summary>Reads a document (free-form JSON value); JSON <c>null</c> is absent.</summary>
    public static JsonElement? ReadDocument(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>
    /// Checks that the reader is on the start of an object: <see langword="true"/> if so, <see langword="false"/>
    /// for <c>null</c> (absent), and an exception for anything else.
    /// </summary>
    public static bool StartObject(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw Mismatch("an object", reader.TokenType),
    };

    /// <summary>Like <see cref="StartObject"/>, for arrays.</summary>
    public static bool StartArray(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartArray => true,
        JsonTokenType.Null => false,
        _ => throw Mismatch("an array", reader.TokenType),
    };

    /// <summary>Moves to the next token; the end of the input here means the body was cut short.</summary>
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new AwsDeserializationException("$", "the JSON ended early");
        }
    }

    /// <summary>The exception for malformed JSON; the reader's message is not kept, since it may quote input.</summary>
    public static AwsDeserializationException Malformed(string path, JsonException exception) =>
        new(path, "malformed JSON (line " + (exception.LineNumber + 1) + ", byte " + (exception.BytePositionInLine + 1) + ")", exception);

    /// <summary>
    /// Reads a whole response body with <paramref name="read"/> (an empty body reads as <c>{}</c>), turning every
    /// failure into an <see cref="AwsDeserializationException"/>; a top-level <c>null</c> is rejected.
    /// </summary>
    public static T ReadResponseBody<TState, T>(ReadOnlySpan<byte> body, TState state, ReadFunc<TState, T?> read)
        where T : class
    {
        var reader = new Utf8JsonReader(body.IsEmpty ? "{}"u8 : body, ReaderOptions);
        try
        {
            Next(ref reader);
            var value = read(ref reader, state) ?? throw new AwsDeserializationException("$", "expected an object, found null");
            if (reader.Read())
            {
                throw new AwsDeserializationException("$", "unexpected content after the JSON value");
            }

            return value;
        }
        catch (JsonException exception)
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>Whether a body holds no JSON at all: empty or only white space (a REST response without a body).</summary>
    public static bool IsEmptyBody(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Moves a reader over a whole (non-empty) body onto its first token and checks it starts an object:
    /// <see langword="false"/> for a top-level <c>null</c>. Malformed JSON is an <see cref="AwsDeserializationException"/>.
    /// </summary>
    public static bool StartBody(ref Utf8JsonReader reader)
    {
        try
        {
            Next(ref reader);
            return StartObject(ref reader);
        }
        catch (JsonException exception)
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>Checks that nothing follows the body's value.</summary>
    public static void EndBody(ref Utf8JsonReader reader)
    {
        try
        {
            if (reader.Read())
            {
                throw new AwsDeserializationException("$", "unexpected content after the JSON value");
            }
        }
        catch (JsonException exception)
        {
            throw Malformed("$", exception);
        }
    }

    /// <summary>A reader of one value with some state (a static lambda avoids a closure).</summary>
    public delegate T ReadFunc<in TState, out T>(ref Utf8JsonReader reader, TState state);

    private static bool Integer(ref Utf8JsonReader reader, out long value, long min, long max)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out value))
                {
                    if (value < min || value > max)
                    {
                        throw new AwsDeserializationException("$", "integer out of range");
                    }

                    return true;
                }

                throw new AwsDeserializationException("$", "expected an integer, found a number that is not one or is out of range");
            case JsonTokenType.Null:
                value = 0;
                return false;
            default:
                throw Mismatch("an integer", reader.TokenType);
        }
    }

    private static double SpecialDouble(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("NaN"u8))
        {
            return double.NaN;
        }

        if (reader.ValueTextEquals("Infinity"u8))
        {
            return double.PositiveInfinity;
        }

        if (reader.ValueTextEquals("-Infinity"u8))
        {
            return double.NegativeInfinity;
        }

        throw new AwsDeserializationException("$", "expected a number, found a string other than NaN, Infinity or -Infinity");
    }

    // A static conversion with its argument passed in: no closure or delegate is allocated per timestamp.
    private static DateTimeOffset Guard<T>(T value, Func<T, DateTimeOffset> convert)
    {
        try
        {
            return convert(value);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException or FormatException)
        {
            throw new AwsDeserializationException("$", "timestamp out of range", e);
        }
    }

    private static AwsDeserializationException Mismatch(string expected, JsonTokenType found) =>
        new("$", "expected " + expected + ", found " + Describe(found));

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
