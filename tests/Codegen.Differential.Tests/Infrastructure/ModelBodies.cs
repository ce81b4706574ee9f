using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Codegen.Testing;

namespace Codegen.Differential.Tests.Infrastructure;

/// <summary>
/// Writes random JSON bodies for the shapes of a botocore model: each structure with its required members always
/// present, a random subset of the optional ones (some as explicit <c>null</c>), and now and then members the model
/// does not have (nested objects and arrays, some reusing the names of real members deeper down); lists and maps
/// of up to a few entries, with an occasional <c>null</c> entry; strings, numbers (NaN and the infinities as their
/// strings), blobs, timestamps and enum values from <see cref="Gen"/>. The text is written with non-ASCII characters
/// sometimes escaped and sometimes not.
/// </summary>
/// <remarks>
/// Required members are never left out: the generated readers reject a response structure without one (its property
/// is not nullable), where the SDK leaves the member unset. That is a deliberate difference of ours, not exercised.
/// </remarks>
internal sealed class ModelBodies
{
    private const int MaxDepth = 8;

    private static readonly JsonWriterOptions Escaped = new() { Encoder = JavaScriptEncoder.Default, SkipValidation = true };

    private static readonly JsonWriterOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly BotocoreModel _model;
    private readonly Gen _g;

    public ModelBodies(BotocoreModel model, Gen g)
    {
        _model = model;
        _g = g;
    }

    /// <summary>A body for the structure <paramref name="shape"/> with <paramref name="extra"/> members written first.</summary>
    public byte[] Body(string shape, Action<Utf8JsonWriter>? extra = null, IReadOnlyCollection<string>? skip = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, _g.Bool() ? Escaped : Unescaped))
        {
            WriteStructure(writer, shape, 0, extra, skip);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void WriteValue(Utf8JsonWriter writer, string shapeName, int depth)
    {
        var shape = _model.Shape(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure":
                WriteStructure(writer, shapeName, depth, null, null);
                break;
            case "list":
                writer.WriteStartArray();
                if (depth < MaxDepth)
                {
                    var member = shape.GetProperty("member").GetProperty("shape").GetString()!;
                    foreach (var _ in Enumerable.Range(0, Count()))
                    {
                        if (_g.Chance(0.05) && CanBeNullEntry(member))
                        {
                            writer.WriteNullValue();
                        }
                        else
                        {
                            WriteValue(writer, member, depth + 1);
                        }
                    }
                }

                writer.WriteEndArray();
                break;
            case "map":
                writer.WriteStartObject();
                if (depth < MaxDepth)
                {
                    var keyShape = _model.Shape(shape.GetProperty("key").GetProperty("shape").GetString()!);
                    var value = shape.GetProperty("value").GetProperty("shape").GetString()!;
                    var keys = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var _ in Enumerable.Range(0, Count()))
                    {
                        var key = keyShape.TryGetProperty("enum", out var known) && _g.Chance(0.7)
                            ? _g.Enum(known.EnumerateArray().Select(e => e.GetString()!).ToList())
                            : _g.Key();
                        if (!keys.Add(key))
                        {
                            continue;
                        }

                        writer.WritePropertyName(key);
                        if (_g.Chance(0.05) && CanBeNullEntry(value))
                        {
                            writer.WriteNullValue();
                        }
                        else
                        {
                            WriteValue(writer, value, depth + 1);
                        }
                    }
                }

                writer.WriteEndObject();
                break;
            case "string":
                writer.WriteStringValue(shape.TryGetProperty("enum", out var values)
                    ? _g.Enum(values.EnumerateArray().Select(e => e.GetString()!).ToList())
                    : _g.String());
                break;
            case "integer":
                writer.WriteNumberValue(_g.Int());
                break;
            case "long":
                writer.WriteNumberValue(_g.Long());
                break;
            case "double":
                // NaN and the infinities are strings on the wire.
                if (_g.Chance(0.05))
                {
                    writer.WriteStringValue(_g.Pick("NaN", "Infinity", "-Infinity"));
                }
                else
                {
                    writer.WriteNumberValue(_g.Double());
                }

                break;
            case "float":
                var single = (float)_g.Double();
                writer.WriteNumberValue(float.IsFinite(single) ? single : 1.5f);
                break;
            case "boolean":
                writer.WriteBooleanValue(_g.Bool());
                break;
            case "blob":
                writer.WriteBase64StringValue(_g.Bytes());
                break;
            case "timestamp":
                WriteTimestamp(writer);
                break;
            default:
                throw new NotSupportedException($"shape {shapeName} of type {type}");
        }
    }

    /// <summary>
    /// Epoch seconds, the awsJson default: whole, or with milliseconds. Not finer than milliseconds: the protocol
    /// defines the fraction to the millisecond, and the two sides cut a finer one differently (the SDK truncates
    /// towards zero, <c>1.2346</c> to <c>1.234</c>; ours rounds half away from zero, to <c>1.235</c>, as the AWS SDK
    /// for JavaScript v3 does), so such input has no single right reading to compare against.
    /// </summary>
    private void WriteTimestamp(Utf8JsonWriter writer)
    {
        var milliseconds = _g.Timestamp().ToUnixTimeMilliseconds();
        writer.WriteNumberValue(_g.Chance(0.3) ? Math.Floor(milliseconds / 1000m) : milliseconds / 1000m);
    }

    private void WriteStructure(Utf8JsonWriter writer, string shapeName, int depth, Action<Utf8JsonWriter>? extra, IReadOnlyCollection<string>? skip)
    {
        var shape = _model.Shape(shapeName);
        var required = shape.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();
        var members = shape.GetProperty("members").EnumerateObject().Where(m => skip is null || !skip.Contains(m.Name)).ToList();
        writer.WriteStartObject();
        extra?.Invoke(writer);
        if (_g.Chance(0.15))
        {
            WriteUnknownMember(writer, members.Select(m => m.Name).ToList());
        }

        foreach (var member in members.OrderBy(_ => _g.Next(1000)))
        {
            var target = member.Value.GetProperty("shape").GetString()!;
            var isRequired = required.Contains(member.Name);
            if (!isRequired && (depth >= MaxDepth || _g.Chance(depth == 0 ? 0.2 : 0.4)))
            {
                continue;
            }

            var wireName = member.Value.TryGetProperty("locationName", out var location) ? location.GetString()! : member.Name;
            writer.WritePropertyName(wireName);
            if (!isRequired && _g.Chance(0.1))
            {
                writer.WriteNullValue();
            }
            else
            {
                WriteValue(writer, target, depth + 1);
            }
        }

        if (_g.Chance(0.1))
        {
            WriteUnknownMember(writer, members.Select(m => m.Name).ToList());
        }

        writer.WriteEndObject();
    }

    /// <summary>A member the model does not have, with a value of any JSON type, sometimes hiding real member names inside.</summary>
    private void WriteUnknownMember(Utf8JsonWriter writer, IReadOnlyList<string> knownNames)
    {
        writer.WritePropertyName("Unknown" + _g.Key());
        WriteAnyJson(writer, knownNames, 0);
    }

    private void WriteAnyJson(Utf8JsonWriter writer, IReadOnlyList<string> knownNames, int depth)
    {
        switch (depth >= 3 ? _g.Next(5) : _g.Next(7))
        {
            case 0:
                writer.WriteStringValue(_g.String());
                break;
            case 1:
                writer.WriteNumberValue(_g.Double());
                break;
            case 2:
                writer.WriteBooleanValue(_g.Bool());
                break;
            case 3:
                writer.WriteNullValue();
                break;
            case 4:
                writer.WriteNumberValue(_g.Long());
                break;
            case 5:
                writer.WriteStartArray();
                foreach (var _ in Enumerable.Range(0, Count()))
                {
                    WriteAnyJson(writer, knownNames, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                foreach (var _ in Enumerable.Range(0, Count()))
                {
                    // A real member's name inside an unknown member must not be read as that member.
                    writer.WritePropertyName(knownNames.Count > 0 && _g.Chance(0.5) ? _g.Pick(knownNames) : _g.Key());
                    WriteAnyJson(writer, knownNames, depth + 1);
                }

                writer.WriteEndObject();
                break;
        }
    }

    /// <summary>
    /// Whether a null entry is drawn in a list or map of this shape. Not for numbers, booleans and timestamps: the
    /// SDK reads a null there as the type's default (<c>[null, 1.5]</c> as <c>[0, 1.5]</c>), a value that is not in
    /// the body, where ours drops the entry as for every dense list and map. That is a difference of the SDK's and is
    /// left out rather than normalised (a 0 the service did send could not be told apart).
    /// </summary>
    private bool CanBeNullEntry(string shapeName) =>
        _model.Shape(shapeName).GetProperty("type").GetString() is "string" or "blob" or "structure" or "list" or "map";

    private int Count() => _g.Next(5) == 0 ? 0 : _g.Next(1, 4);
}
