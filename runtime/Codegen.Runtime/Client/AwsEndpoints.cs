using System;

namespace Codegen.Runtime.Client;

/// <summary>
/// Works out where requests go. This is the simple regional rule only: <c>https://{endpointPrefix}.{region}.amazonaws.com</c>
/// (<c>amazonaws.com.cn</c> in the China regions), or an explicit service URL. FIPS and dual-stack endpoints,
/// global (non-regional) endpoints, other partitions' DNS suffixes and the Smithy endpoint rule sets are not
/// covered; for those, set <see cref="AwsClientOptions.ServiceUrl"/>.
/// </summary>
public static class AwsEndpoints
{
    /// <summary>The endpoint for a service in a region, or <paramref name="serviceUrl"/> when it is set.</summary>
    /// <param name="endpointPrefix">The service's endpoint prefix, e.g. <c>cognito-idp</c>.</param>
    /// <param name="region">The region, e.g. <c>us-east-1</c>: lowercase letters, digits and hyphens.</param>
    /// <param name="serviceUrl">An explicit endpoint that wins over the regional one; must be absolute http(s).</param>
    /// <exception cref="ArgumentException">The prefix or region is not a valid host label, or the service URL is not absolute http(s).</exception>
    public static Uri Resolve(string endpointPrefix, string region, Uri? serviceUrl = null)
    {
        if (serviceUrl is not null)
        {
            if (!serviceUrl.IsAbsoluteUri || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException("The service URL must be an absolute http or https URL.", nameof(serviceUrl));
            }

            return serviceUrl;
        }

        ValidateHostPart(endpointPrefix, nameof(endpointPrefix), allowDots: true);
        ValidateRegion(region);
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri("https://" + endpointPrefix + "." + region + "." + suffix + "/");
    }

    /// <summary>Checks that <paramref name="region"/> looks like a region: lowercase letters, digits and hyphens.</summary>
    /// <exception cref="ArgumentException">It does not.</exception>
    public static void ValidateRegion(string region) => ValidateHostPart(region, nameof(region), allowDots: false);

    private static void ValidateHostPart(string value, string name, bool allowDots)
    {
        if (string.IsNullOrEmpty(value) || value[0] == '-' || value[value.Length - 1] == '-' || value[0] == '.' || value[value.Length - 1] == '.')
        {
            throw new ArgumentException("'" + value + "' is not a valid " + name + ".", name);
        }

        foreach (var c in value)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' || (allowDots && c == '.')))
            {
                throw new ArgumentException("'" + value + "' is not a valid " + name + ": only lowercase letters, digits and hyphens are allowed.", name);
            }
        }
    }
}
