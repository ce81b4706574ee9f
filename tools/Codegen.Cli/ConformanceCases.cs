using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Generator.Model;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Codegen.Testing;

namespace Codegen.Cli;

/// <summary>
/// Runs one input or output case against the loaded generated code, the way botocore's protocol test runner
/// checks its own serializers and parsers. Returns <see langword="null"/> when the case passes, otherwise the
/// differences, one per line.
/// </summary>
internal static class ConformanceCases
{
    /// <summary>The token botocore's test runner makes idempotency tokens be.</summary>
    public const string IdempotencyToken = "00000000-0000-4000-8000-000000000000";

    private static readonly SerializationOptions Options = new() { IdempotencyTokenFactory = static () => IdempotencyToken };

    /// <summary>
    /// Builds the request from <c>params</c>, serializes it and compares with <c>serialized</c>: method, URI
    /// (after the client endpoint's path), host (with the operation's host prefix), the listed headers, the
    /// required and forbidden headers, and the body when the case gives one (as JSON, semantically).
    /// </summary>
    public static string? RunInput(ModelGroup group, TestCase testCase)
    {
        var values = group.Values!;
        var operation = FindOperation(group, testCase);
        var parameters = testCase.Json.TryGetProperty("params", out var p) ? p : ConformanceJson.Parse("{}");
        var request = values.BuildStructure(parameters, values.TypeNamed(operation.RequestTypeName), "$params");

        var requestInterface = request.GetType().GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAwsRequest<>));
        var operationObject = requestInterface.GetProperty(nameof(IAwsRequest<IAwsResponse>.Operation))!.GetValue(request)!;
        var operationInterface = typeof(IOperation<>).MakeGenericType(requestInterface.GetGenericArguments()[0]);
        var serialized = (AwsHttpRequest)Call(() => operationInterface.GetMethod(nameof(IOperation<IAwsResponse>.SerializeRequest))!
            .Invoke(operationObject, new[] { request, Options }))!;

        // What the client does next with every request: compress it where the operation asks and it is large enough
        // (the suites' request compression cases; the same runtime step, with the default settings).
        var info = (OperationInfo)operationInterface.GetProperty(nameof(IOperation<IAwsResponse>.Info))!.GetValue(operationObject)!;
        serialized = Codegen.Runtime.Client.RequestCompression.Apply(info, serialized, Codegen.Runtime.Client.RequestCompressionSettings.Default);

        var expected = testCase.Json.GetProperty("serialized");
        var differences = new List<string>();

        // Where the client sends it: the endpoint's path before the request's, the host prefix before its host.
        var endpoint = new Uri(group.Suite.TryGetProperty("clientEndpoint", out var e) && e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : "https://" + (group.Model!.Metadata.EndpointPrefix) + ".us-east-1.amazonaws.com");
        var basePath = endpoint.AbsolutePath.TrimEnd('/');
        var path = basePath + (serialized.Path.StartsWith('/') ? serialized.Path : "/" + serialized.Path);
        var host = (serialized.HostPrefix ?? "") + endpoint.Authority;

        if (Text(expected, "method") is { } method && method != serialized.Method)
        {
            differences.Add($"method: expected {method}, got {serialized.Method}");
        }

        if (Text(expected, "uri") is { } uri && uri != path)
        {
            differences.Add($"uri: expected {uri}, got {path}");
        }

        if (Text(expected, "host") is { } expectedHost)
        {
            // Smithy's resolved host includes the endpoint's path when it has one.
            var actualHost = expectedHost.Contains('/', StringComparison.Ordinal) ? host + basePath : host;
            if (!string.Equals(expectedHost, actualHost, StringComparison.OrdinalIgnoreCase))
            {
                differences.Add($"host: expected {expectedHost}, got {actualHost}");
            }
        }

        // The headers the request will have: the protocol's, and those the client adds for every request.
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in serialized.Headers)
        {
            headers[header.Key] = headers.TryGetValue(header.Key, out var existing) ? existing + "," + header.Value : header.Value;
        }

        headers.TryAdd("Host", host);
        if (!serialized.Body.IsEmpty || !(serialized.Method is "GET" or "HEAD" or "DELETE" or "OPTIONS" or "CONNECT"))
        {
            // .NET's HttpClient sends a Content-Length with every body, and "0" for a bodiless request of a method
            // that is expected to have one (POST, PUT, PATCH); the client leaves the header to it.
            headers.TryAdd("Content-Length", serialized.Body.Length.ToString(CultureInfo.InvariantCulture));
        }

        if (expected.TryGetProperty("headers", out var expectedHeaders) && expectedHeaders.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in expectedHeaders.EnumerateObject())
            {
                var want = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
                if (!headers.TryGetValue(header.Name, out var got))
                {
                    differences.Add($"header {header.Name}: expected {ConformanceJson.Quote(want)}, got none");
                }
                else if (got != want)
                {
                    differences.Add($"header {header.Name}: expected {ConformanceJson.Quote(want)}, got {ConformanceJson.Quote(got)}");
                }
            }
        }

        foreach (var name in Strings(expected, "requireHeaders").Where(n => !headers.ContainsKey(n)))
        {
            differences.Add($"header {name}: required, but the request has none");
        }

        foreach (var name in Strings(expected, "forbidHeaders").Where(headers.ContainsKey))
        {
            differences.Add($"header {name}: forbidden, but the request has {ConformanceJson.Quote(headers[name])}");
        }

        if (Text(expected, "body") is { } expectedBody)
        {
            if (IsCbor(group))
            {
                CompareCborBody(expectedBody, serialized.Body, differences);
            }
            else
            {
                CompareBody(expectedBody, serialized.Body.Span, headers.GetValueOrDefault("Content-Type"), differences);
            }
        }

        return differences.Count == 0 ? null : string.Join("\n", differences);
    }

    /// <summary>
    /// Reads <c>response</c> with the operation's deserializer (2xx) or error reader, and compares with
    /// <c>result</c>, or with <c>errorCode</c>, <c>errorMessage</c> and the error's modelled members.
    /// </summary>
    public static string? RunOutput(ModelGroup group, TestCase testCase)
    {
        var values = group.Values!;
        var operation = FindOperation(group, testCase);
        var response = ReadResponse(testCase.Json.GetProperty("response"), base64Body: IsCbor(group));
        var operationObject = OperationObject(group, operation.Operation.Name);
        var operationInterface = operationObject.GetType().GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOperation<>));
        var differences = new List<string>();
        var json = testCase.Json;
        var isError = json.TryGetProperty("errorCode", out _) || (json.TryGetProperty("error", out var errorValue) && errorValue.ValueKind == JsonValueKind.Object);

        if (!isError)
        {
            if (!response.IsSuccess)
            {
                return $"the case expects a result, but the status {response.StatusCode} makes it an error";
            }

            var result = Call(() => operationInterface.GetMethod(nameof(IOperation<IAwsResponse>.DeserializeResponse))!.Invoke(operationObject, new object?[] { response, null }))!;
            var actual = values.StructureToJson(result, values.TypeNamed(operation.ResponseTypeName));
            var expected = json.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.Object ? r : ConformanceJson.Parse("{}");
            differences.AddRange(JsonSemantics.Differences(expected, ToElement(actual), "$result"));
            if (((IAwsResponse)result).HttpStatus != response.StatusCode)
            {
                differences.Add($"HttpStatus: expected {response.StatusCode}, got {((IAwsResponse)result).HttpStatus}");
            }

            return differences.Count == 0 ? null : string.Join("\n", differences);
        }

        var error = (AwsServiceException)Call(() => operationInterface.GetMethod(nameof(IOperation<IAwsResponse>.DeserializeError))!.Invoke(operationObject, new object?[] { response, null }))!;
        var expectedCode = Text(json, "errorCode");
        if (expectedCode is not null && error.ErrorCode != expectedCode)
        {
            differences.Add($"error code: expected {expectedCode}, got {error.ErrorCode} ({error.GetType().Name})");
        }

        var expectedMessage = Text(json, "errorMessage") ?? "";
        if ((error.ErrorMessage ?? "") != expectedMessage)
        {
            differences.Add($"error message: expected {ConformanceJson.Quote(expectedMessage)}, got {(error.ErrorMessage is null ? "none" : ConformanceJson.Quote(error.ErrorMessage))}");
        }

        // The modelled error the code names must arrive as its own exception type.
        var model = group.Model!;
        var errorTypes = model.Types.Where(t => t.Role == TypeRole.Error && operation.ErrorTypeNames.Contains(t.TypeName)).ToList();
        var modelled = errorTypes.FirstOrDefault(t => t.ErrorCode == expectedCode) ?? errorTypes.FirstOrDefault(t => t.Shape.Name == expectedCode);
        var actualType = errorTypes.FirstOrDefault(t => error.GetType().FullName == model.Namespace + "." + t.TypeName);
        if (modelled is not null && actualType != modelled)
        {
            differences.Add($"error type: expected {modelled.TypeName}, got {error.GetType().Name}");
        }

        var members = new JsonObject();
        foreach (var member in actualType?.Members ?? EquatableArray<CodeMember>.Empty)
        {
            var value = member.PropertyName == "Message"
                ? error.ErrorMessage
                : error.GetType().GetProperty(member.PropertyName, BindingFlags.Public | BindingFlags.Instance)!.GetValue(error);
            if (value is not null)
            {
                members[member.Member.Name] = values.ToJson(value, member.Type);
            }
        }

        var expectedMembers = json.TryGetProperty("error", out var em) && em.ValueKind == JsonValueKind.Object ? em : ConformanceJson.Parse("{}");
        differences.AddRange(JsonSemantics.Differences(expectedMembers, ToElement(members), "$error"));
        return differences.Count == 0 ? null : string.Join("\n", differences);
    }

    private static void CompareBody(string expectedBody, ReadOnlySpan<byte> actualBody, string? contentType, List<string> differences)
    {
        var actualText = Encoding.UTF8.GetString(actualBody);
        if (expectedBody == actualText)
        {
            return;
        }

        if (expectedBody.Length == 0 || actualBody.IsEmpty)
        {
            differences.Add($"body: expected {ConformanceJson.Quote(expectedBody)}, got {ConformanceJson.Quote(ConformanceJson.Preview(actualBody))}");
            return;
        }

        if (contentType is not null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            CompareFormBody(expectedBody, actualText, differences);
            return;
        }

        var isJson = contentType is not null && (contentType.Contains("json", StringComparison.OrdinalIgnoreCase));
        if (!isJson)
        {
            differences.Add($"body: expected {ConformanceJson.Quote(expectedBody)}, got {ConformanceJson.Quote(ConformanceJson.Preview(actualBody))}");
            return;
        }

        JsonElement expected;
        try
        {
            expected = ConformanceJson.Parse(expectedBody);
        }
        catch (JsonException e)
        {
            throw new ConformanceException("the case's body is not JSON: " + e.Message);
        }

        if (ConformanceJson.TryParse(actualBody, out var error) is not { } actual)
        {
            differences.Add($"body: not JSON ({error}): {ConformanceJson.Preview(actualBody)}");
            return;
        }

        var before = differences.Count;
        differences.AddRange(JsonSemantics.Differences(expected, actual, "$body"));
        if (differences.Count > before)
        {
            differences.Add("  expected body: " + ConformanceJson.Preview(Encoding.UTF8.GetBytes(expected.GetRawText())));
            differences.Add("  actual body:   " + ConformanceJson.Preview(actualBody));
        }
    }

    /// <summary>
    /// A form body (awsQuery, ec2Query) compared as its decoded name/value pairs, in any order (Smithy's protocol
    /// tests compare form bodies so; the percent-encoding of a character that need not be encoded does not matter).
    /// </summary>
    private static void CompareFormBody(string expectedBody, string actualBody, List<string> differences)
    {
        var expected = FormPairs(expectedBody);
        var actual = FormPairs(actualBody);
        var before = differences.Count;
        foreach (var pair in expected.Except(actual))
        {
            differences.Add($"body: expected {ConformanceJson.Quote(pair)}, which is missing");
        }

        foreach (var pair in actual.Except(expected))
        {
            differences.Add($"body: unexpected {ConformanceJson.Quote(pair)}");
        }

        if (differences.Count == before && expected.Count != actual.Count)
        {
            differences.Add($"body: expected {expected.Count} pairs, got {actual.Count}");
        }

        if (differences.Count > before)
        {
            differences.Add("  expected body: " + expectedBody);
            differences.Add("  actual body:   " + actualBody);
        }
    }

    private static List<string> FormPairs(string body) =>
        body.Length == 0
            ? new List<string>()
            : body.Split('&').Select(p =>
            {
                var equals = p.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? p : p.Substring(0, equals);
                var value = equals < 0 ? "" : p.Substring(equals + 1);
                return Uri.UnescapeDataString(name.Replace('+', ' ')) + "=" + Uri.UnescapeDataString(value.Replace('+', ' '));
            }).ToList();

    /// <summary>Whether the suite's protocol is rpcv2Cbor, whose cases give bodies in base64.</summary>
    private static bool IsCbor(ModelGroup group) => group.Model!.Metadata.Protocol == WireProtocol.RpcV2Cbor;

    /// <summary>A CBOR body (the case gives it in base64) compared by meaning: both are decoded (<see cref="CborSemantics"/>).</summary>
    private static void CompareCborBody(string expectedBase64, ReadOnlyMemory<byte> actualBody, List<string> differences)
    {
        var expected = Convert.FromBase64String(expectedBase64);
        if (expected.Length == 0 || actualBody.IsEmpty)
        {
            if (expected.Length != actualBody.Length)
            {
                differences.Add($"body: expected {expected.Length} bytes, got {actualBody.Length}: {Convert.ToBase64String(actualBody.Span)}");
            }

            return;
        }

        IReadOnlyList<string> found;
        try
        {
            found = CborSemantics.Differences(expected, actualBody, "$body");
        }
        catch (System.Formats.Cbor.CborContentException e)
        {
            differences.Add($"body: not one CBOR data item ({e.Message}): {Convert.ToBase64String(actualBody.Span)}");
            return;
        }

        if (found.Count > 0)
        {
            differences.AddRange(found);
            differences.Add("  expected body: " + CborSemantics.ToDataModelJson(expected));
            differences.Add("  actual body:   " + CborSemantics.ToDataModelJson(actualBody));
        }
    }

    private static AwsHttpResponse ReadResponse(JsonElement response, bool base64Body)
    {
        var status = response.TryGetProperty("status_code", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 200;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (response.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in h.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
            }
        }

        var body = Text(response, "body") ?? "";
        return new AwsHttpResponse(status, headers, base64Body ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body));
    }

    private static CodeOperation FindOperation(ModelGroup group, TestCase testCase) =>
        group.Model!.Operations.FirstOrDefault(o => o.Operation.Name == testCase.OperationName)
        ?? throw new ConformanceException($"the generated model has no operation {testCase.OperationName}");

    /// <summary>The operation object, found through the public <c>{Service}Operations</c> class.</summary>
    private static object OperationObject(ModelGroup group, string operationName)
    {
        var model = group.Model!;
        var operations = group.Assembly!.GetType(model.Namespace + "." + model.OperationsName)
            ?? throw new ConformanceException($"the compiled code has no {model.OperationsName} class");
        foreach (var property in operations.GetProperties(BindingFlags.Public | BindingFlags.Static))
        {
            var value = property.GetValue(null);
            var info = value?.GetType().GetInterfaces()
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOperation<>))
                ?.GetProperty(nameof(IOperation<IAwsResponse>.Info))?.GetValue(value) as OperationInfo;
            if (info?.Name == operationName)
            {
                return value!;
            }
        }

        throw new ConformanceException($"{model.OperationsName} has no property for the operation {operationName}");
    }

    private static object? Call(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new ConformanceException($"the generated code threw {e.InnerException.GetType().Name}: {e.InnerException.Message}");
        }
    }

    private static JsonElement ToElement(JsonNode node) => ConformanceJson.Parse(node.ToJsonString());

    private static string? Text(JsonElement owner, string key) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement owner, string key) =>
        owner.TryGetProperty(key, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToList()
            : Enumerable.Empty<string>();
}
