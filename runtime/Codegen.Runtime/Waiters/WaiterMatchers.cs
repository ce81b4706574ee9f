using System.Text.Json.Nodes;
using Codegen.Runtime.Jmespath;

namespace Codegen.Runtime.Waiters;

/// <summary>
/// The pathAll and pathAny matchers over a value whose type the generator could not know (a JSON value): the
/// generated code calls these only then; over a typed list it compares the elements itself.
/// </summary>
public static class WaiterMatchers
{
    /// <summary>Whether <paramref name="value"/> is a non-empty list whose every element equals <paramref name="expected"/>.</summary>
    public static bool All(JsonNode? value, JsonNode? expected)
    {
        if (value is not JsonArray { Count: > 0 } list)
        {
            return false;
        }

        foreach (var element in list)
        {
            if (!JmesJson.Equal(element, expected))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> is a list with an element that equals <paramref name="expected"/>.</summary>
    public static bool Any(JsonNode? value, JsonNode? expected)
    {
        if (value is not JsonArray list)
        {
            return false;
        }

        foreach (var element in list)
        {
            if (JmesJson.Equal(element, expected))
            {
                return true;
            }
        }

        return false;
    }
}
