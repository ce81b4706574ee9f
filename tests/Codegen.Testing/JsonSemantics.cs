using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Json;

namespace Codegen.Testing;

/// <summary>
/// The one comparison of JSON values by meaning, for every test and tool that checks a body or a result against a
/// reference (the conformance verb of the CLI, the differential tests against the AWS SDKs, the end-to-end tests):
/// object members in any order (a member twice is a difference), arrays in order, strings by their unescaped value
/// (<c>"\u00e9"</c> equals <c>"é"</c>), numbers by exact value (<c>1</c>, <c>1.0</c>, <c>1e0</c> and <c>10e-1</c>
/// are equal; nothing is rounded through a double, so <c>0.1</c> and <c>0.10000000000000001</c> differ), and
/// <c>true</c>, <c>false</c> and <c>null</c> by kind.
/// </summary>
/// <remarks>
/// A shared source file: <c>tests/Codegen.Testing</c> compiles it as a public type (see
/// <c>JsonSemantics.Public.cs</c>), and <c>tools/Codegen.Cli</c>, which should not depend on the test libraries,
/// links it and so has it as an internal one. The declaration here names no accessibility for that reason. The test
/// projects that see the CLI's internals (Conformance, Package) see both copies, so the name is ambiguous there;
/// neither needs it.
/// </remarks>
static partial class JsonSemantics
{
    /// <summary>
    /// The differences between <paramref name="expected"/> and <paramref name="actual"/>, one line each, starting
    /// with its JSON path under <paramref name="root"/>; empty when they are equal.
    /// </summary>
    public static IReadOnlyList<string> Differences(JsonElement expected, JsonElement actual, string root = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, root, differences);
        return differences;
    }

    /// <summary>As <see cref="Differences(JsonElement, JsonElement, string)"/>, for JSON texts.</summary>
    /// <exception cref="JsonException">Either text is not JSON.</exception>
    public static IReadOnlyList<string> Differences(string expected, string actual, string root = "$")
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        return Differences(e.RootElement, a.RootElement, root);
    }

    /// <summary>
    /// Whether both values list the members of every object in the same order (and so could be byte-identical if
    /// they escape strings alike). Only meaningful when <see cref="Differences(JsonElement, JsonElement, string)"/>
    /// found none.
    /// </summary>
    public static bool SameMemberOrder(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Object:
                var leftMembers = left.EnumerateObject().ToList();
                var rightMembers = right.EnumerateObject().ToList();
                return leftMembers.Count == rightMembers.Count
                    && leftMembers.Zip(rightMembers).All(pair => pair.First.Name == pair.Second.Name && SameMemberOrder(pair.First.Value, pair.Second.Value));
            case JsonValueKind.Array:
                return left.GetArrayLength() == right.GetArrayLength()
                    && left.EnumerateArray().Zip(right.EnumerateArray()).All(pair => SameMemberOrder(pair.First, pair.Second));
            default:
                return true;
        }
    }

    /// <summary>True when two JSON number texts denote the same rational number.</summary>
    public static bool NumbersEqual(string left, string right) => Normalize(left) == Normalize(right);

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
                        differences.Add($"{path}.{name}: expected {Show(value)}, got nothing");
                    }
                }

                foreach (var (name, value) in actualMembers.Where(p => !expectedMembers.ContainsKey(p.Key)))
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

    private static Dictionary<string, JsonElement> Members(JsonElement value, string path, List<string> differences)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            if (!members.TryAdd(member.Name, member.Value))
            {
                differences.Add($"{path}.{member.Name}: the member appears more than once");
            }
        }

        return members;
    }

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

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 200 ? text.Substring(0, 200) + "…" : text;
    }
}
