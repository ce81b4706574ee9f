using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Codegen.Runtime.Jmespath;

/// <summary>
/// The JMESPath built-in functions over JSON values (<see cref="JsonNode"/>, null for JMESPath's null), for the
/// arguments of a compiled expression whose type is known only at run time. A wrong argument type throws
/// <see cref="JmesPathException"/> with kind <c>invalid-type</c>, as the specification says.
/// </summary>
public static class JmesFunctions
{
    /// <summary><c>abs(number)</c>.</summary>
    public static JsonNode? Abs(JsonNode? value) => JsonValue.Create(Math.Abs(Number("abs", value)));

    /// <summary><c>avg(array[number])</c>; null for an empty array.</summary>
    public static JsonNode? Avg(JsonNode? value)
    {
        var numbers = Numbers("avg", value);
        return numbers.Count == 0 ? null : JsonValue.Create(numbers.Sum() / numbers.Count);
    }

    /// <summary><c>ceil(number)</c>.</summary>
    public static JsonNode? Ceil(JsonNode? value) => JsonValue.Create(Math.Ceiling(Number("ceil", value)));

    /// <summary><c>floor(number)</c>.</summary>
    public static JsonNode? Floor(JsonNode? value) => JsonValue.Create(Math.Floor(Number("floor", value)));

    /// <summary><c>contains(array|string, any)</c>.</summary>
    public static JsonNode? Contains(JsonNode? subject, JsonNode? search)
    {
        switch (subject)
        {
            case JsonArray array:
                return JsonValue.Create(array.Any(item => JmesJson.Equal(item, search)));
            case not null when JmesJson.KindOf(subject) == JsonValueKind.String:
                return JsonValue.Create(JmesJson.KindOf(search) == JsonValueKind.String
                    && subject.GetValue<string>().Contains(search!.GetValue<string>(), StringComparison.Ordinal));
            default:
                throw JmesPathException.InvalidType("contains", "an array or a string", JmesJson.TypeName(subject));
        }
    }

    /// <summary><c>ends_with(string, string)</c>.</summary>
    public static JsonNode? EndsWith(JsonNode? subject, JsonNode? suffix) =>
        JsonValue.Create(String("ends_with", subject).EndsWith(String("ends_with", suffix), StringComparison.Ordinal));

    /// <summary><c>starts_with(string, string)</c>.</summary>
    public static JsonNode? StartsWith(JsonNode? subject, JsonNode? prefix) =>
        JsonValue.Create(String("starts_with", subject).StartsWith(String("starts_with", prefix), StringComparison.Ordinal));

    /// <summary><c>join(string, array[string])</c>.</summary>
    public static JsonNode? Join(JsonNode? glue, JsonNode? values) =>
        JsonValue.Create(string.Join(String("join", glue), Array("join", values).Select(item => String("join", item))));

    /// <summary><c>keys(object)</c>.</summary>
    public static JsonNode? Keys(JsonNode? value) =>
        JmesJson.Array(Object("keys", value).Select(pair => (JsonNode?)JsonValue.Create(pair.Key)).ToArray());

    /// <summary><c>values(object)</c>.</summary>
    public static JsonNode? Values(JsonNode? value) => JmesJson.Array(Object("values", value).Select(pair => pair.Value).ToArray());

    /// <summary><c>length(string|array|object)</c>; a string's length in code points.</summary>
    public static JsonNode? Length(JsonNode? value) => value switch
    {
        JsonArray array => JsonValue.Create(array.Count),
        JsonObject obj => JsonValue.Create(obj.Count),
        not null when JmesJson.KindOf(value) == JsonValueKind.String => JsonValue.Create(JmesTyped.Length(value.GetValue<string>())),
        _ => throw JmesPathException.InvalidType("length", "a string, an array or an object", JmesJson.TypeName(value)),
    };

    /// <summary><c>map(&amp;expression, array)</c>: the expression on every element, nulls kept.</summary>
    public static JsonNode? Map(Func<JsonNode?, JsonNode?> expression, JsonNode? values)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return JmesJson.Array(Array("map", values).Select(expression).ToArray());
    }

    /// <summary><c>max(array[number]|array[string])</c>; null for an empty array.</summary>
    public static JsonNode? Max(JsonNode? values) => Extreme("max", values, largest: true);

    /// <summary><c>min(array[number]|array[string])</c>; null for an empty array.</summary>
    public static JsonNode? Min(JsonNode? values) => Extreme("min", values, largest: false);

    /// <summary><c>max_by(array, &amp;expression)</c>.</summary>
    public static JsonNode? MaxBy(JsonNode? values, Func<JsonNode?, JsonNode?> key) => ExtremeBy("max_by", values, key, largest: true);

    /// <summary><c>min_by(array, &amp;expression)</c>.</summary>
    public static JsonNode? MinBy(JsonNode? values, Func<JsonNode?, JsonNode?> key) => ExtremeBy("min_by", values, key, largest: false);

    /// <summary><c>merge(object...)</c>: later members win.</summary>
    public static JsonNode? Merge(params JsonNode?[] objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var result = new JsonObject();
        foreach (var value in objects)
        {
            foreach (var pair in Object("merge", value))
            {
                result[pair.Key] = JmesJson.Own(pair.Value);
            }
        }

        return result;
    }

    /// <summary><c>not_null(any...)</c>: the first argument that is not null.</summary>
    public static JsonNode? NotNull(params JsonNode?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.FirstOrDefault(value => value is not null && JmesJson.KindOf(value) != JsonValueKind.Null);
    }

    /// <summary><c>reverse(string|array)</c>.</summary>
    public static JsonNode? Reverse(JsonNode? value)
    {
        if (value is JsonArray array)
        {
            return JmesJson.Array(array.Reverse().ToArray());
        }

        var text = String("reverse", value, "a string or an array");
        var builder = new StringBuilder(text.Length);
        for (var i = text.Length - 1; i >= 0; i--)
        {
            // Code points, not UTF-16 units: a surrogate pair stays in order.
            if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))
            {
                builder.Append(text[i - 1]).Append(text[i]);
                i--;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return JsonValue.Create(builder.ToString());
    }

    /// <summary><c>sort(array[number]|array[string])</c>.</summary>
    public static JsonNode? Sort(JsonNode? values)
    {
        var items = Array("sort", values);
        var keys = SortKeys("sort", items.ToList());
        return JmesJson.Array(StableOrder(items, keys).ToArray());
    }

    /// <summary><c>sort_by(array, &amp;expression)</c>: stable, by the expression's number or string.</summary>
    public static JsonNode? SortBy(JsonNode? values, Func<JsonNode?, JsonNode?> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var items = Array("sort_by", values);
        var keys = SortKeys("sort_by", items.Select(key).ToList());
        return JmesJson.Array(StableOrder(items, keys).ToArray());
    }

    /// <summary><c>sum(array[number])</c>.</summary>
    public static JsonNode? Sum(JsonNode? values) => JsonValue.Create(Numbers("sum", values).Sum());

    /// <summary><c>to_array(any)</c>: an array as it is, anything else in an array of one.</summary>
    public static JsonNode? ToArray(JsonNode? value) => value is JsonArray ? value : JmesJson.Array(value);

    /// <summary><c>to_number(any)</c>: a number, a string that is a JSON number, or null.</summary>
    public static JsonNode? ToNumber(JsonNode? value)
    {
        switch (JmesJson.KindOf(value))
        {
            case JsonValueKind.Number:
                return value;
            case JsonValueKind.String:
                var text = value!.GetValue<string>();
                return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
                    && !double.IsInfinity(number)
                    ? (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) ? JsonValue.Create(integer) : JsonValue.Create(number))
                    : null;
            default:
                return null;
        }
    }

    /// <summary><c>to_string(any)</c>: a string as it is, anything else as compact JSON.</summary>
    public static JsonNode? ToStringValue(JsonNode? value) =>
        JmesJson.KindOf(value) == JsonValueKind.String ? value : JsonValue.Create(value is null ? "null" : value.ToJsonString(CompactJson));

    /// <summary><c>type(any)</c>: <c>number</c>, <c>string</c>, <c>boolean</c>, <c>array</c>, <c>object</c> or <c>null</c>.</summary>
    public static JsonNode? Type(JsonNode? value) => JsonValue.Create(JmesJson.TypeName(value));

    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static double Number(string function, JsonNode? value) =>
        JmesJson.KindOf(value) == JsonValueKind.Number ? JmesJson.NumberOf(value!) : throw JmesPathException.InvalidType(function, "a number", JmesJson.TypeName(value));

    private static string String(string function, JsonNode? value, string expected = "a string") =>
        JmesJson.KindOf(value) == JsonValueKind.String ? value!.GetValue<string>() : throw JmesPathException.InvalidType(function, expected, JmesJson.TypeName(value));

    private static JsonArray Array(string function, JsonNode? value) =>
        value as JsonArray ?? throw JmesPathException.InvalidType(function, "an array", JmesJson.TypeName(value));

    private static JsonObject Object(string function, JsonNode? value) =>
        value as JsonObject ?? throw JmesPathException.InvalidType(function, "an object", JmesJson.TypeName(value));

    private static List<double> Numbers(string function, JsonNode? value) =>
        Array(function, value).Select(item => JmesJson.KindOf(item) == JsonValueKind.Number
            ? JmesJson.NumberOf(item!)
            : throw JmesPathException.InvalidType(function, "an array of numbers", "an array with a " + JmesJson.TypeName(item))).ToList();

    /// <summary>The sort keys: all numbers or all strings, else invalid-type.</summary>
    private static List<JsonNode?> SortKeys(string function, IReadOnlyList<JsonNode?> keys)
    {
        if (keys.Count == 0)
        {
            return new List<JsonNode?>();
        }

        var kind = JmesJson.KindOf(keys[0]);
        if (kind is not (JsonValueKind.Number or JsonValueKind.String) || keys.Any(k => JmesJson.KindOf(k) != kind))
        {
            // Name the first key that breaks the rule: not a number or string, or not of the first key's kind.
            // Name the first key that breaks the rule (a JSON null is a null node, so search by index).
            var offending = keys.Count(k => JmesJson.KindOf(k) == kind) == keys.Count ? 0 : Enumerable.Range(0, keys.Count).First(i => JmesJson.KindOf(keys[i]) != kind);
            throw JmesPathException.InvalidType(function, "numbers or strings (all of one type)", JmesJson.TypeName(keys[offending]) + " at position " + offending);
        }

        return keys.ToList();
    }

    private static IEnumerable<JsonNode?> StableOrder(JsonArray items, List<JsonNode?> keys) =>
        Enumerable.Range(0, items.Count).OrderBy(i => keys[i], KeyComparer.Instance).ThenBy(i => i).Select(i => items[i]);

    private static JsonNode? Extreme(string function, JsonNode? values, bool largest)
    {
        var items = Array(function, values);
        if (items.Count == 0)
        {
            return null;
        }

        SortKeys(function, items.ToList());
        var best = items[0];
        foreach (var item in items)
        {
            var order = KeyComparer.Instance.Compare(item, best);
            if (largest ? order > 0 : order < 0)
            {
                best = item;
            }
        }

        return best;
    }

    private static JsonNode? ExtremeBy(string function, JsonNode? values, Func<JsonNode?, JsonNode?> key, bool largest)
    {
        ArgumentNullException.ThrowIfNull(key);
        var items = Array(function, values);
        if (items.Count == 0)
        {
            return null;
        }

        var keys = SortKeys(function, items.Select(key).ToList());
        var best = 0;
        for (var i = 1; i < items.Count; i++)
        {
            var order = KeyComparer.Instance.Compare(keys[i], keys[best]);
            if (largest ? order > 0 : order < 0)
            {
                best = i;
            }
        }

        return items[best];
    }

    /// <summary>Orders two keys of one kind: numbers by value, strings by code point.</summary>
    private sealed class KeyComparer : IComparer<JsonNode?>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(JsonNode? x, JsonNode? y) =>
            JmesJson.KindOf(x) == JsonValueKind.Number
                ? JmesJson.NumberOf(x!).CompareTo(JmesJson.NumberOf(y!))
                : JmesJson.CompareCodePoints(x!.GetValue<string>(), y!.GetValue<string>());
    }
}
