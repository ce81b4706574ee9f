using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Codegen.Runtime.Serialization;

/// <summary>
/// The text forms of scalar values where the HTTP-binding protocols put them outside the body (headers, query
/// parameters, URI labels), and their parsing back from response headers. Parse failures are
/// <see cref="AwsDeserializationException"/>s naming the member; the header's value is never quoted in them.
/// </summary>
public static class HttpValues
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>The integer in invariant digits.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number in invariant form.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number in invariant form.</summary>
    public static string Format(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same double; <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
    public static string Format(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same float; <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
    public static string Format(float value) =>
        float.IsNaN(value) ? "NaN"
        : float.IsPositiveInfinity(value) ? "Infinity"
        : float.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The timestamp in <paramref name="format"/>.</summary>
    public static string Format(DateTimeOffset value, TimestampFormat format) => Timestamps.Format(value, format);

    /// <summary>A blob as base64.</summary>
    public static string Format(ReadOnlyMemory<byte> value) => Convert.ToBase64String(value.Span);

    /// <summary>A string that holds JSON (a <c>jsonvalue</c> / JSON media type member) as the base64 of its UTF-8 bytes.</summary>
    public static string FormatJsonValue(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// An item of a header list: as it is, unless it holds a comma or a double quote, in which case it is quoted
    /// and its <c>"</c> and <c>\</c> escaped with a backslash (RFC 9110 quoted-string).
    /// </summary>
    public static string QuoteListItem(string item)
    {
        if (item.IndexOf(',') < 0 && item.IndexOf('"') < 0)
        {
            return item;
        }

        var builder = new StringBuilder(item.Length + 4).Append('"');
        foreach (var c in item)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// The items of a header list: split at commas outside double quotes, trimmed, quoted items unquoted.
    /// An empty value has no items.
    /// </summary>
    /// <exception cref="AwsDeserializationException">A quoted item is not closed.</exception>
    public static List<string> SplitList(string value, string member)
    {
        var items = new List<string>();
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && value[i] is ' ' or '\t')
            {
                i++;
            }

            if (i == value.Length)
            {
                break;
            }

            if (value[i] == '"')
            {
                var builder = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= value.Length)
                    {
                        throw Invalid(member, "a quoted list item that is not closed");
                    }

                    var c = value[i++];
                    if (c == '"')
                    {
                        break;
                    }

                    if (c == '\\' && i < value.Length)
                    {
                        c = value[i++];
                    }

                    builder.Append(c);
                }

                items.Add(builder.ToString());
                while (i < value.Length && value[i] != ',')
                {
                    i++;
                }
            }
            else
            {
                var comma = value.IndexOf(',', i);
                var end = comma < 0 ? value.Length : comma;
                items.Add(value.Substring(i, end - i).Trim());
                i = end;
            }

            i++; // the comma
        }

        return items;
    }

    /// <summary>
    /// The items of a header list of timestamps. HTTP dates hold a comma of their own (<c>Mon, 16 Dec 2019 ...</c>),
    /// so in that format every second comma separates items.
    /// </summary>
    public static List<string> SplitTimestampList(string value, TimestampFormat format, string member)
    {
        if (format != TimestampFormat.HttpDate)
        {
            return SplitList(value, member);
        }

        var parts = value.Split(',');
        var items = new List<string>();
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            items.Add((parts[i].Trim() + ", " + parts[i + 1].Trim()).Trim());
        }

        if (parts.Length % 2 != 0 && parts[parts.Length - 1].Trim().Length > 0)
        {
            throw Invalid(member, "an HTTP-date list with an incomplete date");
        }

        return items;
    }

    /// <summary>Reads <c>true</c> or <c>false</c> (case-insensitive).</summary>
    public static bool ParseBoolean(string text, string member) =>
        text.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw Invalid(member, "a value that is not a boolean"),
        };

    /// <summary>Reads an integer within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static long ParseInteger(string text, long min, long max, string member)
    {
        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid(member, "a value that is not an integer");
        }

        if (value < min || value > max)
        {
            throw Invalid(member, "an integer out of range");
        }

        return value;
    }

    /// <summary>Reads a double; <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> are accepted.</summary>
    public static double ParseDouble(string text, string member)
    {
        var trimmed = text.Trim();
        switch (trimmed)
        {
            case "NaN":
                return double.NaN;
            case "Infinity":
                return double.PositiveInfinity;
            case "-Infinity":
                return double.NegativeInfinity;
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsInfinity(value))
        {
            return value;
        }

        throw Invalid(member, "a value that is not a number");
    }

    /// <summary>Reads a decimal.</summary>
    public static decimal ParseDecimal(string text, string member) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(member, "a value that is not a decimal number");

    /// <summary>Reads an integer of any size.</summary>
    public static BigInteger ParseBigInteger(string text, string member) =>
        BigInteger.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(member, "a value that is not an integer");

    /// <summary>Reads a timestamp in <paramref name="format"/> (epoch seconds may be fractional).</summary>
    public static DateTimeOffset ParseTimestamp(string text, TimestampFormat format, string member)
    {
        var trimmed = text.Trim();
        try
        {
            switch (format)
            {
                case TimestampFormat.EpochSeconds:
                    if (decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
                    {
                        return Timestamps.FromEpochSeconds(seconds);
                    }

                    break;
                case TimestampFormat.HttpDate:
                    if (Timestamps.TryParseHttpDate(trimmed, out var httpDate))
                    {
                        return httpDate;
                    }

                    break;
                default:
                    if (Timestamps.TryParseIso8601(trimmed, out var iso))
                    {
                        return iso;
                    }

                    break;
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw Invalid(member, "a timestamp out of range");
        }

        throw Invalid(member, "a value that is not a timestamp in the expected format");
    }

    /// <summary>Reads base64.</summary>
    public static ReadOnlyMemory<byte> ParseBlob(string text, string member)
    {
        try
        {
            return Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw Invalid(member, "a value that is not base64");
        }
    }

    /// <summary>Reads a JSON value sent as the base64 of its UTF-8 bytes.</summary>
    public static string ParseJsonValue(string text, string member)
    {
        var bytes = ParseBlob(text, member);
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes.Span);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid(member, "base64 of bytes that are not UTF-8");
        }
    }

    private static AwsDeserializationException Invalid(string member, string what) =>
        new("$." + member, "the header holds " + what);
}
