#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Codegen.EndToEnd.Tests.Infrastructure;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Codegen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.EndToEnd.Tests;

/// <summary>
/// The generated rpcv2Cbor code against the AWS SDK for JavaScript v3 (the reference), on seeded random requests and
/// responses of PartnerCentral Revenue Measurement, drawn from its botocore model (<see cref="ModelInputs"/>).
/// </summary>
/// <remarks>
/// Why this service: the issue names CloudWatch, but the installable <c>@aws-sdk/client-cloudwatch</c> (3.1178.0 here)
/// speaks awsJson 1.0 (its <c>dist-cjs</c> builds an <c>AwsJson1_0Protocol</c>, query-compatible), so it cannot be the
/// CBOR reference. <c>partnercentral-revenue-measurement</c> is the one botocore model that lists only
/// <c>smithy-rpc-v2-cbor</c>, and its JS client (<c>@aws-sdk/client-partnercentral-revenue-measurement</c>) builds a
/// <c>SmithyRpcV2CborProtocol</c>. Its shapes are structures, lists, strings, enums, integers and a timestamp.
/// <para>
/// Requests: <c>node/wire-differential.js</c> sends every case through the SDK with a request handler that records the
/// request; the test builds the same input with the generated types (<see cref="GeneratedShapes"/>), serializes it and
/// compares with <see cref="WireRequest.Differences"/>: method, path, the protocol's headers and the CBOR body by
/// meaning (<see cref="CborSemantics"/>). The SDK's transport, signing and telemetry headers are left out
/// (<see cref="JsSdkWire.TransportHeaders"/>).
/// </para>
/// <para>
/// Responses: each case also answers the SDK with a body drawn from the operation's output shape (one case in four
/// with one of its errors instead), encoded by <see cref="ModelCbor"/> in the forms a server may choose (definite and
/// indefinite lengths, integer and float epoch seconds). The SDK's output, as JSON, must equal ours read by the same
/// operation (<see cref="GeneratedShapes.ToJson"/>); for an error, the SDK's error name and message must equal our
/// typed exception's code and message, and its members ours.
/// </para>
/// <see cref="CasesPerOperation"/> cases per operation (18 operations: 180 requests and 180 responses) by default; the
/// seeds as in the other differential tests (<c>CODEGEN_DIFFERENTIAL_SEED</c>, <c>CODEGEN_DIFFERENTIAL_SCALE</c>,
/// <c>CODEGEN_DIFFERENTIAL_CASE=name:seed</c>).
/// </remarks>
public sealed class CborDifferentialTests : IClassFixture<CborDifferentialTests.JsSdkCases>
{
    private const int CasesPerOperation = 10;

    private const string ServiceKey = "partnercentral-revenue-measurement";

    private const string Namespace = "Generated.PartnerCentralRevenueMeasurement";

    private static readonly string[] Operations =
    {
        "CreateMarketplaceRevenueShare", "CreateMarketplaceRevenueShareAllocation", "CreateRevenueAttribution",
        "GetMarketplaceRevenueShare", "GetMarketplaceRevenueShareAllocation", "GetRevenueAttribution",
        "GetRevenueAttributionAllocation", "GetRevenueAttributionAllocationsTask", "ListMarketplaceRevenueShareAllocations",
        "ListMarketplaceRevenueShares", "ListRevenueAttributionAllocations", "ListRevenueAttributions", "ListTagsForResource",
        "StartRevenueAttributionAllocationsTask", "TagResource", "UntagResource", "UpdateMarketplaceRevenueShareAllocation",
        "UpdateRevenueAttribution",
    };

    private readonly JsSdkCases reference;
    private readonly ITestOutputHelper output;

    public CborDifferentialTests(JsSdkCases reference, ITestOutputHelper output)
    {
        this.reference = reference;
        this.output = output;
    }

    public static TheoryData<string> OperationNames()
    {
        var data = new TheoryData<string>();
        foreach (var operation in Operations)
        {
            data.Add(operation);
        }

        return data;
    }

    private static BotocoreModel Model => BotocoreModel.Load(ServiceKey, "2022-07-26");

    /// <summary>At least 100 requests, and among the cases timestamps, lists, nested structures and errors.</summary>
    [SkippableFact]
    public void TheCasesCoverTheRequiredGround()
    {
        SharedData.RequireRoot();
        var cases = JsSdkCases.AllCases().ToList();
        var text = string.Join("\n", cases.Select(c => c.Input.ToJsonString() + " " + c.Response.Description));
        output.WriteLine($"{cases.Count} cases, {cases.Count(c => c.Response.Error is not null)} with an error response");
        if (Cases.Scale == 1 && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Cases.CaseVariable)))
        {
            Assert.True(cases.Count >= 100, "at least 100 requests");
            Assert.Contains(cases, c => c.Response.Error is not null);
            Assert.Contains(cases, c => c.Response.Error is null);
            Assert.Contains("$timestamp", text, StringComparison.Ordinal);
            Assert.Contains(cases, c => c.Input.Any(m => m.Value is JsonArray { Count: >= 2 }));
            Assert.Contains(cases, c => c.Input.Any(m => m.Value is JsonObject));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(OperationNames))]
    public async Task RequestsAndResponsesMatchTheJsSdk(string operation)
    {
        var js = await reference.GetAsync();
        output.WriteLine(js.Versions[ServiceKey]);
        Cases.Run(output, Family(operation), CasesPerOperation, g => Compare(JsSdkCases.Draw(operation, g.Seed), js.ById));
    }

    private static IReadOnlyList<string> Compare(DrawnCase drawn, IReadOnlyDictionary<string, JsonElement> recorded)
    {
        var js = recorded[drawn.Id];
        if (js.TryGetProperty("error", out var jsError))
        {
            return new[] { "the JS SDK did not send the request: " + jsError.GetString(), "input: " + drawn.Input.ToJsonString() };
        }

        var request = Build(drawn.Operation, drawn.Input);
        var jsWire = JsSdkWire.Request(js);
        var differences = new List<string>();
        var ours = GeneratedShapes.Serialize(request, new SerializationOptions { IdempotencyTokenFactory = () => AutofilledToken(jsWire, differences) });
        differences.AddRange(WireRequest.Differences("JS SDK", jsWire, new WireRequest(ours.Method, ours.Path, ours.Headers, ours.Body.ToArray()), JsSdkWire.TransportHeaders.Contains));
        differences.AddRange(ResponseDifferences(drawn, js, request).Select(d => "response: " + d));
        if (differences.Count > 0)
        {
            differences.Add("input: " + drawn.Input.ToJsonString());
            differences.Add("response: " + drawn.Response.Description);
        }

        return differences;
    }

    /// <summary>
    /// An idempotency token the input leaves unset is drawn by each side (a random UUID): ours asks its factory for
    /// one only then, and gets the one the SDK drew, so that the bodies compare; the SDK's must be a UUID.
    /// </summary>
    private static string AutofilledToken(WireRequest js, List<string> differences)
    {
        using var body = JsonDocument.Parse(CborSemantics.ToDataModelJson(js.Body));
        if (body.RootElement.TryGetProperty("ClientToken", out var token) && token.ValueKind == JsonValueKind.String && Guid.TryParse(token.GetString(), out _))
        {
            return token.GetString()!;
        }

        differences.Add("ours fills in an idempotency token the JS SDK did not send as a UUID");
        return "(none)";
    }

    private static IEnumerable<string> ResponseDifferences(DrawnCase drawn, JsonElement js, object request)
    {
        var response = drawn.Response;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["smithy-protocol"] = "rpc-v2-cbor",
            ["Content-Type"] = "application/cbor",
        };
        object ours;
        try
        {
            ours = GeneratedShapes.Deserialize(request, new AwsHttpResponse(response.Status, headers, response.Body));
        }
        catch (Exception e)
        {
            return new[] { $"ours could not read it: {e.GetType().Name}: {e.Message}" };
        }

        if (response.Error is null)
        {
            if (!js.TryGetProperty("output", out var jsOutput))
            {
                return new[] { "the JS SDK could not read it: " + js.GetProperty("outputError").GetRawText() };
            }

            return JsonSemantics.Differences(PascalKeys(JsonNode.Parse(jsOutput.GetRawText()))!.ToJsonString(), PascalKeys(WithoutLeadingBom(GeneratedShapes.ToJson(ours)))!.ToJsonString());
        }

        if (!js.TryGetProperty("outputError", out var jsError))
        {
            return new[] { "the JS SDK read an error response as a result: " + js.GetProperty("output").GetRawText() };
        }

        var exception = (AwsServiceException)ours;
        var differences = new List<string>();
        var name = jsError.GetProperty("name").GetString();
        if (name != response.Error || exception.ErrorCode != response.Error)
        {
            differences.Add($"error code: sent {response.Error}, JS SDK {name}, ours {exception.ErrorCode}");
        }

        if (exception.GetType().Name != response.Error)
        {
            differences.Add($"error type: sent {response.Error}, ours {exception.GetType().FullName}");
        }

        var jsMessage = jsError.GetProperty("message").GetString();
        var ourMessage = exception.Message.StartsWith('\uFEFF') ? exception.Message[1..] : exception.Message;
        if (response.Members["Message"]?.GetValue<string>() is "")
        {
            // An empty message: each side names the error instead (the SDK "UnknownError", ours the code).
            if (!string.IsNullOrEmpty(exception.ErrorMessage))
            {
                differences.Add($"error message: sent empty, ours \"{exception.ErrorMessage}\"");
            }
        }
        else if (jsMessage != ourMessage)
        {
            differences.Add($"error message: JS SDK \"{jsMessage}\", ours \"{exception.Message}\"");
        }

        var jsMembers = jsError.GetProperty("members");
        foreach (var (member, _) in response.Members.Where(m => m.Key != "Message"))
        {
            var property = exception.GetType().GetProperty(member, BindingFlags.Public | BindingFlags.Instance);
            var ourValue = WithoutLeadingBom(GeneratedShapes.ToJson(property?.GetValue(exception)))?.ToJsonString() ?? "null";
            var jsValue = jsMembers.TryGetProperty(member, out var v) ? v.GetRawText() : "null";
            differences.AddRange(JsonSemantics.Differences(jsValue, ourValue, "$." + member));
        }

        return differences;
    }

    /// <summary>
    /// The JS SDK decodes CBOR text strings with a <c>TextDecoder</c> that drops a leading U+FEFF (a byte order mark is
    /// text in CBOR, and ours keeps it, as Smithy's conformance cases expect); our values are compared without it.
    /// </summary>
    private static JsonNode? WithoutLeadingBom(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject map:
                foreach (var key in map.Select(m => m.Key).ToList())
                {
                    map[key] = WithoutLeadingBom(map[key]?.DeepClone());
                }

                return map;
            case JsonArray items:
                return new JsonArray(items.Select(i => WithoutLeadingBom(i?.DeepClone())).ToArray());
            case JsonValue text when text.TryGetValue<string>(out var s) && s.StartsWith('\uFEFF'):
                return JsonValue.Create(s[1..]);
            default:
                return value;
        }
    }

    /// <summary>
    /// Object keys with their first letter upper-cased: the SDK's output uses the model's member names, ours the C#
    /// property names, which are those names in PascalCase (<c>tags</c> is <c>Tags</c>).
    /// </summary>
    private static JsonNode? PascalKeys(JsonNode? value) => value switch
    {
        JsonObject map => new JsonObject(map.Select(m => KeyValuePair.Create(m.Key.Length == 0 ? m.Key : char.ToUpperInvariant(m.Key[0]) + m.Key[1..], PascalKeys(m.Value?.DeepClone())))),
        JsonArray items => new JsonArray(items.Select(i => PascalKeys(i?.DeepClone())).ToArray()),
        _ => value,
    };

    /// <summary>Builds the input with the generated types (constructor and <c>With*</c>).</summary>
    private static object Build(string operation, JsonObject input)
    {
        var type = typeof(CborDifferentialTests).Assembly.GetType(Namespace + "." + operation, throwOnError: true)!;
        using var document = JsonDocument.Parse(ModelInputs.ForGeneratedShapes(input)!.ToJsonString());
        return GeneratedShapes.Build(type, document.RootElement);
    }

    private static string Family(string operation) => $"js-{ServiceKey}-{operation}";

    /// <summary>A response of a case: its status and CBOR body, the error shape it names (null for a result) and its members.</summary>
    internal sealed record DrawnResponse(int Status, byte[] Body, string? Error, JsonObject Members)
    {
        public string Description => $"{Status} {Error ?? "result"} {Members.ToJsonString()} (CBOR {Convert.ToHexString(Body)})";
    }

    /// <summary>A case: the operation's input and the response the service answers it with.</summary>
    internal sealed record DrawnCase(string Id, string Operation, JsonObject Input, DrawnResponse Response);

    /// <summary>What the JS SDK sent and read for every case: <c>node wire-differential.js</c>, run once per test class.</summary>
    public sealed class JsSdkCases
    {
        private readonly Lazy<Task<JsSdkWire.Result>> run = new(() => JsSdkWire.RunAsync(AllCases()
            .Select(c => new JsSdkWire.Case(c.Id, ServiceKey, c.Operation, c.Input, new JsonObject
            {
                ["status"] = c.Response.Status,
                ["headers"] = new JsonObject { ["smithy-protocol"] = "rpc-v2-cbor", ["content-type"] = "application/cbor" },
                ["body"] = Convert.ToBase64String(c.Response.Body),
            }))
            .ToList()));

        internal Task<JsSdkWire.Result> GetAsync()
        {
            SharedData.RequireRoot();
            NodeTooling.Require(); // skip (or fail under CI) before running anything
            return run.Value;
        }

        internal static IEnumerable<DrawnCase> AllCases() =>
            from operation in Operations
            from seed in Cases.Seeds(Family(operation), CasesPerOperation)
            select Draw(operation, seed);

        /// <summary>Case <paramref name="seed"/> of <paramref name="operation"/>: the same on every call.</summary>
        internal static DrawnCase Draw(string operation, int seed)
        {
            var model = Model;
            var g = new Gen(seed);
            var inputs = new ModelInputs(model, g);
            var input = inputs.Input(operation);
            var errors = model.Errors(operation);
            var encoder = new ModelCbor(model, g);
            DrawnResponse response;
            if (errors.Count > 0 && g.Chance(0.25))
            {
                var error = g.Pick(errors);
                var members = inputs.Members(error);
                // A server may qualify the code with the Smithy namespace; both sides keep only the shape name.
                var type = g.Bool() ? error : "com.amazonaws.partnercentralrevenuemeasurement#" + error;
                var status = model.Shape(error).GetProperty("error").GetProperty("httpStatusCode").GetInt32();
                response = new DrawnResponse(status, encoder.Encode(error, members, type), error, members);
            }
            else if (model.OutputShape(operation) is { } shape)
            {
                var members = inputs.Members(shape);
                response = new DrawnResponse(200, encoder.Encode(shape, members), null, members);
            }
            else
            {
                // No output (TagResource, UntagResource): an empty body, or an empty map; a client takes either.
                response = new DrawnResponse(200, g.Bool() ? Array.Empty<byte>() : new byte[] { 0xA0 }, null, new JsonObject());
            }

            return new DrawnCase(Family(operation) + ":" + seed, operation, input, response);
        }
    }
}
#endif
