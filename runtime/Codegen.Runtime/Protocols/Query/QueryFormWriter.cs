using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using Codegen.Runtime.Serialization;

namespace Codegen.Runtime.Protocols.Query;

/// <summary>
/// Builds the <c>application/x-www-form-urlencoded</c> body of an awsQuery or ec2Query request: <c>Action</c> and
/// <c>Version</c> first, then one <c>name=value</c> pair per value, in the order written. Names and values are
/// percent-encoded as RFC 3986 says (everything but <c>A-Z a-z 0-9 - . _ ~</c>, as UTF-8). The generated serializers
/// build the flattened names (<c>Tags.member.1.Key</c>); this class formats the values by the protocols' rules.
/// </summary>
public sealed class QueryFormWriter
{
    private readonly StringBuilder _text = new(256);

    /// <summary>Starts the body of <paramref name="action"/> (the operation's name) at API version <paramref name="version"/>.</summary>
    public QueryFormWriter(string action, string version)
    {
        Add("Action", action);
        Add("Version", version);
    }

    /// <summary>Adds a string value (an empty string is sent as <c>name=</c>).</summary>
    public void Add(string name, string value)
    {
        if (_text.Length > 0)
        {
            _text.Append('&');
        }

        _text.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>Adds an integer.</summary>
    public void Add(string name, int value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a long integer.</summary>
    public void Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a big integer.</summary>
    public void Add(string name, BigInteger value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a decimal number.</summary>
    public void Add(string name, decimal value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a float: the shortest text that reads back as the same value; <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
    public void Add(string name, float value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a double: the shortest text that reads back as the same value; <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
    public void Add(string name, double value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean as <c>true</c> or <c>false</c>.</summary>
    public void Add(string name, bool value) => Add(name, value ? "true" : "false");

    /// <summary>Adds a blob in base64.</summary>
    public void AddBlob(string name, ReadOnlyMemory<byte> value) => Add(name, Convert.ToBase64String(value.Span));

    /// <summary>Adds a timestamp in <paramref name="format"/> (the query protocols' default is ISO 8601).</summary>
    public void AddTimestamp(string name, DateTimeOffset value, TimestampFormat format) => Add(name, Timestamps.Format(value, format));

    /// <summary>The body written so far, as UTF-8.</summary>
    public ReadOnlyMemory<byte> ToBody() => Encoding.UTF8.GetBytes(_text.ToString());

    /// <summary>The name of the <paramref name="index"/>-th (from 0) element or entry under <paramref name="prefix"/>: <c>prefix.{index + 1}</c>.</summary>
    public static string Indexed(string prefix, int index) => prefix + "." + (index + 1).ToString(CultureInfo.InvariantCulture);
}
