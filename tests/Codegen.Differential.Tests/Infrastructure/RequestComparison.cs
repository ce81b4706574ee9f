using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Codegen.Runtime.Operations;
using Codegen.Testing;

namespace Codegen.Differential.Tests.Infrastructure;

/// <summary>
/// Serializes one request with the SDK's marshaller and with the generated operation, and lists how the two wire
/// forms differ (<see cref="WireRequest.Differences"/>: method, path, query, every header but
/// <see cref="SdkOnlyHeaders"/>, body).
/// </summary>
/// <remarks>
/// JSON bodies differ in form in two ways the comparison as JSON accepts: member order (the SDK writes members in
/// alphabetical order, ours in model order) and string escaping (the SDK escapes every non-ASCII character and
/// <c>&lt; &gt; &amp; ' " +</c> as <c>\uXXXX</c>; ours writes non-ASCII text as UTF-8 and escapes what JSON requires
/// and a few more: characters outside the Basic Multilingual Plane, as surrogate pairs, DEL, U+2028 and U+2029).
/// Values themselves are compared exactly; the only value normalisations are <see cref="SubMillisecondTimestamps"/>
/// and <see cref="GeneratedIdempotencyToken"/>.
/// </remarks>
internal static class RequestComparison
{
    /// <summary>The idempotency token our serializer fills in when the request has none.</summary>
    public const string GeneratedToken = "generated-idempotency-token";

    /// <summary>
    /// Headers the AWS SDK for .NET's marshallers add that no protocol defines: <c>x-amz-api-version</c> (the model's
    /// API version, sent on every request of every service; botocore and the AWS SDK for JavaScript do not send it).
    /// </summary>
    public static readonly IReadOnlySet<string> SdkOnlyHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "x-amz-api-version" };

    public static SerializationOptions Options { get; } = new() { IdempotencyTokenFactory = static () => GeneratedToken };

    public static IReadOnlyList<string> Compare<TResponse>(
        IMarshaller<IRequest, AmazonWebServiceRequest> marshaller,
        AmazonWebServiceRequest sdkRequest,
        IAwsRequest<TResponse> ours,
        params Action<JsonObject>[] normalizeSdkBody)
        where TResponse : IAwsResponse
    {
        var sdk = SdkWire.Marshal(marshaller, sdkRequest);
        var wire = ours.Operation.SerializeRequest(ours, Options);
        return WireRequest.Differences("SDK", sdk, new WireRequest(wire.Method, wire.Path, wire.Headers, wire.Body.ToArray()), SdkOnlyHeaders.Contains, normalizeSdkBody);
    }

    /// <summary>
    /// An awsQuery or ec2Query request: as <see cref="Compare{TResponse}"/>, with one normalisation of the SDK's
    /// <c>Content-Type</c>: the SDK sends <c>application/x-www-form-urlencoded; charset=utf-8</c>, ours the media type
    /// alone, as Smithy's protocol tests require (the body is UTF-8 either way, and the charset parameter has no meaning
    /// for this media type). Any other Content-Type from the SDK is compared as it is.
    /// </summary>
    public static IReadOnlyList<string> CompareForm<TResponse>(
        IMarshaller<IRequest, AmazonWebServiceRequest> marshaller,
        AmazonWebServiceRequest sdkRequest,
        IAwsRequest<TResponse> ours)
        where TResponse : IAwsResponse
    {
        var sdk = SdkWire.Marshal(marshaller, sdkRequest);
        var headers = sdk.Headers
            .Select(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase) && h.Value == "application/x-www-form-urlencoded; charset=utf-8"
                ? new KeyValuePair<string, string>(h.Key, "application/x-www-form-urlencoded")
                : h)
            .ToList();
        var wire = ours.Operation.SerializeRequest(ours, Options);
        return WireRequest.Differences("SDK", sdk with { Headers = headers }, new WireRequest(wire.Method, wire.Path, wire.Headers, wire.Body.ToArray()), SdkOnlyHeaders.Contains, Array.Empty<Action<JsonObject>>());
    }

    /// <summary>
    /// Normalisation for timestamps finer than a millisecond (top-level members). The epoch-seconds wire form carries
    /// at most milliseconds, and the protocol does not say how to drop the rest: the SDK rounds to the nearest
    /// millisecond (half to even), ours truncates (as <see cref="DateTimeOffset.ToUnixTimeMilliseconds"/> does), so
    /// <c>...00.0006</c> is <c>...00.001</c> from the SDK and <c>...00</c> from ours. Both name the instant to the
    /// precision of the protocol. Where the request's timestamp has sub-millisecond ticks, the SDK's value is checked
    /// to be less than a millisecond from the exact instant and replaced with the truncated one, which ours must send.
    /// </summary>
    public static Action<JsonObject> SubMillisecondTimestamps(params (string Member, DateTimeOffset? Value)[] members) => body =>
    {
        foreach (var (member, value) in members)
        {
            if (value is not { } timestamp || timestamp.UtcTicks % TimeSpan.TicksPerMillisecond == 0)
            {
                continue;
            }

            if (body[member] is JsonValue sent && sent.TryGetValue<decimal>(out var seconds))
            {
                var exact = (decimal)(timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerSecond;
                if (Math.Abs(seconds - exact) < 0.001m)
                {
                    body[member] = timestamp.ToUnixTimeMilliseconds() / 1000m;
                }
            }
        }
    };

    /// <summary>
    /// Normalisation for a member the SDK fills with a fresh GUID when the request has no idempotency token
    /// (<c>idempotencyToken</c> in the model). Both sides must send one; ours comes from
    /// <see cref="SerializationOptions.IdempotencyTokenFactory"/>, which these tests fix to <see cref="GeneratedToken"/>,
    /// so the SDK's GUID is checked to be one and replaced with the same text. A token the request sets is not touched.
    /// </summary>
    public static Action<JsonObject> GeneratedIdempotencyToken(string member, bool requestHasToken) => body =>
    {
        if (requestHasToken)
        {
            return;
        }

        if (body[member] is JsonValue value && value.TryGetValue<string>(out var token) && Guid.TryParse(token, out _))
        {
            body[member] = GeneratedToken;
        }
    };
}
