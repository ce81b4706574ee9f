using System;
using System.Collections.Generic;

namespace Codegen.Runtime.Endpoints;

/// <summary>One entry of an endpoint's <c>authSchemes</c> property: how requests to it are signed.</summary>
public sealed class EndpointAuthScheme
{
    private EndpointAuthScheme(IReadOnlyDictionary<string, object> properties)
    {
        Properties = properties;
        Name = properties.TryGetValue("name", out var name) && name is string text ? text : string.Empty;
        SigningName = properties.TryGetValue("signingName", out var signingName) ? signingName as string : null;
        SigningRegion = properties.TryGetValue("signingRegion", out var signingRegion) ? signingRegion as string : null;
        DisableDoubleEncoding = properties.TryGetValue("disableDoubleEncoding", out var disable) && disable is true;
        var regionSet = new List<string>();
        if (properties.TryGetValue("signingRegionSet", out var set) && set is IReadOnlyList<object> items)
        {
            foreach (var item in items)
            {
                if (item is string region)
                {
                    regionSet.Add(region);
                }
            }
        }

        SigningRegionSet = regionSet;
    }

    /// <summary>The scheme: <c>sigv4</c>, <c>sigv4a</c>, <c>sigv4-s3express</c>, ...</summary>
    public string Name { get; }

    /// <summary>The service name to sign with, when the rule sets one.</summary>
    public string? SigningName { get; }

    /// <summary>The region to sign for (<c>sigv4</c>), when the rule sets one.</summary>
    public string? SigningRegion { get; }

    /// <summary>The regions to sign for (<c>sigv4a</c>); empty otherwise.</summary>
    public IReadOnlyList<string> SigningRegionSet { get; }

    /// <summary>Whether the path must not be URI-encoded a second time in the canonical request (S3).</summary>
    public bool DisableDoubleEncoding { get; }

    /// <summary>
    /// Whether this runtime can sign with the scheme. Only <c>sigv4</c> is supported: <c>sigv4a</c> (multi-region,
    /// asymmetric keys) and <c>sigv4-s3express</c> (S3 Express session credentials) are resolved and reported but
    /// not signed.
    /// </summary>
    public bool IsSupported => string.Equals(Name, "sigv4", StringComparison.Ordinal);

    /// <summary>Every property of the entry, as in <see cref="ResolvedEndpoint.Properties"/>.</summary>
    public IReadOnlyDictionary<string, object> Properties { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal static IReadOnlyList<EndpointAuthScheme> ReadAll(IReadOnlyDictionary<string, object> endpointProperties)
    {
        if (!endpointProperties.TryGetValue("authSchemes", out var value) || value is not IReadOnlyList<object> entries)
        {
            return Array.Empty<EndpointAuthScheme>();
        }

        var schemes = new List<EndpointAuthScheme>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry is IReadOnlyDictionary<string, object> properties)
            {
                schemes.Add(new EndpointAuthScheme(properties));
            }
        }

        return schemes;
    }
}
