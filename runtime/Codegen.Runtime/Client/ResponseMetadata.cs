using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using Codegen.Runtime.Http;

namespace Codegen.Runtime.Client;

/// <summary>
/// What the client saw of the HTTP exchange that returned a response: the request id to quote to AWS support, the
/// extended request id (S3's <c>x-amz-id-2</c>), the status code, the response headers and how many attempts the
/// call took. Every generated response carries one (<c>response.ResponseMetadata</c>); the client sets it on every
/// successful call, whatever the protocol.
/// </summary>
/// <remarks>
/// It describes the exchange, not the service's answer: the generated types leave it out of <c>Equals</c>,
/// <c>GetHashCode</c> and <c>ToString</c>, so two equal responses stay equal whichever request id they came with.
/// A response made in code (a test, a fake) carries <see cref="None"/> unless given one with <c>WithResponseMetadata</c>.
/// <see cref="ToString"/> prints the ids, status and attempts, never the headers' values.
/// </remarks>
public sealed class ResponseMetadata
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    private readonly IReadOnlyDictionary<string, string> headers = NoHeaders;

    /// <summary>The metadata of a response that did not come from a call: no ids, status 0, no headers, 0 attempts.</summary>
    public static ResponseMetadata None { get; } = new();

    /// <summary>
    /// The request id AWS gave the call (<c>x-amzn-RequestId</c>, or <c>x-amz-request-id</c> for S3), or
    /// <see langword="null"/> when the response had none.
    /// </summary>
    public string? RequestId { get; init; }

    /// <summary>The extended request id (<c>x-amz-id-2</c>, sent by S3 and a few others), or <see langword="null"/>.</summary>
    public string? ExtendedRequestId { get; init; }

    /// <summary>The HTTP status code of the response (0 for <see cref="None"/>).</summary>
    public int HttpStatusCode { get; init; }

    /// <summary>
    /// The response headers, read-only and keyed case-insensitively (the values of a repeated header joined with a
    /// comma). Setting it keeps a read-only copy.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers
    {
        get => headers;
        init => headers = Copy(value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>How many HTTP attempts the call took, the successful one included (1 when the first succeeded).</summary>
    public int Attempts { get; init; }

    /// <summary>The metadata of <paramref name="response"/>, the answer to attempt number <paramref name="attempts"/>.</summary>
    /// <param name="response">The HTTP response the operation's response was read from.</param>
    /// <param name="attempts">The attempts the call took, this one included.</param>
    public static ResponseMetadata FromHttpResponse(AwsHttpResponse response, int attempts)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentOutOfRangeException.ThrowIfNegative(attempts);
        return new ResponseMetadata
        {
            RequestId = response.RequestId,
            ExtendedRequestId = response.GetHeader("x-amz-id-2"),
            HttpStatusCode = response.StatusCode,
            Headers = response.Headers,
            Attempts = attempts,
        };
    }

    /// <summary>The ids, status and attempts; the headers only by count (their values are not printed).</summary>
    public override string ToString() =>
        "ResponseMetadata { RequestId = " + (RequestId ?? "(none)")
        + (ExtendedRequestId is null ? string.Empty : ", ExtendedRequestId = " + ExtendedRequestId)
        + ", HttpStatusCode = " + HttpStatusCode.ToString(CultureInfo.InvariantCulture)
        + ", Attempts = " + Attempts.ToString(CultureInfo.InvariantCulture)
        + ", Headers = " + headers.Count.ToString(CultureInfo.InvariantCulture) + " }";

    private static IReadOnlyDictionary<string, string> Copy(IReadOnlyDictionary<string, string> source)
    {
        if (source.Count == 0)
        {
            return NoHeaders;
        }

        var copy = new Dictionary<string, string>(source.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in source)
        {
            copy[pair.Key] = copy.TryGetValue(pair.Key, out var existing) ? existing + "," + pair.Value : pair.Value;
        }

        return new ReadOnlyDictionary<string, string>(copy);
    }
}
