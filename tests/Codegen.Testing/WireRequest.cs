using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Codegen.Testing;

/// <summary>
/// A request as it goes on the wire, from any side of a differential test (ours, the AWS SDK for .NET's, the AWS SDK
/// for JavaScript's): method, path and query (encoded, as sent), the headers the protocol layer set and the body bytes.
/// </summary>
public sealed record WireRequest(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>The path, without the query.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary>The query parameters in the order they are sent, each <c>name=value</c> as encoded on the wire.</summary>
    public IReadOnlyList<string> Query =>
        PathAndQuery.Split('?', 2) is [_, var query] && query.Length > 0 ? query.Split('&') : Array.Empty<string>();

    /// <summary>
    /// How <paramref name="ours"/> differs from <paramref name="reference"/> (named <paramref name="referenceName"/> in
    /// the messages): the method, the path (byte for byte, as encoded), the query parameters, the headers (all that
    /// either side sets, less those <paramref name="ignoredHeader"/> names) and the body (as JSON when the reference's
    /// <c>Content-Type</c> says JSON, as CBOR when it says CBOR, else byte for byte). Empty when they agree.
    /// </summary>
    /// <remarks>
    /// The normalisations, each a difference of form that the protocol leaves free:
    /// <list type="bullet">
    /// <item>JSON bodies are compared as JSON (<see cref="JsonSemantics"/>): member order and string escaping are free.</item>
    /// <item>CBOR bodies are compared by meaning (<see cref="CborSemantics"/>): map order, definite or indefinite
    /// lengths and the width of a number are free.</item>
    /// <item>Query parameters are compared in the order of their names, each <c>name=value</c> as encoded: the SDKs send
    /// them sorted by name, ours in model order, and a query string's order carries no meaning (SigV4 signs it sorted).
    /// The sort is stable, so repeated parameters (list items) keep their order.</item>
    /// <item>Header names are compared case-insensitively, as HTTP does.</item>
    /// </list>
    /// <paramref name="normalizeReferenceBody"/> may change the reference's JSON body first, for the value
    /// normalisations a test documents.
    /// </remarks>
    public static IReadOnlyList<string> Differences(
        string referenceName,
        WireRequest reference,
        WireRequest ours,
        Func<string, bool> ignoredHeader,
        params Action<JsonObject>[] normalizeReferenceBody)
    {
        var differences = new List<string>();
        if (reference.Method != ours.Method)
        {
            differences.Add($"method: {referenceName} {reference.Method}, ours {ours.Method}");
        }

        if (reference.Path != ours.Path)
        {
            differences.Add($"path: {referenceName} {reference.Path}, ours {ours.Path}");
        }

        var referenceQuery = reference.Query.OrderBy(Name, StringComparer.Ordinal).ToList();
        var ourQuery = ours.Query.OrderBy(Name, StringComparer.Ordinal).ToList();
        if (!referenceQuery.SequenceEqual(ourQuery, StringComparer.Ordinal))
        {
            differences.Add($"query: {referenceName} ?{string.Join('&', referenceQuery)}, ours ?{string.Join('&', ourQuery)}");
        }

        differences.AddRange(HeaderDifferences(referenceName, reference.Headers, ours.Headers, ignoredHeader));
        differences.AddRange(BodyDifferences(referenceName, reference, ours, normalizeReferenceBody));
        return differences;
    }

    private static string Name(string parameter) => parameter.Split('=', 2)[0];

    private static IEnumerable<string> HeaderDifferences(
        string referenceName,
        IReadOnlyList<KeyValuePair<string, string>> reference,
        IReadOnlyList<KeyValuePair<string, string>> ours,
        Func<string, bool> ignoredHeader)
    {
        var expected = ByName(reference, referenceName, out var referenceDuplicates);
        var actual = ByName(ours, "ours", out var ourDuplicates);
        foreach (var duplicate in referenceDuplicates.Concat(ourDuplicates))
        {
            yield return duplicate;
        }

        foreach (var name in expected.Keys.Union(actual.Keys, StringComparer.OrdinalIgnoreCase).Where(n => !ignoredHeader(n)).OrderBy(n => n, StringComparer.OrdinalIgnoreCase))
        {
            expected.TryGetValue(name, out var want);
            actual.TryGetValue(name, out var got);
            if (!string.Equals(want, got, StringComparison.Ordinal))
            {
                yield return $"header {name}: {referenceName} {Show(want)}, ours {Show(got)}";
            }
        }
    }

    private static Dictionary<string, string> ByName(IReadOnlyList<KeyValuePair<string, string>> headers, string side, out List<string> duplicates)
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

    private static IEnumerable<string> BodyDifferences(string referenceName, WireRequest reference, WireRequest ours, Action<JsonObject>[] normalizeReferenceBody)
    {
        var referenceText = Encoding.UTF8.GetString(reference.Body);
        var ourText = Encoding.UTF8.GetString(ours.Body);
        IReadOnlyList<string> differences;
        if (reference.Body.Length > 0 && ours.Body.Length > 0 && IsMediaType(reference.Headers, "cbor"))
        {
            return CborBodyDifferences(referenceName, reference.Body, ours.Body);
        }

        if (reference.Body.Length > 0 && ours.Body.Length > 0 && IsMediaType(reference.Headers, "x-www-form-urlencoded"))
        {
            // Form bodies (awsQuery, ec2Query): the decoded name=value pairs, in any order (the .NET SDK sorts them by
            // name, ours are in model order); how a character is percent-encoded does not matter, its value does.
            var referencePairs = FormPairs(referenceText);
            var ourPairs = FormPairs(ourText);
            differences = referencePairs.SequenceEqual(ourPairs, StringComparer.Ordinal)
                ? Array.Empty<string>()
                : referencePairs.Except(ourPairs, StringComparer.Ordinal).Select(p => $"body: {referenceName} sends {p}, ours does not")
                    .Concat(ourPairs.Except(referencePairs, StringComparer.Ordinal).Select(p => $"body: ours sends {p}, {referenceName} does not"))
                    .DefaultIfEmpty($"body: the same pairs, sent a different number of times")
                    .ToList();
        }
        else if (reference.Body.Length == 0 || ours.Body.Length == 0 || !IsMediaType(reference.Headers, "json"))
        {
            differences = reference.Body.AsSpan().SequenceEqual(ours.Body)
                ? Array.Empty<string>()
                : new[] { $"body: {referenceName} {reference.Body.Length} bytes, ours {ours.Body.Length} bytes" };
        }
        else
        {
            var referenceJson = JsonNode.Parse(referenceText)!;
            foreach (var normalize in normalizeReferenceBody)
            {
                normalize(referenceJson.AsObject());
            }

            differences = JsonSemantics.Differences(referenceJson.ToJsonString(), ourText);
        }

        if (differences.Count == 0)
        {
            return differences;
        }

        return differences.Append($"{referenceName} body: {Preview(referenceText)}").Append($"our body: {Preview(ourText)}");
    }

    private static IEnumerable<string> CborBodyDifferences(string referenceName, byte[] reference, byte[] ours)
    {
        string referenceModel, ourModel;
        try
        {
            referenceModel = CborSemantics.ToDataModelJson(reference);
        }
        catch (System.Formats.Cbor.CborContentException e)
        {
            return new[] { $"body: the {referenceName} body is not well-formed CBOR ({e.Message})" };
        }

        try
        {
            ourModel = CborSemantics.ToDataModelJson(ours);
        }
        catch (System.Formats.Cbor.CborContentException e)
        {
            return new[] { $"body: our body is not well-formed CBOR ({e.Message}): {Convert.ToHexString(ours)}" };
        }

        var differences = JsonSemantics.Differences(referenceModel, ourModel);
        return differences.Count == 0
            ? differences
            : differences.Append($"{referenceName} body (CBOR data model): {Preview(referenceModel)}").Append($"our body (CBOR data model): {Preview(ourModel)}");
    }

    /// <summary>The decoded pairs of a form body, sorted (ordinal) by the whole pair.</summary>
    private static List<string> FormPairs(string body) =>
        body.Length == 0
            ? new List<string>()
            : body.Split('&').Select(p =>
            {
                var parts = p.Split('=', 2);
                return Uri.UnescapeDataString(parts[0].Replace('+', ' ')) + "=" + (parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "");
            }).OrderBy(p => p, StringComparer.Ordinal).ToList();

    private static bool IsMediaType(IReadOnlyList<KeyValuePair<string, string>> headers, string kind) =>
        headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase) && h.Value.Contains(kind, StringComparison.OrdinalIgnoreCase));

    private static string Preview(string text) => text.Length > 2000 ? text.Substring(0, 2000) + "…" : text;

    private static string Show(string? value) => value is null ? "(none)" : "\"" + value + "\"";
}
