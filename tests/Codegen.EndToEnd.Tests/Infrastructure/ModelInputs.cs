using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Testing;

namespace Codegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Draws a random input for an operation from its botocore model, as JSON in the model's member names: every required
/// member, a random subset of the others, lists and maps of a few entries, strings and numbers from <see cref="Gen"/>
/// (edge cases included), enum values known and unknown. Both sides of a differential test build their request from
/// it: the generated types through <see cref="GeneratedShapes.Build"/> (after <see cref="ForGeneratedShapes"/>), the
/// AWS SDK for JavaScript after its own untagging (<c>node/wire-differential.js</c>).
/// </summary>
/// <remarks>
/// Two values JSON cannot hold as such are tagged: a blob is <c>{"$blob": "base64"}</c>, a timestamp
/// <c>{"$timestamp": epoch milliseconds}</c>. What is left out, and why:
/// <list type="bullet">
/// <item>Strings with lone surrogates: JavaScript's <c>encodeURIComponent</c> throws on them, and they are not Unicode
/// text (our writer and the SDK's would each send something else in their place).</item>
/// <item>Integers beyond ±2^53 and the non-finite doubles: a JavaScript number cannot hold the first exactly, nor JSON
/// the second.</item>
/// <item>URI labels are never empty: both sides refuse an empty label.</item>
/// </list>
/// </remarks>
internal sealed class ModelInputs
{
    private const int MaxDepth = 5;

    private const long MaxSafeInteger = 9_007_199_254_740_991; // 2^53 - 1

    private readonly BotocoreModel _model;
    private readonly Gen _g;

    public ModelInputs(BotocoreModel model, Gen g)
    {
        _model = model;
        _g = g;
    }

    /// <summary>An input for <paramref name="operation"/> (an empty object when it has no input shape).</summary>
    public JsonObject Input(string operation)
    {
        var shape = _model.InputShape(operation);
        if (shape is null)
        {
            return new JsonObject();
        }

        var uri = _model.RequestUri(operation);
        return Structure(shape, 0, label => uri.Contains("{" + label + "+}", StringComparison.Ordinal));
    }

    /// <summary>A value of the structure <paramref name="shapeName"/> (a response or an error), drawn as an input is.</summary>
    public JsonObject Members(string shapeName) => Structure(shapeName, 0);

    /// <summary>The same value in the form <see cref="GeneratedShapes.Build"/> reads: blobs as base64, timestamps as ISO 8601 text.</summary>
    public static JsonNode? ForGeneratedShapes(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject tagged when tagged.Count == 1 && tagged["$blob"] is { } blob:
                return JsonValue.Create(blob.GetValue<string>());
            case JsonObject tagged when tagged.Count == 1 && tagged["$timestamp"] is { } milliseconds:
                return JsonValue.Create(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds.GetValue<long>()).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            case JsonObject structure:
                var copy = new JsonObject();
                foreach (var (name, member) in structure)
                {
                    copy[name] = ForGeneratedShapes(member);
                }

                return copy;
            case JsonArray items:
                return new JsonArray(items.Select(ForGeneratedShapes).ToArray());
            default:
                return value?.DeepClone();
        }
    }

    private JsonObject Structure(string shapeName, int depth, Func<string, bool>? isGreedyLabel = null)
    {
        var shape = _model.Shape(shapeName);
        var required = shape.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();
        var result = new JsonObject();
        foreach (var member in shape.GetProperty("members").EnumerateObject())
        {
            if (!required.Contains(member.Name) && (depth >= MaxDepth || _g.Chance(depth == 0 ? 0.4 : 0.6)))
            {
                continue;
            }

            var target = member.Value.GetProperty("shape").GetString()!;
            var location = member.Value.TryGetProperty("location", out var l) ? l.GetString() : null;
            if (location == "uri")
            {
                var label = member.Value.TryGetProperty("locationName", out var name) ? name.GetString()! : member.Name;
                result[member.Name] = Label(isGreedyLabel?.Invoke(label) == true);
            }
            else
            {
                result[member.Name] = Value(target, depth + 1);
            }
        }

        return result;
    }

    private JsonNode Value(string shapeName, int depth)
    {
        var shape = _model.Shape(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure":
                return Structure(shapeName, depth);
            case "list":
                var item = shape.GetProperty("member").GetProperty("shape").GetString()!;
                return new JsonArray(_g.List(() => Value(item, depth + 1)).ToArray());
            case "map":
                var key = shape.GetProperty("key").GetProperty("shape").GetString()!;
                var value = shape.GetProperty("value").GetProperty("shape").GetString()!;
                var map = new JsonObject();
                foreach (var entry in _g.Map(() => Value(value, depth + 1), key: () => Text(KeyText, key)))
                {
                    map[entry.Key] = entry.Value;
                }

                return map;
            case "string":
                return JsonValue.Create(Text(_g.String, shapeName));
            case "integer":
                return JsonValue.Create(_g.Int());
            case "long":
                return JsonValue.Create(Math.Clamp(_g.Long(), -MaxSafeInteger, MaxSafeInteger));
            case "double":
                var number = _g.Double();
                return JsonValue.Create(double.IsFinite(number) ? number : 1.5);
            case "boolean":
                return JsonValue.Create(_g.Bool());
            case "blob":
                return new JsonObject { ["$blob"] = Convert.ToBase64String(_g.Bytes()) };
            case "timestamp":
                return new JsonObject { ["$timestamp"] = _g.Timestamp().ToUnixTimeMilliseconds() };
            default:
                // float, document, union, ...: not in the operations these tests draw; add them with their rules.
                throw new NotSupportedException($"shape {shapeName} of type {type}");
        }
    }

    /// <summary>A URI label's value: any text but the empty one; a greedy label's (<c>{Key+}</c>) has slashes too.</summary>
    private JsonNode Label(bool greedy)
    {
        string text;
        if (greedy)
        {
            var segments = Enumerable.Range(0, _g.Next(1, 5)).Select(_ => _g.Chance(0.15) ? string.Empty : Text(_g.String, null));
            text = string.Join('/', segments);
        }
        else
        {
            text = Text(_g.String, null);
        }

        return JsonValue.Create(text.Length == 0 ? "x" : text);
    }

    /// <summary>A string of the shape (a known or unknown value of an enum), redrawn until it has no lone surrogate.</summary>
    private string Text(Func<string> draw, string? shapeName)
    {
        if (shapeName is not null && _model.Shape(shapeName).TryGetProperty("enum", out var values))
        {
            draw = () => _g.Enum(values.EnumerateArray().Select(v => v.GetString()!).ToList());
        }

        while (true)
        {
            var text = draw();
            if (!HasLoneSurrogate(text))
            {
                return text;
            }
        }
    }

    private string KeyText() => _g.Key();

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
