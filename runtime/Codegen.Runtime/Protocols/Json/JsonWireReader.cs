using System;
using System.Text.Json;
using System.Text.Unicode;
using Codegen.Runtime.Serialization;

namespace Codegen.Runtime.Protocols.Json;

/// <summary>
/// Reads the scalar forms of the AWS JSON protocols from a <see cref="Utf8JsonReader"/> positioned on a value.
/// Every method treats JSON <c>null</c> as an absent value and throws <see cref="AwsDeserializationException"/>
/// (path <c>$</c>, made longer by each enclosing reader) for a value of the wrong type, and for text that is not
/// text: a string or name whose bytes are not valid UTF-8, or whose escapes hold an unpaired surrogate
/// (<c>"\ud800"</c>). The JSON reader itself lets both through and fails only when the text is decoded, with an
/// <see cref="InvalidOperationException"/>; no such exception leaves these methods.
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
        JsonTokenType.String => Text(ref reader, "a string"),
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
                var text = Text(ref reader, "a string");
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
                if (TryGetBase64(ref reader, out var bytes))
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

        // The document keeps its strings undecoded, and would fail only when the caller reads one: every string and
        // name in it is checked here, on a copy of the reader, so that a document that is read is all text.
        CheckDocumentText(reader);
        try
        {
            return JsonElement.ParseValue(ref reader);
        }
        catch (InvalidOperationException exception)
        {
            throw Undecodable("a string", exception);
        }
    }

    /// <summary>
    /// Checks the property name under the reader before it is compared with member names: a name that is not valid
    /// UTF-8 or escapes an unpaired surrogate is an <see cref="AwsDeserializationException"/> (path <c>$</c>), known
    /// member or not. (The values of unknown members are skipped, not decoded.)
    /// </summary>
    public static void CheckMemberName(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || !Utf8.IsValid(reader.ValueSpan))
        {
            _ = Text(ref reader, "a member name");
        }
    }

    /// <summary>Reads the property name under the reader (a union's member name) as text; see <see cref="CheckMemberName"/>.</summary>
    public static string ReadPropertyName(ref Utf8JsonReader reader) => Text(ref reader, "a member name");

    /// <summary>Reads the property name under the reader as a map key; text that is not text is an <see cref="AwsDeserializationException"/>.</summary>
    public static string ReadMapKey(ref Utf8JsonReader reader) => Text(ref reader, "a map key");

    /// <summary>
    /// The string or property name under the reader as text, or <see langword="null"/> when it is not text (for error
    /// bodies, which are read without ever throwing).
    /// </summary>
    public static string? TryReadText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Decodes the string or property name under the reader; text that is not text is an <see cref="AwsDeserializationException"/>.</summary>
    private static string Text(ref Utf8JsonReader reader, string what)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            throw Undecodable(what, exception);
        }
    }

    private static bool TryGetBase64(ref Utf8JsonReader reader, out byte[] bytes)
    {
        try
        {
            return reader.TryGetBytesFromBase64(out bytes!);
        }
        catch (InvalidOperationException)
        {
            // An escape that is not text cannot be base64 either.
            bytes = Array.Empty<byte>();
            return false;
        }
    }

    private static void CheckDocumentText(Utf8JsonReader probe)
    {
        var depth = probe.CurrentDepth;
        while (true)
        {
            if (probe.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                && (probe.ValueIsEscaped || probe.HasValueSequence || !Utf8.IsValid(probe.ValueSpan)))
            {
                _ = Text(ref probe, probe.TokenType == JsonTokenType.String ? "a string" : "a member name");
            }

            if (probe.CurrentDepth == depth && probe.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return; // a scalar, or the end of the object or array the document is
            }

            if (!probe.Read())
            {
                return; // cut short: the parse that follows says so
            }
        }
    }

    /// <summary>The exception for text that cannot be decoded; the reader's message is not kept, since it may quote input.</summary>
    private static AwsDeserializationException Undecodable(string what, InvalidOperationException exception) =>
        new("$", what + " that is not valid UTF-8 or holds an unpaired surrogate", exception);

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
        if (reader.ValueIsEscaped)
        {
            _ = Text(ref reader, "a string"); // ValueTextEquals would throw for an escape that is not text
        }

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
