using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Codegen.Runtime.Endpoints;

/// <summary>
/// Turns what an operation context parameter's JMESPath expression gave (compiled into the generated client) into
/// the type of the rules parameter it fills. A value of another type is unset, as it is for the AWS SDKs: the
/// parameter then keeps its default.
/// </summary>
public static class EndpointContextValues
{
    /// <summary>The strings of a typed list, without its null elements; unset for no list.</summary>
    public static IReadOnlyList<string>? StringList(IEnumerable<string?>? values)
    {
        if (values is null)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var value in values)
        {
            if (value is not null)
            {
                list.Add(value);
            }
        }

        return list;
    }

    /// <summary>The string elements of a JSON array; unset for anything but an array.</summary>
    public static IReadOnlyList<string>? StringList(JsonNode? value)
    {
        if (value is not JsonArray array)
        {
            return null;
        }

        var list = new List<string>(array.Count);
        foreach (var element in array)
        {
            if (StringOf(element) is { } text)
            {
                list.Add(text);
            }
        }

        return list;
    }

    /// <summary>A JSON string's value; unset for any other JSON value.</summary>
    public static string? StringOf(JsonNode? value) =>
        value is JsonValue json && json.GetValueKind() == JsonValueKind.String ? json.GetValue<string>() : null;

    /// <summary>A JSON boolean's value; unset for any other JSON value.</summary>
    public static bool? BooleanOf(JsonNode? value) =>
        value is JsonValue json && json.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? json.GetValue<bool>() : null;
}
