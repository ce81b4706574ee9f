using System;
using System.Collections.Generic;
using Codegen.Runtime.Endpoints;
using Codegen.Runtime.Operations;

namespace Codegen.Runtime.Client;

/// <summary>
/// Where one request goes and how it is signed: the endpoint, the headers the endpoint rules add, and the signing
/// name and region (the service's and the client's, unless the rules' auth scheme says otherwise).
/// </summary>
internal readonly record struct EndpointTarget(Uri Endpoint, IReadOnlyDictionary<string, IReadOnlyList<string>>? Headers, string SigningName, string SigningRegion)
{
    /// <summary>The target of a request whose endpoint the service's rules resolved.</summary>
    /// <exception cref="NotSupportedException">The rules allow only auth schemes this runtime cannot sign with (sigv4a, sigv4-s3express).</exception>
    /// <exception cref="ArgumentException">The rules gave a URL that is not absolute http(s).</exception>
    public static EndpointTarget FromRules(ResolvedEndpoint resolved, OperationInfo operation, string region)
    {
        if (!Uri.TryCreate(resolved.Url, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The endpoint rules of " + operation.Service.ServiceId + " gave '" + resolved.Url + "', which is not an absolute http or https URL.");
        }

        var signingName = operation.Service.SigningName;
        var signingRegion = region;
        var schemes = resolved.AuthSchemes;
        if (schemes.Count > 0 && operation.RequiresSigning)
        {
            // The rules list schemes in order of preference: the first one this runtime can sign with is used.
            EndpointAuthScheme? chosen = null;
            foreach (var scheme in schemes)
            {
                if (scheme.IsSupported)
                {
                    chosen = scheme;
                    break;
                }
            }

            if (chosen is null)
            {
                var names = new List<string>(schemes.Count);
                foreach (var scheme in schemes)
                {
                    names.Add(scheme.Name);
                }

                throw new NotSupportedException(
                    operation.Service.ServiceId + " " + operation.Name + " at " + endpoint.GetLeftPart(UriPartial.Authority) + " must be signed with "
                    + string.Join(" or ", names) + ", which this runtime does not support (it signs with sigv4 only).");
            }

            signingName = chosen.SigningName ?? signingName;
            signingRegion = chosen.SigningRegion ?? signingRegion;
        }

        return new EndpointTarget(endpoint, resolved.Headers.Count == 0 ? null : resolved.Headers, signingName, signingRegion);
    }

    /// <summary>The request's headers followed by the ones the rules add.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AddHeadersTo(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        if (Headers is null)
        {
            return headers;
        }

        var all = new List<KeyValuePair<string, string>>(headers);
        foreach (var header in Headers)
        {
            foreach (var value in header.Value)
            {
                all.Add(new(header.Key, value));
            }
        }

        return all;
    }
}
