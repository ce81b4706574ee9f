using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Codegen.Runtime.Operations;
using Codegen.Testing;

namespace Codegen.Differential.Tests.Infrastructure;

/// <summary>
/// Serializes one request with the SDK's marshaller and with the generated operation, and lists how the two wire
/// forms differ: the method, the path (byte for byte, as encoded), the query parameters, the headers (all that either
/// side sets, less <see cref="SdkOnlyHeaders"/>) and the body (as JSON when it is JSON, else byte for byte).
/// </summary>
/// <remarks>
/// The documented normalisations, each a difference of form that the protocol leaves free:
/// <list type="bullet">
/// <item>JSON bodies are compared as JSON (<see cref="JsonSemantics"/>): member order (the SDK writes members in
/// alphabetical order, ours in model order) and string escaping (the SDK escapes every non-ASCII character and
/// <c>&lt; &gt; &amp; ' " +</c> as <c>\uXXXX</c>; ours writes non-ASCII text as UTF-8 and escapes what JSON requires
/// and a few more: characters outside the Basic Multilingual Plane, as surrogate pairs, DEL, U+2028 and U+2029).</item>
/// <item>Query parameters are compared in the order of their names, each <c>name=value</c> as encoded: the SDK sends
/// them sorted by name, ours in model order, and a query string's order carries no meaning (SigV4 signs it sorted).
/// The sort is stable, so repeated parameters (list items) keep their order.</item>
/// <item>Header names are compared case-insensitively, as HTTP does.</item>
/// </list>
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
        var wire = WireRequest.Of(ours.Operation.SerializeRequest(ours, Options));
        var differences = new List<string>();

        if (sdk.Method != wire.Method)
        {
            differences.Add($"method: SDK {sdk.Method}, ours {wire.Method}");
        }

        if (sdk.Path != wire.Path)
        {
            differences.Add($"path: SDK {sdk.Path}, ours {wire.Path}");
        }

        var sdkQuery = sdk.Query.OrderBy(Name, StringComparer.Ordinal).ToList();
        var ourQuery = wire.Query.OrderBy(Name, StringComparer.Ordinal).ToList();
        if (!sdkQuery.SequenceEqual(ourQuery, StringComparer.Ordinal))
        {
            differences.Add($"query: SDK ?{string.Join('&', sdkQuery)}, ours ?{string.Join('&', ourQuery)}");
        }

        differences.AddRange(HeaderDifferences(sdk.Headers, wire.Headers));
        differences.AddRange(BodyDifferences(sdk, wire, normalizeSdkBody));
        return differences;
    }

    private static string Name(string parameter) => parameter.Split('=', 2)[0];

    private static IEnumerable<string> HeaderDifferences(IReadOnlyList<KeyValuePair<string, string>> sdk, IReadOnlyList<KeyValuePair<string, string>> ours)
    {
        var expected = Headers(sdk, "SDK", out var sdkDuplicates);
        var actual = Headers(ours, "ours", out var ourDuplicates);
        foreach (var duplicate in sdkDuplicates.Concat(ourDuplicates))
        {
            yield return duplicate;
        }

        foreach (var name in expected.Keys.Union(actual.Keys, StringComparer.OrdinalIgnoreCase).Where(n => !SdkOnlyHeaders.Contains(n)).OrderBy(n => n, StringComparer.OrdinalIgnoreCase))
        {
            expected.TryGetValue(name, out var want);
            actual.TryGetValue(name, out var got);
            if (!string.Equals(want, got, StringComparison.Ordinal))
            {
                yield return $"header {name}: SDK {Show(want)}, ours {Show(got)}";
            }
        }
    }

    private static Dictionary<string, string> Headers(IReadOnlyList<KeyValuePair<string, string>> headers, string side, out List<string> duplicates)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        duplicates = new List<string>();
        foreach (var (name, value) in headers)
        {
            if (!byName.TryAdd(name, value))
            {
                duplicates.Add($"header {name}: {side} sets it more than once");
            }
        }

        return byName;
    }

    private static IEnumerable<string> BodyDifferences(WireRequest sdk, WireRequest ours, Action<JsonObject>[] normalizeSdkBody)
    {
        var sdkText = Encoding.UTF8.GetString(sdk.Body);
        var ourText = Encoding.UTF8.GetString(ours.Body);
        IReadOnlyList<string> differences;
        if (sdk.Body.Length == 0 || ours.Body.Length == 0 || !IsJson(sdk.Headers))
        {
            differences = sdk.Body.AsSpan().SequenceEqual(ours.Body) ? Array.Empty<string>() : new[] { $"body: SDK {sdk.Body.Length} bytes, ours {ours.Body.Length} bytes" };
        }
        else
        {
            var sdkJson = JsonNode.Parse(sdkText)!;
            foreach (var normalize in normalizeSdkBody)
            {
                normalize(sdkJson.AsObject());
            }

            differences = JsonSemantics.Differences(sdkJson.ToJsonString(), ourText);
        }

        if (differences.Count == 0)
        {
            return differences;
        }

        return differences.Append("SDK body:  " + sdkText).Append("our body:  " + ourText);
    }

    private static bool IsJson(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("json", StringComparison.OrdinalIgnoreCase));

    private static string Show(string? value) => value is null ? "(none)" : "\"" + value + "\"";

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
