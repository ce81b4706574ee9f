using System;
using Codegen.Generator.Model;

namespace Codegen.Generator.Analyzers;

/// <summary>The listed enum value a mistyped string most likely meant: the same letters in another case or spelling, or a near miss.</summary>
internal static class EnumSuggestion
{
    public static CodeEnumValue? Closest(string text, EquatableArray<CodeEnumValue> values)
    {
        var normalized = Normalize(text);
        CodeEnumValue? best = null;
        var bestDistance = int.MaxValue;
        foreach (var value in values)
        {
            var candidate = Normalize(value.Value);
            if (candidate == normalized)
            {
                return value; // only case, '_', '-' or spaces differ
            }

            var distance = Distance(normalized, candidate);
            if (distance < bestDistance)
            {
                best = value;
                bestDistance = distance;
            }
        }

        // A near miss only: at most one edit in three characters.
        return bestDistance <= Math.Max(1, normalized.Length / 3) ? best : null;
    }

    private static string Normalize(string value)
    {
        var chars = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is not ('_' or '-' or ' ' or '.'))
            {
                chars.Append(char.ToUpperInvariant(c));
            }
        }

        return chars.ToString();
    }

    /// <summary>Levenshtein distance (insertions, deletions and substitutions).</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
