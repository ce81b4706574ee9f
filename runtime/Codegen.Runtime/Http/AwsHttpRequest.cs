using System;
using System.Collections.Generic;

namespace Codegen.Runtime.Http;

/// <summary>
/// A serialized request, independent of any HTTP stack: what a protocol serializer produces and what
/// the client turns into an <see cref="System.Net.Http.HttpRequestMessage"/>, signs and sends.
/// </summary>
public sealed class AwsHttpRequest
{
    /// <summary>Creates a request description.</summary>
    public AwsHttpRequest(string method, string path, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        Body = body;
    }

    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The path and query, starting with <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>The protocol's headers (not the signature or transport headers).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The body bytes (empty when the body is <see cref="BodyStream"/>).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// A streaming payload (a blob member the model marks <c>streaming</c>): sent from its current position
    /// without being buffered, and left open (the caller owns it). <see langword="null"/> when the body is <see cref="Body"/>.
    /// </summary>
    public System.IO.Stream? BodyStream { get; init; }

    /// <summary>
    /// The service needs the length of <see cref="BodyStream"/> up front (Smithy <c>@requiresLength</c>): a stream
    /// that cannot tell its length (not seekable) is refused before anything is sent.
    /// </summary>
    public bool RequiresLength { get; init; }

    /// <summary>
    /// What goes before the endpoint's host name for this request (the operation's endpoint trait, with its
    /// labels filled in from the request), e.g. <c>data.</c>; <see langword="null"/> for none.
    /// </summary>
    public string? HostPrefix { get; init; }

    /// <summary>The first value of header <paramref name="name"/> (case-insensitive), or <see langword="null"/>.</summary>
    public string? GetHeader(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>Method and path only: header values, query values and the body may hold secrets and are never printed.</summary>
    public override string ToString() => Method + " " + UrlText.PathOnly(Path) + (BodyStream is null ? " (" + Body.Length + " bytes)" : " (stream)");
}
