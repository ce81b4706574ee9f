using System;
using System.Formats.Cbor;
using System.Text.Json.Nodes;
using Codegen.Testing;

namespace Codegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Encodes a value drawn by <see cref="ModelInputs"/> (model member names, tagged blobs and timestamps) as the
/// rpcv2Cbor body a service would send, by the botocore shape, for the response side of the CBOR differential test.
/// Written over System.Formats.Cbor from the protocol's rules, independently of the generated readers it feeds, and
/// in the forms a server may choose: maps and arrays of definite or indefinite length, timestamps (tag 1) as integer
/// or floating-point epoch seconds.
/// </summary>
internal sealed class ModelCbor
{
    private readonly BotocoreModel _model;
    private readonly Gen _g;

    public ModelCbor(BotocoreModel model, Gen g)
    {
        _model = model;
        _g = g;
    }

    /// <summary>The body for <paramref name="value"/> of the structure <paramref name="shapeName"/>, with <paramref name="errorType"/> as <c>__type</c> if given.</summary>
    public byte[] Encode(string shapeName, JsonObject value, string? errorType = null)
    {
        var writer = new CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false);
        Structure(writer, shapeName, value, errorType);
        return writer.Encode();
    }

    private void Structure(CborWriter writer, string shapeName, JsonObject value, string? errorType = null)
    {
        var members = _model.Shape(shapeName).GetProperty("members");
        StartMap(writer, value.Count + (errorType is null ? 0 : 1));
        if (errorType is not null)
        {
            writer.WriteTextString("__type");
            writer.WriteTextString(errorType);
        }

        foreach (var (name, member) in value)
        {
            writer.WriteTextString(name);
            Value(writer, members.GetProperty(name).GetProperty("shape").GetString()!, member!);
        }

        writer.WriteEndMap();
    }

    private void Value(CborWriter writer, string shapeName, JsonNode value)
    {
        var shape = _model.Shape(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                Structure(writer, shapeName, value.AsObject());
                break;
            case "list":
                var items = value.AsArray();
                var item = shape.GetProperty("member").GetProperty("shape").GetString()!;
                writer.WriteStartArray(_g.Chance(0.3) ? null : items.Count);
                foreach (var element in items)
                {
                    Value(writer, item, element!);
                }

                writer.WriteEndArray();
                break;
            case "map":
                var map = value.AsObject();
                var mapValue = shape.GetProperty("value").GetProperty("shape").GetString()!;
                StartMap(writer, map.Count);
                foreach (var (key, entry) in map)
                {
                    writer.WriteTextString(key);
                    Value(writer, mapValue, entry!);
                }

                writer.WriteEndMap();
                break;
            case "string":
                writer.WriteTextString(value.GetValue<string>());
                break;
            case "integer" or "long":
                // ModelInputs holds an integer as an int, a long as a long.
                writer.WriteInt64(value.AsValue().TryGetValue<int>(out var small) ? small : value.GetValue<long>());
                break;
            case "double":
                writer.WriteDouble(value.GetValue<double>());
                break;
            case "boolean":
                writer.WriteBoolean(value.GetValue<bool>());
                break;
            case "blob":
                writer.WriteByteString(Convert.FromBase64String(value["$blob"]!.GetValue<string>()));
                break;
            case "timestamp":
                var milliseconds = value["$timestamp"]!.GetValue<long>();
                writer.WriteTag(CborTag.UnixTimeSeconds);
                if (milliseconds % 1000 == 0 && _g.Chance(0.5))
                {
                    writer.WriteInt64(milliseconds / 1000);
                }
                else
                {
                    writer.WriteDouble(milliseconds / 1000.0);
                }

                break;
            case var type:
                throw new NotSupportedException($"shape {shapeName} of type {type}");
        }
    }

    private void StartMap(CborWriter writer, int count) => writer.WriteStartMap(_g.Chance(0.3) ? null : count);
}
