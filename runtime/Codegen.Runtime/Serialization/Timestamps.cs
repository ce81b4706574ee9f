using System;
using System.Globalization;

namespace Codegen.Runtime.Serialization;

/// <summary>Formats and parses the three AWS timestamp forms.</summary>
public static class Timestamps
{
    /// <summary>ISO 8601 in UTC with milliseconds only when present.</summary>
    public static string FormatIso8601(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return utc.Millisecond == 0 && utc.Ticks % TimeSpan.TicksPerMillisecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 7231 IMF-fixdate.</summary>
    public static string FormatHttpDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);

    /// <summary>Seconds since the epoch: a whole number when whole, else with up to three decimals.</summary>
    public static string FormatEpochSeconds(DateTimeOffset value)
    {
        var milliseconds = value.ToUnixTimeMilliseconds();
        return milliseconds % 1000 == 0
            ? (milliseconds / 1000).ToString(CultureInfo.InvariantCulture)
            : decimal.Divide(milliseconds, 1000m).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The text of <paramref name="value"/> in <paramref name="format"/>.</summary>
    public static string Format(DateTimeOffset value, TimestampFormat format) => format switch
    {
        TimestampFormat.Iso8601 => FormatIso8601(value),
        TimestampFormat.HttpDate => FormatHttpDate(value),
        _ => FormatEpochSeconds(value),
    };

    /// <summary>Seconds since the epoch, possibly fractional.</summary>
    public static DateTimeOffset FromEpochSeconds(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds))
        {
            throw new FormatException("epoch seconds must be finite");
        }

        var milliseconds = Math.Round(seconds * 1000d, MidpointRounding.AwayFromZero);
        return DateTimeOffset.FromUnixTimeMilliseconds(checked((long)milliseconds));
    }

    /// <summary>Seconds since the epoch, possibly fractional, from a decimal (exact).</summary>
    public static DateTimeOffset FromEpochSeconds(decimal seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(decimal.ToInt64(decimal.Round(seconds * 1000m, MidpointRounding.AwayFromZero)));

    /// <summary>Parses an ISO 8601 / RFC 3339 date-time; a missing offset means UTC.</summary>
    public static bool TryParseIso8601(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>Parses an RFC 7231 date.</summary>
    public static bool TryParseHttpDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
