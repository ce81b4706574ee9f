using System;
using System.Formats.Cbor;
using System.Numerics;
using System.Text.Json;

namespace Codegen.Runtime.Protocols.Cbor;

/// <summary>
/// Writes the values of rpcv2Cbor bodies onto a <see cref="CborWriter"/> by the protocol's rules. Generated
/// serializers call these for everything that is not a plain string, integer, boolean or byte string.
/// </summary>
public static class CborWireWriter
{
    private const CborTag EpochSecondsTag = (CborTag)1;

    /// <summary>The body of an input with no member set: an empty map.</summary>
    public static ReadOnlyMemory<byte> EmptyMap { get; } = new byte[] { 0xA0 };

    /// <summary>
    /// Writes a timestamp as epoch seconds tagged 1: an integer when whole, else a double with millisecond precision
    /// (the protocol's resolution).
    /// </summary>
    public static void WriteTimestamp(CborWriter writer, DateTimeOffset value)
    {
        writer.WriteTag(EpochSecondsTag);
        var milliseconds = value.ToUnixTimeMilliseconds();
        if (milliseconds % 1000 == 0)
        {
            writer.WriteInt64(milliseconds / 1000);
        }
        else
        {
            writer.WriteDouble(milliseconds / 1000d);
        }
    }

    /// <summary>Writes a <c>bigInteger</c>: a plain integer when it fits in 64 bits, else a bignum (tag 2 or 3).</summary>
    public static void WriteBigInteger(CborWriter writer, BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            writer.WriteInt64((long)value);
        }
        else
        {
            writer.WriteBigInteger(value);
        }
    }

    /// <summary>Writes a <c>bigDecimal</c> as a decimal fraction (tag 4).</summary>
    public static void WriteDecimal(CborWriter writer, decimal value) => writer.WriteDecimal(value);

    /// <summary>
    /// Error shapes appear as members only in event streams, as exception events the service sends; a client
    /// never sends one, so this throws.
    /// </summary>
    public static void WriteErrorShape(CborWriter writer, Exception value) =>
        throw new NotSupportedException("An error (" + value.GetType().Name + ") cannot be sent as a member value.");

    /// <summary>
    /// Writes a document (Smithy's protocol leaves documents out of rpcv2Cbor; this writes the JSON value in the CBOR
    /// data model): objects as maps, arrays as arrays, strings as text strings, numbers as integers when they are
    /// whole and fit in 64 bits, else as doubles.
    /// </summary>
    public static void WriteDocument(CborWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in value.EnumerateObject())
                {
                    count++;
                }

                writer.WriteStartMap(count);
                foreach (var property in value.EnumerateObject())
                {
                    writer.WriteTextString(property.Name);
                    WriteDocument(writer, property.Value);
                }

                writer.WriteEndMap();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray(value.GetArrayLength());
                foreach (var item in value.EnumerateArray())
                {
                    WriteDocument(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteTextString(value.GetString()!);
                break;
            case JsonValueKind.Number:
                if (value.TryGetInt64(out var integer))
                {
                    writer.WriteInt64(integer);
                }
                else if (value.TryGetUInt64(out var unsigned))
                {
                    writer.WriteUInt64(unsigned);
                }
                else
                {
                    writer.WriteDouble(value.GetDouble());
                }

                break;
            case JsonValueKind.True:
                writer.WriteBoolean(true);
                break;
            case JsonValueKind.False:
                writer.WriteBoolean(false);
                break;
            default:
                writer.WriteNull();
                break;
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a writer reused per thread, and returns the bytes written: the array is the
    /// only allocation in the steady state.
    /// </summary>
    public static byte[] WriteToArray<TState>(TState state, Action<CborWriter, TState> write)
    {
        var writer = t_writer ??= new CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false, allowMultipleRootLevelValues: false);
        try
        {
            write(writer, state);
            return writer.Encode();
        }
        finally
        {
            if (writer.BytesWritten > MaxRetainedBytes)
            {
                // A rare huge request should not pin its buffer to the thread forever.
                t_writer = null;
            }
            else
            {
                writer.Reset();
            }
        }
    }

    private const int MaxRetainedBytes = 1 << 20;

    [ThreadStatic]
    private static CborWriter? t_writer;
}
