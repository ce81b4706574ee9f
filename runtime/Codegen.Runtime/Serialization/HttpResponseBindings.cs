using System;
using System.Collections.Generic;
using Codegen.Runtime.Http;

namespace Codegen.Runtime.Serialization;

/// <summary>Reads the members an HTTP-binding protocol puts in response headers.</summary>
public static class HttpResponseBindings
{
    /// <summary>
    /// The headers whose names start with <paramref name="prefix"/> (case-insensitive), keyed by the rest of their
    /// name as received; <see langword="null"/> when there are none. An empty prefix takes every header.
    /// </summary>
    public static Dictionary<string, string>? PrefixHeaders(AwsHttpResponse response, string prefix)
    {
        Dictionary<string, string>? result = null;
        foreach (var header in response.Headers)
        {
            if (header.Key.Length >= prefix.Length && header.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                result ??= new Dictionary<string, string>(StringComparer.Ordinal);
                result[header.Key.Substring(prefix.Length)] = header.Value;
            }
        }

        return result;
    }
}
