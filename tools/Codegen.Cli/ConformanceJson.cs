using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Codegen.Cli;

/// <summary>
/// Semantic comparison of JSON values, as botocore's protocol tests compare parsed bodies and results: object
/// members in any order, numbers by value (<c>1</c> equals <c>1.0</c>), everything else exactly. Differences are
/// reported one per line with their JSON path.
/// </summary>
internal static class ConformanceJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Appends a line per difference between <paramref name="expected"/> and <paramref name="actual"/>.</summary>
    public static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            if (!NumbersEqual(expected, actual))
            {
                differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
            }

            return;
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var actualMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in actual.EnumerateObject())
                {
                    actualMembers[property.Name] = property.Value;
                }

                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in expected.EnumerateObject())
                {
                    seen.Add(property.Name);
                    var memberPath = path + "." + property.Name;
                    if (actualMembers.TryGetValue(property.Name, out var value))
                    {
                        Compare(property.Value, value, memberPath, differences);
                    }
                    else
                    {
                        differences.Add($"{memberPath}: expected {Describe(property.Value)}, got nothing (member missing)");
                    }
                }

                foreach (var property in actualMembers.Where(p => !seen.Contains(p.Key)))
                {
                    differences.Add($"{path}.{property.Key}: expected nothing, got {Describe(property.Value)} (unexpected member)");
                }

                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                {
                    differences.Add($"{path}: expected {expectedItems.Count} items {Describe(expected)}, got {actualItems.Count} items {Describe(actual)}");
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
                    differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
        }
    }

    /// <summary>Parses <paramref name="bytes"/> as one JSON value, or returns <see langword="null"/> with the reason.</summary>
    public static JsonElement? TryParse(ReadOnlySpan<byte> bytes, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray());
            error = null;
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }

    public static JsonElement Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string Pretty(JsonElement value) => JsonSerializer.Serialize(value, Indented);

    public static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>Body bytes for a message: UTF-8 text, cut short when long.</summary>
    public static string Preview(ReadOnlySpan<byte> bytes, int max = 2000)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length <= max ? text : text.Substring(0, max) + $"... ({text.Length} characters)";
    }

    /// <summary>
    /// Numbers compare as Python compares what <c>json.loads</c> gives: integers exactly, floats (a fraction or
    /// an exponent) as doubles, and an integer with a float by exact value.
    /// </summary>
    private static bool NumbersEqual(JsonElement expected, JsonElement actual)
    {
        var expectedText = expected.GetRawText();
        var actualText = actual.GetRawText();
        var expectedFloat = IsFloat(expectedText);
        var actualFloat = IsFloat(actualText);
        if (!expectedFloat && !actualFloat)
        {
            return BigInteger.Parse(expectedText, CultureInfo.InvariantCulture) == BigInteger.Parse(actualText, CultureInfo.InvariantCulture);
        }

        var x = double.Parse(expectedText, NumberStyles.Float, CultureInfo.InvariantCulture);
        var y = double.Parse(actualText, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (expectedFloat && actualFloat)
        {
            return x.Equals(y);
        }

        var (integer, floating) = expectedFloat ? (actualText, x) : (expectedText, y);
        return double.IsFinite(floating) && Math.Floor(floating) == floating
            && new BigInteger(floating) == BigInteger.Parse(integer, CultureInfo.InvariantCulture);
    }

    private static bool IsFloat(string number) => number.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0;

    private static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 200 ? text : text.Substring(0, 200) + "...";
    }
}
