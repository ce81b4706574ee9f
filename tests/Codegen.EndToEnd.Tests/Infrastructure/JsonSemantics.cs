using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Codegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Compares JSON documents by meaning: object members in any order (but no duplicates), arrays in order, numbers by
/// value (<c>1</c>, <c>1.0</c> and <c>1e0</c> are equal), strings after unescaping (<c>"é"</c> and <c>"\u00e9"</c> are equal).
/// </summary>
internal static class JsonSemantics
{
    /// <summary>The differences between <paramref name="expected"/> and <paramref name="actual"/>, each with its JSON path; empty when equal.</summary>
    public static IReadOnlyList<string> Differences(JsonElement expected, JsonElement actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    /// <summary>
    /// Whether both documents list the members of every object in the same order (and so could be byte-identical
    /// if they escape strings alike). Only meaningful when <see cref="Differences"/> found none.
    /// </summary>
    public static bool SameMemberOrder(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var left = a.EnumerateObject().ToList();
                var right = b.EnumerateObject().ToList();
                return left.Count == right.Count
                    && left.Zip(right).All(pair => pair.First.Name == pair.Second.Name && SameMemberOrder(pair.First.Value, pair.Second.Value));
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(pair => SameMemberOrder(pair.First, pair.Second));
            default:
                return true;
        }
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind && !(IsBoolean(expected) && IsBoolean(actual)))
        {
            differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedMembers = Members(expected, path, differences);
                var actualMembers = Members(actual, path, differences);
                foreach (var (name, value) in expectedMembers)
                {
                    if (actualMembers.TryGetValue(name, out var other))
                    {
                        Compare(value, other, path + "." + name, differences);
                    }
                    else
                    {
                        differences.Add($"{path}.{name}: expected {Describe(value)}, missing");
                    }
                }

                foreach (var name in actualMembers.Keys.Where(n => !expectedMembers.ContainsKey(n)))
                {
                    differences.Add($"{path}.{name}: unexpected {Describe(actualMembers[name])}");
                }

                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                {
                    differences.Add($"{path}: expected {expectedItems.Count} items, got {actualItems.Count}");
                    return;
                }

                for (var i = 0; i < expectedItems.Count; i++)
                {
                    Compare(expectedItems[i], actualItems[i], $"{path}[{i}]", differences);
                }

                break;
            case JsonValueKind.String:
                if (!string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal))
                {
                    differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
                }

                break;
            case JsonValueKind.Number:
                if (!NumbersEqual(expected, actual))
                {
                    differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
            case JsonValueKind.True or JsonValueKind.False:
                if (expected.GetBoolean() != actual.GetBoolean())
                {
                    differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
        }
    }

    private static Dictionary<string, JsonElement> Members(JsonElement value, string path, List<string> differences)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            if (!members.TryAdd(member.Name, member.Value))
            {
                differences.Add($"{path}: the member {member.Name} appears twice");
            }
        }

        return members;
    }

    private static bool NumbersEqual(JsonElement a, JsonElement b)
    {
        if (a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y))
        {
            return x == y;
        }

        return a.GetDouble().Equals(b.GetDouble());
    }

    private static bool IsBoolean(JsonElement value) => value.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 120 ? text[..120] + "..." : text;
    }
}
