#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Aws.CognitoIdentityProvider;
using Codegen.EndToEnd.Tests.Infrastructure;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Codegen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.EndToEnd.Tests;

/// <summary>
/// The generated awsJson codecs against the AWS SDK for JavaScript v3 (the reference), on the cases in
/// <c>node/differential-cases.json</c>, which both sides read. <c>node/differential.js</c> prints what the JS SDK
/// sends for each request case and how it reads each canned response; these tests build the same inputs with the
/// generated types (constructor and <c>With*</c>, see <see cref="GeneratedShapes"/>), serialize them with
/// <c>request.Operation.SerializeRequest</c>, read the same canned responses with <c>DeserializeResponse</c> /
/// <c>DeserializeError</c>, and compare.
/// </summary>
/// <remarks>
/// Bodies are compared semantically (<see cref="JsonSemantics"/>: member order free, numbers by value, strings
/// unescaped): the JS SDK writes required members first, so member order legitimately differs. Where both bodies
/// happen to list members in the same order they are also compared byte for byte
/// (<see cref="RequestBodyBytesMatchWhereMemberOrderMatches"/>). Both write non-ASCII text unescaped, with one
/// difference, allowed there and reported: our writer (System.Text.Json's relaxed encoder) escapes characters outside
/// the Basic Multilingual Plane as surrogate pairs (<c>😀</c> as <c>\uD83D\uDE00</c>), DEL and U+2028/U+2029, which
/// JSON.stringify writes as they are. Both forms are valid JSON for the same string.
/// </remarks>
public sealed class DifferentialTests : IClassFixture<DifferentialTests.JsSdkReference>
{
    private static readonly Lazy<JsonDocument> Cases = new(() => JsonDocument.Parse(File.ReadAllBytes(NodeTooling.DifferentialCases)));

    private readonly JsSdkReference reference;
    private readonly ITestOutputHelper output;

    public DifferentialTests(JsSdkReference reference, ITestOutputHelper output)
    {
        this.reference = reference;
        this.output = output;
    }

    public static TheoryData<string> RequestCases() => Ids("requests");

    public static TheoryData<string> ResponseCases() => Ids("responses");

    [Fact]
    public void TheCasesCoverTheRequiredGround()
    {
        var requests = Cases.Value.RootElement.GetProperty("requests").EnumerateArray().ToList();
        var operations = requests.Select(c => c.GetProperty("operation").GetString()).ToHashSet();
        Assert.True(requests.Count >= 10, "at least 10 request cases");
        Assert.True(operations.Count >= 5, "at least 5 operations");
        Assert.Superset(new HashSet<string?> { "VerifySoftwareToken", "AssociateSoftwareToken", "InitiateAuth", "AdminCreateUser", "CreateUserPool" }, operations);

        var ids = requests.Concat(Cases.Value.RootElement.GetProperty("responses").EnumerateArray()).Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [SkippableTheory]
    [MemberData(nameof(RequestCases))]
    public async Task RequestMatchesTheJsSdk(string id)
    {
        var js = await reference.RequestAsync(id);
        var ours = Serialize(Case("requests", id));

        Assert.Equal(js.GetProperty("method").GetString(), ours.Method);
        Assert.Equal(js.GetProperty("path").GetString(), ours.Path);
        Assert.Equal(js.GetProperty("contentType").GetString(), ours.GetHeader("Content-Type"));
        Assert.Equal(js.GetProperty("target").GetString(), ours.GetHeader("X-Amz-Target"));

        var jsBody = js.GetProperty("body").GetString()!;
        var ourBody = Encoding.UTF8.GetString(ours.Body.Span);
        output.WriteLine("JS SDK: " + jsBody);
        output.WriteLine("ours:   " + ourBody);
        using var expected = JsonDocument.Parse(jsBody);
        using var actual = JsonDocument.Parse(ours.Body);
        var differences = JsonSemantics.Differences(expected.RootElement, actual.RootElement);
        Assert.True(differences.Count == 0, "the bodies differ:\n" + string.Join("\n", differences));
    }

    [SkippableFact]
    public async Task RequestBodyBytesMatchWhereMemberOrderMatches()
    {
        var compared = new List<string>();
        var escapingOnly = new List<string>();
        var mismatches = new List<string>();
        foreach (var id in CaseIds("requests"))
        {
            var js = await reference.RequestAsync(id);
            var jsBytes = Encoding.UTF8.GetBytes(js.GetProperty("body").GetString()!);
            var ours = Serialize(Case("requests", id)).Body.ToArray();
            using var expected = JsonDocument.Parse(jsBytes);
            using var actual = JsonDocument.Parse(ours);
            if (!JsonSemantics.SameMemberOrder(expected.RootElement, actual.RootElement))
            {
                continue;
            }

            compared.Add(id);
            if (jsBytes.AsSpan().SequenceEqual(ours))
            {
                continue;
            }

            var ourText = Encoding.UTF8.GetString(ours);
            if (Encoding.UTF8.GetString(jsBytes) == JsonEscapes.AsJsonStringifyWrites(ourText))
            {
                escapingOnly.Add(id);
            }
            else
            {
                mismatches.Add($"{id}:\n  JS SDK: {Encoding.UTF8.GetString(jsBytes)}\n  ours:   {ourText}");
            }
        }

        output.WriteLine("AWS SDK for JavaScript v3 " + await reference.SdkVersionAsync());
        output.WriteLine("compared byte for byte: " + string.Join(", ", compared));
        output.WriteLine("identical but for escapes JSON.stringify does not use (see the remarks): " + string.Join(", ", escapingOnly));
        Assert.True(compared.Count >= 5, "expected at least 5 cases with the same member order, got " + string.Join(", ", compared));
        Assert.True(mismatches.Count == 0, "bytes differ:\n" + string.Join("\n", mismatches));
    }

    [SkippableTheory]
    [MemberData(nameof(ResponseCases))]
    public async Task ResponseReadingMatchesTheJsSdk(string id)
    {
        var js = await reference.ResponseAsync(id);
        var definition = Case("responses", id);
        var response = CannedResponse(definition);
        var operation = OperationOf(definition.GetProperty("operation").GetString()!);
        var status = js.GetProperty("httpStatusCode").GetInt32();
        Assert.Equal(status, response.StatusCode);

        if (js.GetProperty("outcome").GetString() == "result")
        {
            Assert.True(response.IsSuccess);
            var result = (IAwsResponse)Invoke(nameof(DeserializeResponse), operation, response);
            Assert.Equal(status, result.HttpStatus);

            var ours = GeneratedShapes.ToJson(result)!.ToJsonString();
            var expected = js.GetProperty("result");
            output.WriteLine("JS SDK: " + expected.GetRawText());
            output.WriteLine("ours:   " + ours);
            using var actual = JsonDocument.Parse(ours);
            var differences = JsonSemantics.Differences(expected, actual.RootElement);
            Assert.True(differences.Count == 0, "the results differ:\n" + string.Join("\n", differences));
            return;
        }

        Assert.False(response.IsSuccess);
        var error = (AwsServiceException)Invoke(nameof(DeserializeError), operation, response);
        var jsError = js.GetProperty("error");
        output.WriteLine("JS SDK: " + jsError.GetRawText());
        output.WriteLine($"ours:   {error.GetType().Name} ErrorCode={error.ErrorCode} Message={error.ErrorMessage ?? "(none)"} IsFault={error.IsFault}");

        // The code, normalised the same way (no namespace#, no :suffix).
        Assert.Equal(jsError.GetProperty("name").GetString(), error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(js.GetProperty("requestId").GetString(), error.RequestId);
        Assert.IsAssignableFrom<CognitoIdentityProviderException>(error);

        // Modelled codes get their own exception type on both sides; others the service's base exception.
        if (jsError.GetProperty("modelled").GetBoolean())
        {
            Assert.Equal(jsError.GetProperty("className").GetString(), error.GetType().Name);
        }
        else
        {
            Assert.Equal(typeof(CognitoIdentityProviderException), error.GetType());
        }

        // The JS SDK says "UnknownError" when the body has no message; we keep ErrorMessage unset.
        var jsMessage = jsError.GetProperty("message").GetString();
        Assert.Equal(jsMessage == "UnknownError" ? null : jsMessage, error.ErrorMessage);
        Assert.Equal(jsError.GetProperty("fault").GetString(), error.IsFault ? "server" : "client");
    }

    [Fact]
    public void TheCaseBuilderGivesWhatHandWrittenCodeGives()
    {
        // GeneratedShapes is part of the test; check it against the API used by hand on two nested cases.
        var adminCreateUser = new AdminCreateUser("local_27eHW3yM", "alice@example.com")
            .WithUserAttributes(new[]
            {
                new AttributeType("email").WithValue("alice@example.com"),
                new AttributeType("name").WithValue("Zoë 山田 😀 \u007f \u2028 \u0001 \"q\" \\ </"),
                new AttributeType("custom:empty").WithValue(string.Empty),
                new AttributeType("email_verified"),
            })
            .WithValidationData(Array.Empty<AttributeType>())
            .WithTemporaryPassword("Temp-Passw0rd!")
            .WithForceAliasCreation(false)
            .WithMessageAction(MessageActionType.Suppress)
            .WithDesiredDeliveryMediums(new[] { DeliveryMediumType.Email, DeliveryMediumType.Sms })
            .WithClientMetadata(new Dictionary<string, string> { ["source"] = "e2e" });
        Assert.Equal(adminCreateUser, Build("admin-create-user-attributes"));

        // A value the model does not list, on purpose (forward compatibility): the model check CG1004 is right to flag it.
#pragma warning disable CG1004
        var initiateAuth = new InitiateAuth(new AuthFlowType("A_FLOW_FROM_THE_FUTURE"), "client");
#pragma warning restore CG1004
        Assert.Equal(initiateAuth, Build("initiate-auth-unknown-enum-value"));
        Assert.False(((InitiateAuth)Build("initiate-auth-unknown-enum-value")).AuthFlow.IsKnown);

        var pool = (CreateUserPool)Build("create-user-pool-nested");
        Assert.Equal(12, pool.Policies?.PasswordPolicy?.MinimumLength);
        Assert.Equal(false, pool.Policies?.PasswordPolicy?.RequireLowercase);
        Assert.Equal(new[] { "PASSWORD", "EMAIL_OTP" }, pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors?.Select(f => f.WireValue));
        Assert.Equal(AttributeDataType.Number, pool.Schema![1].AttributeDataType);
        Assert.Equal("✓", pool.UserPoolTags!["ünïcødé"]);
        Assert.Equal(2, pool.AccountRecoverySetting?.RecoveryMechanisms?[1].Priority);

        static object Build(string id)
        {
            var definition = Case("requests", id);
            return GeneratedShapes.Build(RequestType(definition.GetProperty("operation").GetString()!), definition.GetProperty("input"));
        }
    }

    private static TheoryData<string> Ids(string section)
    {
        var data = new TheoryData<string>();
        foreach (var id in CaseIds(section))
        {
            data.Add(id);
        }

        return data;
    }

    private static List<string> CaseIds(string section) =>
        Cases.Value.RootElement.GetProperty(section).EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();

    private static JsonElement Case(string section, string id) =>
        Cases.Value.RootElement.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    private static Type RequestType(string operation) =>
        typeof(VerifySoftwareToken).Assembly.GetType(typeof(VerifySoftwareToken).Namespace + "." + operation, throwOnError: true)!;

    /// <summary><c>CognitoIdentityProviderOperations.{operation}</c>: the operation's metadata and codec.</summary>
    private static object OperationOf(string operation) =>
        typeof(CognitoIdentityProviderOperations).GetProperty(operation, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
        ?? throw new InvalidOperationException(operation + " is not generated: add it to the Operations of the AwsModel item");

    private static AwsHttpRequest Serialize(JsonElement definition) =>
        GeneratedShapes.Serialize(GeneratedShapes.Build(RequestType(definition.GetProperty("operation").GetString()!), definition.GetProperty("input")));

    private static TResponse DeserializeResponse<TResponse>(IOperation<TResponse> operation, AwsHttpResponse response)
        where TResponse : IAwsResponse => operation.DeserializeResponse(response);

    private static AwsServiceException DeserializeError<TResponse>(IOperation<TResponse> operation, AwsHttpResponse response)
        where TResponse : IAwsResponse => operation.DeserializeError(response);

    private static object Invoke(string method, object operation, AwsHttpResponse response)
    {
        var responseType = operation.GetType().GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOperation<>))
            .GetGenericArguments()[0];
        try
        {
            return Generic(method, responseType).Invoke(null, new[] { operation, response })!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private static MethodInfo Generic(string name, Type responseType) =>
        typeof(DifferentialTests).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(responseType);

    /// <summary>The canned response as the JS side gets it: the shared headers, the case's headers, the body as UTF-8.</summary>
    private static AwsHttpResponse CannedResponse(JsonElement definition)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in new[] { Cases.Value.RootElement.GetProperty("responseHeaders"), definition.TryGetProperty("headers", out var own) ? own : default })
        {
            if (source.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in source.EnumerateObject())
                {
                    headers[header.Name] = header.Value.GetString()!;
                }
            }
        }

        return new AwsHttpResponse(
            definition.GetProperty("status").GetInt32(),
            headers,
            Encoding.UTF8.GetBytes(definition.GetProperty("body").GetString()!));
    }

    /// <summary>The JS SDK's side: <c>node differential.js</c>, run once per test class.</summary>
    public sealed class JsSdkReference : IDisposable
    {
        private readonly Lazy<Task<JsonDocument>> run = new(async () =>
            JsonDocument.Parse(await NodeTooling.RunAsync(new[] { NodeTooling.DifferentialScript, NodeTooling.DifferentialCases }, TimeSpan.FromSeconds(60))));

        public async Task<JsonElement> RequestAsync(string id) => Find(await GetAsync(), "requests", id);

        public async Task<JsonElement> ResponseAsync(string id) => Find(await GetAsync(), "responses", id);

        public async Task<string?> SdkVersionAsync() => (await GetAsync()).RootElement.GetProperty("sdkVersion").GetString();

        public void Dispose()
        {
            if (run.IsValueCreated && run.Value.IsCompletedSuccessfully)
            {
                run.Value.Result.Dispose();
            }
        }

        private Task<JsonDocument> GetAsync()
        {
            NodeTooling.Require(); // skip (or fail under CI) before running anything
            return run.Value;
        }

        private static JsonElement Find(JsonDocument document, string section, string id) =>
            document.RootElement.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
    }
}
#endif
