using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Aws.CognitoIdentityProvider;
using Codegen.Runtime.Client;
using Codegen.Runtime.Configuration;
using Xunit;

namespace Codegen.Consumer.Tests;

/// <summary>
/// <c>response.ResponseMetadata</c> as a user reads it: the request id to quote to support, the status, the headers
/// and the attempts of the call; not part of the response's value.
/// </summary>
public class ResponseMetadataTests
{
    [Fact]
    public async Task ACallsResponseCarriesTheRequestIdStatusHeadersAndAttempts()
    {
        var attempt = 0;
        var handler = new Stub(() => ++attempt == 1
            ? Reply(HttpStatusCode.ServiceUnavailable, """{"__type":"InternalErrorException","message":"try again"}""", "req-first")
            : Reply(HttpStatusCode.OK, """{"Status":"SUCCESS"}""", "req-second"));
        using var cognito = new CognitoIdentityProviderClient(
            new AwsClientOptions
            {
                Region = "eu-west-1",
                RetryBaseDelay = TimeSpan.FromMilliseconds(1),
                Environment = new AwsEnvironment(_ => null, homeDirectory: System.IO.Path.Combine(System.IO.Path.GetTempPath(), "codegen-no-home-" + Guid.NewGuid().ToString("N"))),
            },
            new HttpClient(handler));

        var verified = await cognito.VerifySoftwareTokenAsync(new VerifySoftwareToken("123456").WithAccessToken("token"));

        Assert.Equal(VerifySoftwareTokenResponseType.Success, verified.Status);
        Assert.Equal("req-second", verified.ResponseMetadata.RequestId);
        Assert.Equal(200, verified.ResponseMetadata.HttpStatusCode);
        Assert.Equal(2, verified.ResponseMetadata.Attempts);
        Assert.Equal("application/x-amz-json-1.1; charset=utf-8", verified.ResponseMetadata.Headers["content-type"]);
        Assert.Null(verified.ResponseMetadata.ExtendedRequestId);
    }

    [Fact]
    public void TheMetadataIsNotPartOfTheResponsesValue()
    {
        var plain = new VerifySoftwareTokenResponse(200).WithStatus(VerifySoftwareTokenResponseType.Success);
        var fromACall = plain.WithResponseMetadata(new ResponseMetadata { RequestId = "req-1", HttpStatusCode = 200, Attempts = 1 });

        Assert.Same(ResponseMetadata.None, plain.ResponseMetadata);
        Assert.Equal("req-1", fromACall.ResponseMetadata.RequestId);
        Assert.Equal(plain, fromACall);
        Assert.Equal(plain.GetHashCode(), fromACall.GetHashCode());
        Assert.Equal(plain.ToString(), fromACall.ToString());
        Assert.DoesNotContain("req-1", fromACall.ToString(), StringComparison.Ordinal);
        Assert.Equal("req-1", fromACall.WithSession("next-session-0123456789").ResponseMetadata.RequestId); // With* keeps it
    }

    private static HttpResponseMessage Reply(HttpStatusCode status, string body, string requestId)
    {
        var reply = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };
        reply.Headers.Add("x-amzn-RequestId", requestId);
        return reply;
    }

    private sealed class Stub(Func<HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer());
    }
}
