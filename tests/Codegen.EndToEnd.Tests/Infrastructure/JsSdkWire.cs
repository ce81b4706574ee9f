using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Codegen.Testing;

namespace Codegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The AWS SDK for JavaScript v3 side of the wire differential tests (restJson1, rpcv2Cbor): runs
/// <c>node/wire-differential.js</c> once over all cases of a test class and hands back what the SDK put on the wire
/// for each (and, for a case with a response, what it read from it).
/// </summary>
internal static class JsSdkWire
{
    /// <summary>Headers the JS SDK adds after serialization: transport, signing, telemetry. Not compared.</summary>
    public static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "content-length", "authorization", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token",
        "user-agent", "x-amz-user-agent", "amz-sdk-invocation-id", "amz-sdk-request",
    };

    /// <summary>
    /// One case: <paramref name="Input"/> in the model's member names (blobs and timestamps tagged, see
    /// <see cref="ModelInputs"/>); with a <paramref name="Response"/> (<c>{status, headers, body: base64}</c>) the SDK is
    /// answered with it and reports its output.
    /// </summary>
    public sealed record Case(string Id, string Service, string Operation, JsonObject Input, JsonObject? Response = null);

    /// <summary>What the SDK did for every case, by id, and the SDK packages' versions by service key.</summary>
    public sealed record Result(IReadOnlyDictionary<string, JsonElement> ById, IReadOnlyDictionary<string, string> Versions);

    /// <summary>Runs the script over <paramref name="cases"/> (skips the test, or fails it under CI, without Node).</summary>
    public static async Task<Result> RunAsync(IReadOnlyCollection<Case> cases)
    {
        NodeTooling.Require();
        var list = new JsonArray();
        foreach (var c in cases)
        {
            var item = new JsonObject { ["id"] = c.Id, ["service"] = c.Service, ["operation"] = c.Operation, ["input"] = c.Input.DeepClone() };
            if (c.Response is not null)
            {
                item["response"] = c.Response.DeepClone();
            }

            list.Add(item);
        }

        var file = Path.Combine(Path.GetTempPath(), "codegen-wire-differential-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            await File.WriteAllTextAsync(file, new JsonObject { ["cases"] = list }.ToJsonString());
            var stdout = await NodeTooling.RunAsync(new[] { NodeTooling.WireDifferentialScript, file }, TimeSpan.FromSeconds(120 + cases.Count));
            using var document = JsonDocument.Parse(stdout);
            var byId = document.RootElement.GetProperty("requests").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.Clone());
            var versions = document.RootElement.GetProperty("versions").EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString()!);
            return new Result(byId, versions);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// The request the SDK sent in <paramref name="recorded"/> (one entry of <see cref="Result.ById"/>), less the
    /// headers <paramref name="dropHeader"/> (name, value, body) drops: the normalisations a test documents.
    /// </summary>
    public static WireRequest Request(JsonElement recorded, Func<KeyValuePair<string, string>, byte[], bool>? dropHeader = null)
    {
        var body = recorded.GetProperty("body").ValueKind == JsonValueKind.Null ? Array.Empty<byte>() : recorded.GetProperty("body").GetBytesFromBase64();
        var headers = recorded.GetProperty("headers").EnumerateObject()
            .Select(h => new KeyValuePair<string, string>(h.Name, h.Value.GetString()!))
            .Where(h => dropHeader is null || !dropHeader(h, body))
            .ToList();
        var query = recorded.GetProperty("query").GetString()!;
        return new WireRequest(
            recorded.GetProperty("method").GetString()!,
            recorded.GetProperty("path").GetString()! + (query.Length > 0 ? "?" + query : string.Empty),
            headers,
            body);
    }
}
