#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Aws.CognitoIdentityProvider;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Endpoints;
using Codegen.Testing;
using Xunit;

namespace Codegen.EndToEnd.Tests;

/// <summary>
/// The generated clients resolve their endpoints with the service's endpoint rules (compiled from the
/// endpoint-rule-set-1.json beside each model). The expectations are botocore's own endpoint tests
/// (conformance/endpoint-rules/&lt;service&gt;/endpoint-tests-1.json in the shared data): for every case set by client
/// settings alone (Region, UseFIPS, UseDualStack, Endpoint), a client with those settings sends one request through a
/// recording handler, and the URL it used and the region it signed for are compared with the case; an error case must
/// fail with the rule's message before anything is sent.
/// </summary>
public sealed class EndpointRulesClientTests
{
    private static readonly HashSet<string> ClientSettings = new(StringComparer.Ordinal) { "Region", "UseFIPS", "UseDualStack", "Endpoint" };

    public static IEnumerable<object[]> Services() => new[] { new object[] { "cognito-idp" }, new object[] { "lambda" } };

    [SkippableTheory]
    [MemberData(nameof(Services))]
    public async Task TheClientSendsWhereBotocoresEndpointTestsSay(string service)
    {
        var path = SharedData.RequirePath("conformance", "endpoint-rules", service, "endpoint-tests-1.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var checkedCases = 0;
        var failures = new List<string>();
        foreach (var testCase in document.RootElement.GetProperty("testCases").EnumerateArray())
        {
            var parameters = testCase.TryGetProperty("params", out var p) ? p : default;
            if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty("Region", out _)
                || parameters.EnumerateObject().Any(property => !ClientSettings.Contains(property.Name)))
            {
                continue; // needs a request member or a service setting: covered by tests/Codegen.Endpoints.Tests
            }

            checkedCases++;
            var failure = await CheckAsync(service, parameters, testCase.GetProperty("expect"));
            if (failure is not null)
            {
                failures.Add(testCase.GetProperty("documentation").GetString() + ": " + failure);
            }
        }

        Assert.True(checkedCases > 40, service + ": only " + checkedCases + " cases set by client settings alone");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<string?> CheckAsync(string service, JsonElement parameters, JsonElement expect)
    {
        var recorder = new Recorder();
        using var http = new HttpClient(recorder);
        var options = new AwsClientOptions
        {
            Region = parameters.GetProperty("Region").GetString(),
            UseFips = parameters.TryGetProperty("UseFIPS", out var fips) && fips.GetBoolean(),
            UseDualStack = parameters.TryGetProperty("UseDualStack", out var dualStack) && dualStack.GetBoolean(),
            ServiceUrl = parameters.TryGetProperty("Endpoint", out var endpoint) ? new Uri(endpoint.GetString()!) : null,
            Credentials = new StaticCredentialsSource("AKIDEXAMPLE", "endpoint-test-secret"),
            MaxAttempts = 1,
        };

        Func<Task> call = service switch
        {
            "cognito-idp" => () => new CognitoIdentityProviderClient(options, http).CreateUserPoolAsync(new CreateUserPool("pool")),
            _ => () => new Generated.Lambda.LambdaClient(options, http).ListFunctionsAsync(new Generated.Lambda.ListFunctions()),
        };

        return await CheckCallAsync(call, recorder, options.Region!, expect);
    }

    /// <summary>
    /// DynamoDB's cases that name an operation and its input (operationInputs): the rules parameters come from the
    /// client's built-in settings (region, FIPS, dual-stack, endpoint, account id endpoint mode), the operation's
    /// contextParam members (DescribeTable's TableName → ResourceArn), its operationContextParams (BatchGetItem's
    /// <c>keys(RequestItems)</c> → ResourceArnList, compiled JMESPath) and its staticContextParams (SearchVectors'
    /// IsSearchOperation). Cases that need the account id from the credentials (AWS::Auth::AccountId) are left out:
    /// the client does not fill it yet (docs/endpoints.md).
    /// </summary>
    [SkippableFact]
    public async Task DynamoDbRequestsGoWhereBotocoresOperationCasesSay()
    {
        var path = SharedData.RequirePath("conformance", "endpoint-rules", "dynamodb", "endpoint-tests-1.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var checkedCases = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var testCase in document.RootElement.GetProperty("testCases").EnumerateArray())
        {
            if (!testCase.TryGetProperty("operationInputs", out var inputs))
            {
                continue; // client settings alone: the theory above covers that kind of case for other services
            }

            foreach (var input in inputs.EnumerateArray())
            {
                var builtIns = input.GetProperty("builtInParams");
                if (builtIns.TryGetProperty("AWS::Auth::AccountId", out _))
                {
                    continue;
                }

                var operation = input.GetProperty("operationName").GetString()!;
                var recorder = new Recorder();
                using var http = new HttpClient(recorder);
                var options = new AwsClientOptions
                {
                    Region = builtIns.GetProperty("AWS::Region").GetString(),
                    UseFips = builtIns.TryGetProperty("AWS::UseFIPS", out var fips) && fips.GetBoolean(),
                    UseDualStack = builtIns.TryGetProperty("AWS::UseDualStack", out var dualStack) && dualStack.GetBoolean(),
                    ServiceUrl = builtIns.TryGetProperty("SDK::Endpoint", out var endpoint) ? new Uri(endpoint.GetString()!) : null,
                    AccountIdEndpointMode = builtIns.TryGetProperty("AWS::Auth::AccountIdEndpointMode", out var mode) ? mode.GetString() : null,
                    Credentials = new StaticCredentialsSource("AKIDEXAMPLE", "endpoint-test-secret"),
                    MaxAttempts = 1,
                };
                using var client = new Generated.DynamoDB.DynamoDBClient(options, http);
                var parameters = input.TryGetProperty("operationParams", out var p) ? p : default;
                Func<Task> call = operation switch
                {
                    "DescribeTable" => () => client.DescribeTableAsync(new Generated.DynamoDB.DescribeTable(parameters.GetProperty("TableName").GetString()!)),
                    "BatchGetItem" => () => client.BatchGetItemAsync(new Generated.DynamoDB.BatchGetItem(
                        parameters.GetProperty("RequestItems").EnumerateObject().ToDictionary(
                            table => table.Name,
                            _ => new Generated.DynamoDB.KeysAndAttributes(new[] { new Dictionary<string, Generated.DynamoDB.AttributeValue> { ["pk"] = new Generated.DynamoDB.AttributeValue().WithS("value") } })))),
                    "SearchVectors" => () => client.SearchVectorsAsync(new Generated.DynamoDB.SearchVectors(
                        parameters.GetProperty("TableName").GetString()!,
                        parameters.GetProperty("IndexName").GetString()!,
                        new[] { new Generated.DynamoDB.AttributeValue().WithN("1.0") },
                        parameters.GetProperty("TopK").GetInt32())),
                    "ListTables" => () => client.ListTablesAsync(new Generated.DynamoDB.ListTables()),
                    _ => throw new InvalidOperationException("dynamodb's endpoint tests name an operation this test cannot build: " + operation),
                };

                checkedCases[operation] = checkedCases.GetValueOrDefault(operation) + 1;
                var failure = await CheckCallAsync(call, recorder, options.Region!, testCase.GetProperty("expect"));
                if (failure is not null)
                {
                    failures.Add(operation + " " + testCase.GetProperty("documentation").GetString() + ": " + failure);
                }
            }
        }

        // Each kind of parameter source must have been tried, with cases that select an account-based endpoint among them.
        Assert.True(checkedCases.GetValueOrDefault("DescribeTable") > 40, "DescribeTable: " + checkedCases.GetValueOrDefault("DescribeTable"));
        Assert.True(checkedCases.GetValueOrDefault("BatchGetItem") > 20, "BatchGetItem: " + checkedCases.GetValueOrDefault("BatchGetItem"));
        Assert.True(checkedCases.GetValueOrDefault("SearchVectors") > 40, "SearchVectors: " + checkedCases.GetValueOrDefault("SearchVectors"));
        Assert.True(failures.Count == 0, failures.Count + " failed:\n" + string.Join("\n", failures));
    }

    private static async Task<string?> CheckCallAsync(Func<Task> call, Recorder recorder, string region, JsonElement expect)
    {
        if (expect.TryGetProperty("error", out var error))
        {
            var thrown = await Record.ExceptionAsync(call);
            if (thrown is not EndpointResolutionException || thrown.Message != error.GetString())
            {
                return "expected the error '" + error.GetString() + "', got " + (thrown is null ? "no error" : thrown.GetType().Name + ": " + thrown.Message);
            }

            return recorder.Requests.Count == 0 ? null : "a request was sent despite the error";
        }

        await call();
        var sent = Assert.Single(recorder.Requests);
        var expectedEndpoint = expect.GetProperty("endpoint");
        var expectedUrl = new Uri(expectedEndpoint.GetProperty("url").GetString()!);
        var sentBase = sent.Uri.GetLeftPart(UriPartial.Authority);
        if (sentBase != expectedUrl.GetLeftPart(UriPartial.Authority) || !sent.Uri.AbsolutePath.StartsWith(expectedUrl.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal))
        {
            return "expected " + expectedUrl + ", sent " + sent.Uri;
        }

        // The rules' auth scheme names the signing region where it is not the client's (DynamoDB's "local" signs for us-east-1).
        var signingRegion = expectedEndpoint.TryGetProperty("properties", out var properties)
            && properties.TryGetProperty("authSchemes", out var schemes)
            && schemes[0].TryGetProperty("signingRegion", out var named)
                ? named.GetString()!
                : region;
        var scope = "/" + signingRegion + "/";
        if (!sent.Authorization.Contains(scope, StringComparison.Ordinal))
        {
            return "expected a signature for " + signingRegion + ", got " + sent.Authorization;
        }

        return null;
    }

    private sealed record SentRequest(Uri Uri, string Authorization);

    /// <summary>Records each request and answers 200 with an empty JSON object.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        public List<SentRequest> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new SentRequest(request.RequestUri!, request.Headers.TryGetValues("Authorization", out var values) ? values.Single() : string.Empty));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
        }
    }
}
#endif
