using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Json;

namespace Codegen.Differential.Tests.Infrastructure;

/// <summary>
/// Compares two JSON values as JSON: object members in any order (a member twice is a difference), arrays in
/// order, strings by their unescaped value (so <c>"\u00e9"</c> equals <c>"é"</c>), numbers by exact value
/// (<c>1</c>, <c>1.0</c> and <c>1e0</c> are equal; no rounding through a double), and literals by kind.
/// </summary>
internal static class JsonSemantics
{
    /// <summary>The differences between <paramref name="expected"/> and <paramref name="actual"/>, each with its path; empty when equal.</summary>
    public static IReadOnlyList<string> Differences(JsonElement expected, JsonElement actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    public static IReadOnlyList<string> Differences(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        return Differences(e.RootElement, a.RootElement);
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var left = Members(expected, path, differences);
                var right = Members(actual, path, differences);
                foreach (var (name, value) in left)
                {
                    if (right.TryGetValue(name, out var other))
                    {
                        Compare(value, other, path + "." + name, differences);
                    }
                    else
                    {
                        differences.Add($"{path}.{name}: expected {Show(value)}, got nothing");
                    }
                }

                foreach (var (name, value) in right.Where(p => !left.ContainsKey(p.Key)))
                {
                    differences.Add($"{path}.{name}: expected nothing, got {Show(value)}");
                }

                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                {
                    differences.Add($"{path}: expected {expectedItems.Count} items, got {actualItems.Count}: {Show(expected)} vs {Show(actual)}");
                    return;
                }

                for (var i = 0; i < expectedItems.Count; i++)
                {
                    Compare(expectedItems[i], actualItems[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", differences);
                }

                break;
            case JsonValueKind.String:
                if (!string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal))
                {
                    differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                }

                break;
            case JsonValueKind.Number:
                if (!NumbersEqual(expected.GetRawText(), actual.GetRawText()))
                {
                    differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
        }
    }

    private static Dictionary<string, JsonElement> Members(JsonElement element, string path, List<string> differences)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!members.TryAdd(property.Name, property.Value))
            {
                differences.Add($"{path}.{property.Name}: the member appears more than once");
            }
        }

        return members;
    }

    /// <summary>True when two JSON number texts denote the same rational number.</summary>
    public static bool NumbersEqual(string left, string right) => Normalize(left) == Normalize(right);

    /// <summary>A JSON number as (digits without trailing zeros, exponent): equal values give equal pairs.</summary>
    private static (BigInteger Mantissa, int Exponent) Normalize(string text)
    {
        var exponent = 0;
        var e = text.IndexOfAny(new[] { 'e', 'E' });
        if (e >= 0)
        {
            exponent = int.Parse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text.Substring(0, e);
        }

        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            exponent -= text.Length - dot - 1;
            text = text.Remove(dot, 1);
        }

        var mantissa = BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (mantissa.IsZero)
        {
            return (BigInteger.Zero, 0);
        }

        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }

        return (mantissa, exponent);
    }

    private static string Show(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length > 200 ? text.Substring(0, 200) + "…" : text;
    }
}
