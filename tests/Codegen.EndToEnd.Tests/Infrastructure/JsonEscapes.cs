using System;
using System.Globalization;
using System.Text;

namespace Codegen.EndToEnd.Tests.Infrastructure;

/// <summary>Rewrites the string escapes of a JSON text into the form JSON.stringify (and so the JS SDK) writes.</summary>
internal static class JsonEscapes
{
    /// <summary>
    /// Replaces each <c>\uXXXX</c> escape of a character that JSON.stringify writes as it is (anything from U+0020
    /// up, a surrogate pair as the one character it encodes) by that character, and writes the remaining
    /// <c>\uXXXX</c> escapes (control characters, lone surrogates) with lowercase hex digits as JSON.stringify does.
    /// Other escapes (<c>\"</c>, <c>\\</c>, <c>\n</c>, ...) are the same on both sides and are kept.
    /// </summary>
    public static string AsJsonStringifyWrites(string json)
    {
        var result = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c != '\\' || i + 1 >= json.Length)
            {
                result.Append(c);
                continue;
            }

            if (json[i + 1] != 'u' || !TryHex(json, i + 2, out var unit))
            {
                result.Append(c).Append(json[i + 1]);
                i++;
                continue;
            }

            if (char.IsHighSurrogate(unit) && i + 11 < json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                && TryHex(json, i + 8, out var low) && char.IsLowSurrogate(low))
            {
                result.Append(unit).Append(low);
                i += 11;
            }
            else if (unit >= '\u0020' && !char.IsSurrogate(unit))
            {
                result.Append(unit);
                i += 5;
            }
            else
            {
                result.Append("\\u").Append(((int)unit).ToString("x4", CultureInfo.InvariantCulture));
                i += 5;
            }
        }

        return result.ToString();
    }

    private static bool TryHex(string text, int start, out char value)
    {
        value = '\0';
        if (start + 4 > text.Length
            || !int.TryParse(text.AsSpan(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        value = (char)code;
        return true;
    }
}
