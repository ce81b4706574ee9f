using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Codegen.Runtime.Jmespath;

/// <summary>
/// The JMESPath operations on JSON values (<see cref="JsonNode"/>; null is JMESPath's null), for the parts of a
/// compiled expression whose type is known only at run time: a document member, a mix of types, a multi-select
/// hash. Values are never changed: results hold copies (a node belongs to one parent).
/// </summary>
public static class JmesJson
{
    /// <summary>The member <paramref name="name"/> of an object; null for anything else.</summary>
    public static JsonNode? Field(JsonNode? value, string name) =>
        value is JsonObject obj && obj.TryGetPropertyValue(name, out var member) ? member : null;

    /// <summary>The element at <paramref name="index"/> of an array (from the end when negative); null for anything else.</summary>
    public static JsonNode? Index(JsonNode? value, int index)
    {
        if (value is not JsonArray array)
        {
            return null;
        }

        var at = index < 0 ? array.Count + index : index;
        return at >= 0 && at < array.Count ? array[at] : null;
    }

    /// <summary><c>[start:stop:step]</c> of an array; null for anything else.</summary>
    public static JsonNode? Slice(JsonNode? value, int? start, int? stop, int? step)
    {
        if (value is not JsonArray array)
        {
            return null;
        }

        var result = new JsonArray();
        foreach (var i in JmesTyped.SliceIndexes(array.Count, start, stop, step))
        {
            result.Add(Own(array[i]));
        }

        return result;
    }

    /// <summary><c>[]</c>: an array with the elements of its array elements merged in; null for anything else.</summary>
    public static JsonNode? Flatten(JsonNode? value)
    {
        if (value is not JsonArray array)
        {
            return null;
        }

        var result = new JsonArray();
        foreach (var item in array)
        {
            if (item is JsonArray inner)
            {
                foreach (var element in inner)
                {
                    result.Add(Own(element));
                }
            }
            else
            {
                result.Add(Own(item));
            }
        }

        return result;
    }

    /// <summary>The values of an object as an array; null for anything else.</summary>
    public static JsonNode? Values(JsonNode? value)
    {
        if (value is not JsonObject obj)
        {
            return null;
        }

        var result = new JsonArray();
        foreach (var pair in obj)
        {
            result.Add(Own(pair.Value));
        }

        return result;
    }

    /// <summary>An array without its null elements; null for anything else.</summary>
    public static JsonNode? Compact(JsonNode? value) => Project(value, static e => e);

    /// <summary>A projection: <paramref name="selector"/> on each element that is not null, null results left out.</summary>
    public static JsonNode? Project(JsonNode? value, Func<JsonNode, JsonNode?> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (value is not JsonArray array)
        {
            return null;
        }

        var result = new JsonArray();
        foreach (var item in array)
        {
            if (item is not null && selector(item) is { } projected)
            {
                result.Add(Own(projected));
            }
        }

        return result;
    }

    /// <summary>The elements (not null) of an array for which <paramref name="predicate"/> holds; null for anything else.</summary>
    public static JsonNode? Filter(JsonNode? value, Func<JsonNode, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (value is not JsonArray array)
        {
            return null;
        }

        var result = new JsonArray();
        foreach (var item in array)
        {
            if (item is not null && predicate(item))
            {
                result.Add(Own(item));
            }
        }

        return result;
    }

    /// <summary>JMESPath truth: false for null, false, an empty string, array or object; true otherwise.</summary>
    public static bool Truthy(JsonNode? value) => value switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Count > 0,
        _ => value.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            _ => true,
        },
    };

    /// <summary>Whether two JSON values are equal: same type, numbers by value, arrays in order, objects by members.</summary>
    public static bool Equal(JsonNode? left, JsonNode? right)
    {
        var kind = KindOf(left);
        if (kind != KindOf(right))
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number:
                return NumberOf(left!) == NumberOf(right!);
            case JsonValueKind.String:
                return string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Array:
                var a = (JsonArray)left!;
                var b = (JsonArray)right!;
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!Equal(a[i], b[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                var x = (JsonObject)left!;
                var y = (JsonObject)right!;
                if (x.Count != y.Count)
                {
                    return false;
                }

                foreach (var pair in x)
                {
                    if (!y.TryGetPropertyValue(pair.Key, out var other) || !Equal(pair.Value, other))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    /// <summary><c>a &lt; b</c>: numbers only; null for anything else.</summary>
    public static bool? Less(JsonNode? left, JsonNode? right) => Order(left, right) is { } order ? order < 0 : null;

    /// <summary><c>a &lt;= b</c>: numbers only; null for anything else.</summary>
    public static bool? LessOrEqual(JsonNode? left, JsonNode? right) => Order(left, right) is { } order ? order <= 0 : null;

    /// <summary><c>a &gt; b</c>: numbers only; null for anything else.</summary>
    public static bool? Greater(JsonNode? left, JsonNode? right) => Order(left, right) is { } order ? order > 0 : null;

    /// <summary><c>a &gt;= b</c>: numbers only; null for anything else.</summary>
    public static bool? GreaterOrEqual(JsonNode? left, JsonNode? right) => Order(left, right) is { } order ? order >= 0 : null;

    private static int? Order(JsonNode? left, JsonNode? right)
    {
        if (KindOf(left) != JsonValueKind.Number || KindOf(right) != JsonValueKind.Number)
        {
            return null;
        }

        var a = NumberOf(left!);
        var b = NumberOf(right!);
        return double.IsNaN(a) || double.IsNaN(b) ? null : a.CompareTo(b);
    }

    /// <summary>A boolean as a JSON value.</summary>
    public static JsonNode? From(bool? value) => value is { } v ? JsonValue.Create(v) : null;

    /// <summary>A number as a JSON value.</summary>
    public static JsonNode? From(int? value) => value is { } v ? JsonValue.Create(v) : null;

    /// <summary>A number as a JSON value.</summary>
    public static JsonNode? From(long? value) => value is { } v ? JsonValue.Create(v) : null;

    /// <summary>A number as a JSON value.</summary>
    public static JsonNode? From(short? value) => value is { } v ? JsonValue.Create(v) : null;

    /// <summary>A number as a JSON value.</summary>
    public static JsonNode? From(sbyte? value) => value is { } v ? JsonValue.Create(v) : null;

    /// <summary>A number as a JSON value.</summary>
    public static JsonNode? From(float? value) => value is { } v ? JsonValue.Create((double)v) : null;

    /// <summary>A number as a JSON value.</summary>
    public static JsonNode? From(double? value) => value is { } v ? JsonValue.Create(v) : null;

    /// <summary>A number as a JSON value.</summary>
    public static JsonNode? From(decimal? value) => value is { } v ? JsonValue.Create(v) : null;

    /// <summary>A string as a JSON value.</summary>
    public static JsonNode? From(string? value) => value is null ? null : JsonValue.Create(value);

    /// <summary>A document member as a JSON value (a copy).</summary>
    public static JsonNode? FromElement(JsonElement? value) => value is not { } element ? null : element.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.Object => JsonObject.Create(element.Clone()),
        JsonValueKind.Array => JsonArray.Create(element.Clone()),
        _ => JsonValue.Create(element.Clone()),
    };

    /// <summary>A typed list as a JSON array.</summary>
    public static JsonNode? FromList<T>(IReadOnlyList<T>? list, Func<T, JsonNode?> element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (list is null)
        {
            return null;
        }

        var result = new JsonArray();
        foreach (var item in list)
        {
            result.Add(Own(element(item)));
        }

        return result;
    }

    /// <summary>A typed map as a JSON object.</summary>
    public static JsonNode? FromMap<T>(IReadOnlyDictionary<string, T>? map, Func<T, JsonNode?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (map is null)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var pair in map)
        {
            result[pair.Key] = Own(value(pair.Value));
        }

        return result;
    }

    /// <summary>A multi-select list.</summary>
    public static JsonNode Array(params JsonNode?[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var result = new JsonArray();
        foreach (var item in items)
        {
            result.Add(Own(item));
        }

        return result;
    }

    /// <summary>A multi-select hash.</summary>
    public static JsonNode Object(params (string Key, JsonNode? Value)[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var result = new JsonObject();
        foreach (var (key, value) in members)
        {
            result[key] = Own(value);
        }

        return result;
    }

    /// <summary>A JSON literal of the expression.</summary>
    public static JsonNode? Parse(string json) => JsonNode.Parse(json);

    internal static JsonNode? Own(JsonNode? node) => node is null || node.Parent is null ? node : node.DeepClone();

    internal static JsonValueKind KindOf(JsonNode? value) => value is null ? JsonValueKind.Null : value.GetValueKind();

    /// <summary>The JMESPath type name of a value (<c>number</c>, <c>string</c>, ...).</summary>
    internal static string TypeName(JsonNode? value) => KindOf(value) switch
    {
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    internal static double NumberOf(JsonNode value)
    {
        var v = value.AsValue();
        if (v.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (v.TryGetValue<decimal>(out var m))
        {
            return (double)m;
        }

        if (v.TryGetValue<short>(out var s))
        {
            return s;
        }

        if (v.TryGetValue<sbyte>(out var b))
        {
            return b;
        }

        if (v.TryGetValue<JsonElement>(out var e))
        {
            return e.GetDouble();
        }

        return double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
    }

    /// <summary>Compares strings by Unicode code point, as JMESPath orders them.</summary>
    internal static int CompareCodePoints(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = CodePointAt(a, i);
            var y = CodePointAt(b, j);
            if (x != y)
            {
                return x.CompareTo(y);
            }

            i += x > 0xFFFF ? 2 : 1;
            j += y > 0xFFFF ? 2 : 1;
        }

        return (a.Length - i).CompareTo(b.Length - j);
    }

    private static int CodePointAt(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(text[index], text[index + 1])
            : text[index];
}
