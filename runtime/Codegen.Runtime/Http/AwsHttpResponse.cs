using System;
using System.Collections.Generic;

namespace Codegen.Runtime.Http;

/// <summary>
/// A received HTTP response: what protocol deserializers read. Buffered (<see cref="Body"/>), except the success
/// response of an operation with a streaming payload, whose body is <see cref="BodyStream"/>.
/// </summary>
public sealed class AwsHttpResponse
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a response description. Header names are matched case-insensitively.</summary>
    public AwsHttpResponse(int statusCode, IReadOnlyDictionary<string, string>? headers, ReadOnlyMemory<byte> body)
    {
        StatusCode = statusCode;
        Headers = headers is null ? NoHeaders : CaseInsensitive(headers);
        Body = body;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The headers, keyed case-insensitively (several values of one header joined with a comma).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body bytes (empty when the body is <see cref="BodyStream"/>).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// The unbuffered body of a streaming payload, which owns the HTTP response: whoever takes it (the generated
    /// response type) disposes it. <see langword="null"/> when the body is buffered in <see cref="Body"/>.
    /// </summary>
    public System.IO.Stream? BodyStream { get; init; }

    /// <summary>Whether the status code is 2xx.</summary>
    public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;

    /// <summary>The value of header <paramref name="name"/>, or <see langword="null"/>.</summary>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The request id AWS returns in <c>x-amzn-RequestId</c> (or <c>x-amz-request-id</c>).</summary>
    public string? RequestId => GetHeader("x-amzn-RequestId") ?? GetHeader("x-amz-request-id");

    /// <summary>Status only: the body may hold secrets and is never printed.</summary>
    public override string ToString() => "HTTP " + StatusCode + (BodyStream is null ? " (" + Body.Length + " bytes)" : " (stream)");

    private static IReadOnlyDictionary<string, string> CaseInsensitive(IReadOnlyDictionary<string, string> headers)
    {
        if (headers is Dictionary<string, string> { Comparer: var comparer } && ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase))
        {
            return headers;
        }

        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in headers)
        {
            copy[pair.Key] = copy.TryGetValue(pair.Key, out var existing) ? existing + "," + pair.Value : pair.Value;
        }

        return copy;
    }
}
