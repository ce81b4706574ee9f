using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Codegen.Runtime.Serialization;

namespace Codegen.Runtime.Protocols.Json;

/// <summary>
/// Writes the scalar forms of the AWS JSON protocols onto a <see cref="Utf8JsonWriter"/>. Generated serializers
/// call these for everything that is not a plain string, integer or boolean.
/// </summary>
public static class JsonWireWriter
{
    /// <summary>
    /// Writer options for AWS JSON bodies. Non-ASCII characters are written unescaped (as the AWS SDKs for Java
    /// and JavaScript do); the JSON-mandated escapes are still applied.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
        MaxDepth = JsonWireReader.MaxDepth,
    };

    /// <summary>The body <c>{}</c>: a JSON object with no members.</summary>
    public static ReadOnlyMemory<byte> EmptyObject { get; } = "{}"u8.ToArray();

    /// <summary>Writes a float or double; NaN and the infinities as the strings the protocol uses.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsNaN(value))
        {
            writer.WriteStringValue("NaN");
        }
        else if (double.IsPositiveInfinity(value))
        {
            writer.WriteStringValue("Infinity");
        }
        else if (double.IsNegativeInfinity(value))
        {
            writer.WriteStringValue("-Infinity");
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>Writes a float, NaN and the infinities as strings.</summary>
    public static void WriteSingle(Utf8JsonWriter writer, float value)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
        {
            WriteDouble(writer, value);
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>Writes a timestamp in the given format (<c>epoch-seconds</c>, <c>iso8601</c> or <c>http-date</c>).</summary>
    public static void WriteTimestamp(Utf8JsonWriter writer, DateTimeOffset value, TimestampFormat format)
    {
        switch (format)
        {
            case TimestampFormat.Iso8601:
                writer.WriteStringValue(Timestamps.FormatIso8601(value));
                break;
            case TimestampFormat.HttpDate:
                writer.WriteStringValue(Timestamps.FormatHttpDate(value));
                break;
            default:
                WriteEpochSeconds(writer, value);
                break;
        }
    }

    /// <summary>Writes epoch seconds: an integer when whole, else with millisecond precision.</summary>
    public static void WriteEpochSeconds(Utf8JsonWriter writer, DateTimeOffset value)
    {
        var milliseconds = value.ToUnixTimeMilliseconds();
        if (milliseconds % 1000 == 0)
        {
            writer.WriteNumberValue(milliseconds / 1000);
        }
        else
        {
            writer.WriteNumberValue(decimal.Divide(milliseconds, 1000m));
        }
    }

    /// <summary>Writes a blob as base64.</summary>
    public static void WriteBlob(Utf8JsonWriter writer, ReadOnlyMemory<byte> value) => writer.WriteBase64StringValue(value.Span);

    /// <summary>
    /// Error shapes appear as members only in event streams, as exception events the service sends; a client
    /// never sends one, so this throws.
    /// </summary>
    public static void WriteErrorShape(Utf8JsonWriter writer, Exception value) =>
        throw new NotSupportedException("An error (" + value.GetType().Name + ") cannot be sent as a member value.");

    /// <summary>Writes a document (free-form JSON) as it is.</summary>
    public static void WriteDocument(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

    /// <summary>
    /// Runs <paramref name="write"/> on a writer over a buffer reused per thread, and returns a copy of the bytes
    /// written: the copy is the only allocation in the steady state.
    /// </summary>
    public static byte[] WriteToArray<TState>(TState state, WriteAction<TState> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        try
        {
            write(writer, state);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset(buffer);
            buffer.ResetWrittenCount();
            if (buffer.Capacity > MaxRetainedBytes)
            {
                // A rare huge request should not pin its buffer to the thread forever.
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    /// <summary>A serialization step over a writer and some state (a static lambda avoids a closure).</summary>
    public delegate void WriteAction<TState>(Utf8JsonWriter writer, TState state);

    private const int MaxRetainedBytes = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;
}
