using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Xunit;

namespace Codegen.Runtime.Tests.Client;

/// <summary>
/// What reaches the server for requests with and without a body, by method: the REST protocols send GET and DELETE
/// requests with no body, and the protocol suites forbid a Content-Length on those; a POST without a body carries
/// <c>Content-Length: 0</c>. The conformance runner (tools/Codegen.Cli ConformanceCases) relies on exactly this.
/// </summary>
public sealed class RequestBodyOnTheWireTests
{
    [Theory]
    [InlineData("GET", null)]
    [InlineData("DELETE", null)]
    [InlineData("HEAD", null)]
    [InlineData("POST", "0")]
    [InlineData("PUT", "0")]
    [InlineData("PATCH", "0")]
    public async Task AnEmptyBody_HasAContentLengthOnlyWhereTheMethodExpectsABody(string method, string? contentLength)
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        using var client = new AwsClient(Options(server));

        await client.SendAsync(new FakeRequest(new FakeOperation(method: method, path: "/things/a", body: "")));

        var request = server.Requests.Single();
        Assert.Equal(method, request.Method);
        Assert.Equal(contentLength, request.Header("Content-Length"));
        Assert.Null(request.Header("Content-Type"));
        Assert.Empty(request.Body);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task ABody_IsSentWithItsLength(string method)
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        using var client = new AwsClient(Options(server));

        await client.SendAsync(new FakeRequest(new FakeOperation(method: method, body: "{\"a\":\"é\"}")));

        var request = server.Requests.Single();
        Assert.Equal(Encoding.UTF8.GetByteCount("{\"a\":\"é\"}").ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
        Assert.Equal("{\"a\":\"é\"}", Encoding.UTF8.GetString(request.Body));
    }

    private static AwsClientOptions Options(TestHttpServer server) => new()
    {
        Region = "us-west-2",
        ServiceUrl = server.BaseUri,
        Credentials = new StaticCredentialsSource(new AwsCredentials("AKIDTESTTESTTEST1234", "secret-key-for-tests", null)),
        MaxAttempts = 1,
    };
}
