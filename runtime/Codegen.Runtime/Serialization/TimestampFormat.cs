namespace Codegen.Runtime.Serialization;

/// <summary>The wire forms of a timestamp (the model's <c>timestampFormat</c>).</summary>
public enum TimestampFormat
{
    /// <summary>Seconds since the Unix epoch, possibly fractional: the default of the JSON protocols.</summary>
    EpochSeconds,

    /// <summary>RFC 3339 / ISO 8601 date-time, e.g. <c>2014-04-29T18:30:38Z</c>.</summary>
    Iso8601,

    /// <summary>RFC 7231 IMF-fixdate, e.g. <c>Tue, 29 Apr 2014 18:30:38 GMT</c>.</summary>
    HttpDate,
}
