using System.Text;
using System.Text.Json;
using Aws.CognitoIdentityProvider;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Lenses;
using Codegen.Runtime.Operations;
using Xunit;

// The model checks (analyzers CG1xxx) are right to flag these constants: these tests give the generated types values that break the model on purpose (null for required members, a value the service may add later), to test what the types do with them.
#pragma warning disable CG1001, CG1003, CG1004

namespace Codegen.Consumer.Tests;

/// <summary>The generated API of VerifySoftwareToken, name for name with Amazonka's module.</summary>
public class SeedOperationTests
{
    [Fact]
    public void ConstructorTakesExactlyTheRequiredMember()
    {
        var request = new VerifySoftwareToken("123456");

        Assert.Equal("123456", request.UserCode);
        Assert.Null(request.AccessToken);
        Assert.Null(request.Session);
        Assert.Null(request.FriendlyDeviceName);
        Assert.Single(typeof(VerifySoftwareToken).GetConstructors());
        Assert.Equal(new[] { typeof(string) }, System.Array.ConvertAll(typeof(VerifySoftwareToken).GetConstructors()[0].GetParameters(), p => p.ParameterType));
    }

    [Fact]
    public void ResponseConstructorTakesTheHttpStatus()
    {
        var response = new VerifySoftwareTokenResponse(200);

        Assert.Equal(200, response.HttpStatus);
        Assert.Null(response.Status);
        Assert.Null(response.Session);
    }

    [Fact]
    public void WithReturnsAChangedCopyAndLeavesTheOriginal()
    {
        var original = new VerifySoftwareToken("123456");
        var changed = original.WithAccessToken("token").WithFriendlyDeviceName("phone").WithSession("s".PadRight(20, 's')).WithUserCode("654321");

        Assert.Null(original.AccessToken);
        Assert.Equal("123456", original.UserCode);
        Assert.Equal("token", changed.AccessToken);
        Assert.Equal("phone", changed.FriendlyDeviceName);
        Assert.Equal("654321", changed.UserCode);
        Assert.Null(changed.WithAccessToken(null).AccessToken);
    }

    [Fact]
    public void RequiredMembersRejectNull()
    {
        Assert.Throws<System.ArgumentNullException>(() => new VerifySoftwareToken(null!));
        Assert.Throws<System.ArgumentNullException>(() => new VerifySoftwareToken("1").WithUserCode(null!));
    }

    [Fact]
    public void LensesHaveTheDocumentedTypes()
    {
        Lens<VerifySoftwareToken, string?> accessToken = VerifySoftwareToken.Lenses.AccessToken;
        Lens<VerifySoftwareToken, string?> friendly = VerifySoftwareToken.Lenses.FriendlyDeviceName;
        Lens<VerifySoftwareToken, string?> session = VerifySoftwareToken.Lenses.Session;
        Lens<VerifySoftwareToken, string> userCode = VerifySoftwareToken.Lenses.UserCode;
        Lens<VerifySoftwareTokenResponse, string?> responseSession = VerifySoftwareTokenResponse.Lenses.Session;
        Lens<VerifySoftwareTokenResponse, VerifySoftwareTokenResponseType?> status = VerifySoftwareTokenResponse.Lenses.Status;
        Lens<VerifySoftwareTokenResponse, int> httpStatus = VerifySoftwareTokenResponse.Lenses.HttpStatus;

        var request = new VerifySoftwareToken("123456");
        Assert.Equal("tok", accessToken.Get(accessToken.Set(request, "tok")));
        Assert.Equal("p", friendly.Get(friendly.Set(request, "p")));
        Assert.Null(session.Get(request));
        Assert.Equal("123456", userCode.Get(request));
        var response = new VerifySoftwareTokenResponse(200);
        Assert.Equal(VerifySoftwareTokenResponseType.Success, status.Get(status.Set(response, VerifySoftwareTokenResponseType.Success)));
        Assert.Equal(201, httpStatus.Get(httpStatus.Set(response, 201)));
        Assert.Equal("x", responseSession.Get(responseSession.Set(response, "x")));
    }

    [Fact]
    public void LensLawsHold()
    {
        var lens = VerifySoftwareToken.Lenses.UserCode;
        var source = new VerifySoftwareToken("123456").WithAccessToken("tok");

        Assert.Equal("000000", lens.Get(lens.Set(source, "000000")));
        Assert.Equal(source, lens.Set(source, lens.Get(source)));
        Assert.Equal(lens.Set(source, "2"), lens.Set(lens.Set(source, "1"), "2"));
        Assert.Equal("123456", lens.Modify(source.WithUserCode(" 123456 "), code => code.Trim()).UserCode);
    }

    [Fact]
    public void EqualityIsByValue()
    {
        var a = new VerifySoftwareToken("123456").WithAccessToken("tok");
        var b = new VerifySoftwareToken("123456").WithAccessToken("tok");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b.WithAccessToken("other"));
        Assert.True(a != b.WithSession("s".PadRight(20, 's')));
        Assert.NotEqual(new VerifySoftwareTokenResponse(200), new VerifySoftwareTokenResponse(400));
    }

    [Fact]
    public void SensitiveMembersAreRedacted()
    {
        var request = new VerifySoftwareToken("123456").WithAccessToken("secret-token").WithSession("secret-session-0123456789").WithFriendlyDeviceName("Alice's phone");

        var text = request.ToString();

        Assert.DoesNotContain("123456", text);
        Assert.DoesNotContain("secret-token", text);
        Assert.DoesNotContain("secret-session", text);
        Assert.Contains("AccessToken = ***", text);
        Assert.Contains("UserCode = ***", text);
        Assert.Contains("Alice's phone", text);
        Assert.DoesNotContain("secret-session", new VerifySoftwareTokenResponse(200).WithSession("secret-session-0123456789").ToString());
    }

    [Fact]
    public void EnumIsForwardCompatible()
    {
        Assert.Equal("SUCCESS", VerifySoftwareTokenResponseType.Success.WireValue);
        Assert.Equal("ERROR", VerifySoftwareTokenResponseType.Error.WireValue);
        Assert.True(VerifySoftwareTokenResponseType.Success.IsKnown);

        var later = new VerifySoftwareTokenResponseType("PENDING");
        Assert.False(later.IsKnown);
        Assert.Equal("PENDING", later.ToString());
        Assert.Equal(later, new VerifySoftwareTokenResponseType("PENDING"));
        Assert.NotEqual(VerifySoftwareTokenResponseType.Success, later);
        Assert.Equal(new[] { VerifySoftwareTokenResponseType.Success, VerifySoftwareTokenResponseType.Error }, VerifySoftwareTokenResponseType.Known);
    }

    [Fact]
    public void EnumWireValuesAreUsableInSwitchAndPatterns()
    {
        static string Describe(VerifySoftwareTokenResponseType status)
        {
            switch (status.WireValue)
            {
                case VerifySoftwareTokenResponseType.WireValues.Success:
                    return "verified";
                case VerifySoftwareTokenResponseType.WireValues.Error:
                    return "rejected";
                default:
                    return "new status " + status.WireValue;
            }
        }

        static bool IsDone(VerifySoftwareTokenResponseType? status) => status?.WireValue is VerifySoftwareTokenResponseType.WireValues.Success or VerifySoftwareTokenResponseType.WireValues.Error;

        Assert.Equal("verified", Describe(VerifySoftwareTokenResponseType.Success));
        var fromTheWire = "ERROR";
        Assert.Equal("rejected", Describe(new VerifySoftwareTokenResponseType(fromTheWire)));
        var addedLater = "PENDING"; // a status the service adds after the model was generated
        Assert.Equal("new status PENDING", Describe(new VerifySoftwareTokenResponseType(addedLater)));
        Assert.True(IsDone(VerifySoftwareTokenResponseType.Error));
        Assert.False(IsDone(new VerifySoftwareTokenResponseType(addedLater)));
        Assert.False(IsDone(null));
        Assert.Equal("SUCCESS", VerifySoftwareTokenResponseType.WireValues.Success);
        Assert.Equal(VerifySoftwareTokenResponseType.WireValues.Success, VerifySoftwareTokenResponseType.Success.WireValue);
    }

    [Fact]
    public void OperationMetadataIsReachableFromGenericCode()
    {
        var info = Describe(new VerifySoftwareToken("123456"));

        Assert.Equal("VerifySoftwareToken", info.Name);
        Assert.Equal("POST", info.HttpMethod);
        Assert.Equal("/", info.RequestUri);
        Assert.Equal(AwsProtocol.AwsJson1_1, info.Service.Protocol);
        Assert.Equal("cognito-idp", info.Service.EndpointPrefix);
        Assert.False(info.RequiresSigning);
        Assert.Same(info, CognitoIdentityProviderOperations.VerifySoftwareToken.Info);
        Assert.Contains(info, CognitoIdentityProviderOperations.All);
    }

    private static OperationInfo Describe<TResponse>(IAwsRequest<TResponse> request)
        where TResponse : IAwsResponse => request.Operation.Info;

    [Fact]
    public void SerializesToTheDocumentedWireForm()
    {
        IAwsRequest<VerifySoftwareTokenResponse> request = new VerifySoftwareToken("123456").WithAccessToken("tok");

        var wire = request.Operation.SerializeRequest(request);

        Assert.Equal("POST", wire.Method);
        Assert.Equal("/", wire.Path);
        Assert.Equal("AWSCognitoIdentityProviderService.VerifySoftwareToken", wire.GetHeader("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", wire.GetHeader("Content-Type"));
        using var body = JsonDocument.Parse(wire.Body);
        Assert.Equal(2, CountProperties(body.RootElement));
        Assert.Equal("tok", body.RootElement.GetProperty("AccessToken").GetString());
        Assert.Equal("123456", body.RootElement.GetProperty("UserCode").GetString());
    }

    [Fact]
    public void ReadsSuccessUnknownStatusAndErrors()
    {
        var operation = CognitoIdentityProviderOperations.VerifySoftwareToken;

        var ok = operation.DeserializeResponse(Response(200, """{"Status":"SUCCESS","Session":"abc"}"""));
        Assert.Equal(200, ok.HttpStatus);
        Assert.Equal(VerifySoftwareTokenResponseType.Success, ok.Status);
        Assert.Equal("abc", ok.Session);

        var pending = operation.DeserializeResponse(Response(200, """{"Status":"PENDING"}"""));
        Assert.Equal("PENDING", pending.Status!.Value.WireValue);
        Assert.False(pending.Status.Value.IsKnown);

        var error = operation.DeserializeError(Response(400, """{"__type":"CodeMismatchException","message":"Invalid code"}""", ("x-amzn-RequestId", "req-1")));
        var mismatch = Assert.IsType<CodeMismatchException>(error);
        Assert.IsAssignableFrom<CognitoIdentityProviderException>(mismatch);
        Assert.Equal("CodeMismatchException", mismatch.ErrorCode);
        Assert.Equal("Invalid code", mismatch.Message);
        Assert.Equal(400, mismatch.StatusCode);
        Assert.Equal("req-1", mismatch.RequestId);

        var invalid = Assert.IsType<InvalidParameterException>(operation.DeserializeError(Response(400, """{"__type":"com.amazonaws#InvalidParameterException:http://x","message":"bad","reasonCode":"INVALID_CODE"}""")));
        Assert.Equal("INVALID_CODE", invalid.ReasonCode);

        var fromHeader = operation.DeserializeError(Response(400, "", ("x-amzn-ErrorType", "NotAuthorizedException:http://internal")));
        Assert.IsType<NotAuthorizedException>(fromHeader);

        var unmodelled = operation.DeserializeError(Response(400, """{"__type":"SomethingNewException","Message":"new"}"""));
        Assert.Equal(typeof(CognitoIdentityProviderException), unmodelled.GetType());
        Assert.Equal("SomethingNewException", unmodelled.ErrorCode);
        Assert.Equal("new", unmodelled.Message);
        Assert.IsAssignableFrom<AwsServiceException>(unmodelled);
    }

    private static AwsHttpResponse Response(int status, string body, params (string Name, string Value)[] headers)
    {
        var map = new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            map[name] = value;
        }

        return new AwsHttpResponse(status, map, Encoding.UTF8.GetBytes(body));
    }

    private static int CountProperties(JsonElement element)
    {
        var count = 0;
        foreach (var unused in element.EnumerateObject())
        {
            count++;
        }

        return count;
    }
}
