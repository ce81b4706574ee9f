using System.Text.Json.Nodes;
using Codegen.Runtime.Jmespath;

namespace Codegen.Runtime.Waiters;

/// <summary>
/// What the generated match methods of waiters share: <see cref="Holds{TResponse}"/> around every path acceptor, and
/// the pathAll and pathAny matchers over a value whose type the generator could not know (a JSON value; over a typed
/// list the generated code compares the elements itself).
/// </summary>
public static class WaiterMatchers
{
    /// <summary>
    /// Whether a path acceptor's <paramref name="condition"/> holds for <paramref name="response"/>. An expression that
    /// raises a JMESPath error on this response (<c>length</c> of a list the response left out, say) does not match: the
    /// waiter goes on to the next acceptor, as the AWS SDK for JavaScript's waiters do, instead of ending the wait with
    /// an exception the model's author did not foresee.
    /// </summary>
    public static bool Holds<TResponse>(TResponse response, System.Func<TResponse, bool> condition)
    {
        System.ArgumentNullException.ThrowIfNull(condition);
        try
        {
            return condition(response);
        }
        catch (JmesPathException)
        {
            return false;
        }
    }

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
