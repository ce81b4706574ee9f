namespace Codegen.Runtime.Endpoints;

/// <summary>What <c>parseURL</c> gives for an http or https URL without a query.</summary>
/// <param name="Scheme"><c>http</c> or <c>https</c>.</param>
/// <param name="Authority">The host and port as written, e.g. <c>example.com:8443</c>.</param>
/// <param name="Path">The path as written (empty when there is none).</param>
/// <param name="NormalizedPath">The path with a leading and a trailing <c>/</c>, e.g. <c>/</c> or <c>/base/</c>.</param>
/// <param name="IsIp">Whether the host is an IPv4 address or a bracketed IPv6 address.</param>
public sealed record EndpointUrl(string Scheme, string Authority, string Path, string NormalizedPath, bool IsIp);
