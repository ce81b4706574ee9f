using System;
using System.Collections.Generic;

namespace Codegen.Runtime.Endpoints;

/// <summary>
/// The standard library of the endpoint rules language that compiled resolvers call (<c>isSet</c>, <c>not</c>,
/// <c>getAttr</c>, <c>stringEquals</c> and <c>booleanEquals</c> are compiled inline instead). Every function
/// accepts an unset (<see langword="null"/>) argument and then gives <see langword="null"/> or <see langword="false"/>,
/// so that a condition on it simply does not match.
/// </summary>
public static class EndpointFunctions
{
    /// <summary><c>substring</c>: characters <paramref name="start"/> to <paramref name="stop"/> (exclusive), counted from the end when <paramref name="reverse"/>; unset when the input is shorter, not ASCII, or <paramref name="start"/> ≥ <paramref name="stop"/>.</summary>
    public static string? Substring(string? input, int start, int stop, bool reverse)
    {
        if (input is null || start < 0 || start >= stop || input.Length < stop || !IsAscii(input))
        {
            return null;
        }

        return reverse ? input.Substring(input.Length - stop, stop - start) : input.Substring(start, stop - start);
    }

    /// <summary><c>uriEncode</c>: percent-encodes every UTF-8 byte except the RFC 3986 unreserved characters (<c>A-Z a-z 0-9 - . _ ~</c>).</summary>
    public static string? UriEncode(string? value) => value is null ? null : Uri.EscapeDataString(value);

    /// <summary><c>isValidHostLabel</c>: 1 to 63 ASCII letters, digits and hyphens, not starting or ending with a hyphen; with <paramref name="allowSubDomains"/>, every dot-separated label must be one.</summary>
    public static bool IsValidHostLabel(string? value, bool allowSubDomains)
    {
        if (value is null)
        {
            return false;
        }

        if (!allowSubDomains)
        {
            return IsHostLabel(value.AsSpan());
        }

        var rest = value.AsSpan();
        while (true)
        {
            var dot = rest.IndexOf('.');
            if (!IsHostLabel(dot < 0 ? rest : rest.Slice(0, dot)))
            {
                return false;
            }

            if (dot < 0)
            {
                return true;
            }

            rest = rest.Slice(dot + 1);
        }
    }

    /// <summary>
    /// <c>aws.isVirtualHostableS3Bucket</c>: a bucket name that can be the first label(s) of a host: 3 or more
    /// characters, no upper case, not an IPv4 address, and a valid host label (labels with <paramref name="allowSubDomains"/>).
    /// </summary>
    public static bool IsVirtualHostableS3Bucket(string? value, bool allowSubDomains) =>
        value is not null
        && value.Length >= 3
        && !HasUpperCase(value)
        && !IsIPv4(value.AsSpan())
        && IsValidHostLabel(value, allowSubDomains);

    /// <summary><c>aws.partition</c>: the partition of a region (<c>aws</c> when none claims it); see <see cref="AwsPartitions"/>.</summary>
    public static EndpointPartition Partition(string? region) => AwsPartitions.Find(region);

    /// <summary><c>aws.parseArn</c>: the parts of an ARN, or unset when it is not <c>arn:partition:service:region:account:resource</c> with a partition, service and resource.</summary>
    public static EndpointArn? ParseArn(string? value)
    {
        if (value is null || !value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = value.Split(':', 6);
        if (parts.Length < 6 || parts[1].Length == 0 || parts[2].Length == 0 || parts[5].Length == 0)
        {
            return null;
        }

        return new EndpointArn(parts[1], parts[2], parts[3], parts[4], parts[5].Split(':', '/'));
    }

    /// <summary><c>parseURL</c>: the parts of an absolute http or https URL, or unset for another scheme, a query string or a bad port.</summary>
    public static EndpointUrl? ParseUrl(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var scheme = value.Substring(0, schemeEnd).ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            return null;
        }

        var rest = value.Substring(schemeEnd + 3);
        var fragment = rest.IndexOf('#');
        if (fragment >= 0)
        {
            rest = rest.Substring(0, fragment);
        }

        var query = rest.IndexOf('?');
        if (query >= 0)
        {
            if (query < rest.Length - 1)
            {
                return null;
            }

            rest = rest.Substring(0, query);
        }

        var pathStart = rest.IndexOf('/');
        var authority = pathStart < 0 ? rest : rest.Substring(0, pathStart);
        var path = pathStart < 0 ? string.Empty : rest.Substring(pathStart);
        if (!TrySplitHost(authority, out var host))
        {
            return null;
        }

        var normalized = path.Length == 0 ? "/" : (path[0] == '/' ? path : "/" + path);
        if (normalized[normalized.Length - 1] != '/')
        {
            normalized += "/";
        }

        var isIp = IsIPv4(host) || (host.Length > 2 && host[0] == '[' && host[host.Length - 1] == ']');
        return new EndpointUrl(scheme, authority, path, normalized, isIp);
    }

    /// <summary><c>getAttr</c> with an index (<c>resourceId[2]</c>): the element, or unset past the end.</summary>
    public static string? ElementAt(IReadOnlyList<string>? list, int index) =>
        list is not null && index >= 0 && index < list.Count ? list[index] : null;

    private static bool TrySplitHost(string authority, out ReadOnlySpan<char> host)
    {
        var span = authority.AsSpan();
        var at = span.LastIndexOf('@');
        if (at >= 0)
        {
            span = span.Slice(at + 1);
        }

        // A bracketed IPv6 host may hold colons; the port follows the closing bracket.
        var portSeparator = span.Length > 0 && span[0] == '['
            ? (span.IndexOf(']') is var close and >= 0 && close + 1 < span.Length && span[close + 1] == ':' ? close + 1 : -1)
            : span.LastIndexOf(':');
        host = portSeparator < 0 ? span : span.Slice(0, portSeparator);
        if (portSeparator < 0)
        {
            return host.Length > 0;
        }

        var port = span.Slice(portSeparator + 1);
        if (port.Length == 0)
        {
            return host.Length > 0;
        }

        foreach (var c in port)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return host.Length > 0 && int.TryParse(port, out var number) && number <= 65535;
    }

    private static bool IsHostLabel(ReadOnlySpan<char> label)
    {
        if (label.Length is 0 or > 63 || label[0] == '-' || label[label.Length - 1] == '-')
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Four dot-separated groups of one to three digits, the pattern every SDK uses here.</summary>
    private static bool IsIPv4(ReadOnlySpan<char> value)
    {
        var groups = 0;
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++digits > 3)
                {
                    return false;
                }
            }
            else if (c == '.' && digits > 0 && groups < 3)
            {
                groups++;
                digits = 0;
            }
            else
            {
                return false;
            }
        }

        return groups == 3 && digits > 0;
    }

    private static bool HasUpperCase(string value)
    {
        foreach (var c in value)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAscii(string value)
    {
        foreach (var c in value)
        {
            if (c > 0x7f)
            {
                return false;
            }
        }

        return true;
    }
}
