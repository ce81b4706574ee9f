using System;
using System.Collections.Generic;

namespace Codegen.Runtime.Endpoints;

/// <summary>
/// Where a request goes, as a compiled endpoint rule set resolved it: the URL, headers to add to the request and
/// the rule's properties (notably <c>authSchemes</c>: how to sign, see <see cref="AuthSchemes"/>).
/// </summary>
public sealed class ResolvedEndpoint
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders = new Dictionary<string, IReadOnlyList<string>>();
    private static readonly IReadOnlyDictionary<string, object> NoProperties = new Dictionary<string, object>();

    private IReadOnlyList<EndpointAuthScheme>? _authSchemes;

    /// <summary>Creates an endpoint.</summary>
    /// <param name="url">The endpoint URL, e.g. <c>https://cognito-idp.eu-west-1.amazonaws.com</c>.</param>
    /// <param name="headers">Headers to add to every request sent to it (name, then values).</param>
    /// <param name="properties">
    /// The rule's properties as JSON-like values: <see cref="string"/>, <see cref="bool"/>, lists
    /// (<see cref="IReadOnlyList{T}"/> of these) and objects (<see cref="IReadOnlyDictionary{TKey,TValue}"/> of these).
    /// </param>
    public ResolvedEndpoint(string url, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null, IReadOnlyDictionary<string, object>? properties = null)
    {
        Url = url ?? throw new ArgumentNullException(nameof(url));
        Headers = headers ?? NoHeaders;
        Properties = properties ?? NoProperties;
    }

    /// <summary>The endpoint URL as the rules wrote it.</summary>
    public string Url { get; }

    /// <summary>Headers to add to requests, each with its values in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The rule's properties (see the constructor for the value types).</summary>
    public IReadOnlyDictionary<string, object> Properties { get; }

    /// <summary>
    /// The <c>authSchemes</c> property read into objects, in the rule's order of preference (empty when the rule
    /// names none: then sign as the service model says).
    /// </summary>
    public IReadOnlyList<EndpointAuthScheme> AuthSchemes => _authSchemes ??= EndpointAuthScheme.ReadAll(Properties);

    /// <inheritdoc/>
    public override string ToString() => Url;
}
