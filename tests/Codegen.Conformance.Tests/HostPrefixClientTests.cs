using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Xunit;

namespace Codegen.Conformance.Tests;

/// <summary>
/// The client half of the endpoint trait the conformance cases check on the serializer: a request's
/// <see cref="AwsHttpRequest.HostPrefix"/> goes before the endpoint's host (and into the signed Host header).
/// </summary>
public sealed class HostPrefixClientTests
{
    [Theory]
    [InlineData("https://example.com", "foo.bar.", "https://foo.bar.example.com/")]
    [InlineData("https://example.com:8443/base", "data.", "https://data.example.com:8443/base/")]
    [InlineData("https://example.com", null, "https://example.com/")]
    public async Task TheHostPrefixGoesBeforeTheEndpointHost(string endpoint, string? prefix, string expected)
    {
        var handler = new CapturingHandler();
        using var http = new HttpClient(handler);
        using var client = new AwsClient(
            new AwsClientOptions { Region = "us-east-1", ServiceUrl = new Uri(endpoint), Credentials = new StaticCredentialsSource(new AwsCredentials("AKID", "SECRET")) },
            http);

        await client.SendAsync(new Request(prefix));

        Assert.Equal(expected, handler.Uri!.ToString());
        Assert.Equal(new Uri(expected).Authority, handler.Host);
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public Uri? Uri { get; private set; }

        public string? Host { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            Host = request.Headers.Host;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        }
    }

    private sealed class Response : IAwsResponse
    {
        public int HttpStatus => 200;
    }

    private sealed class Request(string? prefix) : IAwsRequest<Response>
    {
        public OperationInfo OperationInfo => Operation.Info;

        public IOperation<Response> Operation { get; } = new TestOperation(prefix);
    }

    private sealed class TestOperation(string? prefix) : IOperation<Response>
    {
        private static readonly ServiceInfo Service = new("Test", "2020-01-01", AwsProtocol.AwsJson1_0, "test", "test");

        public OperationInfo Info { get; } = new(Service, "Op", "POST", "/", true);

        public bool IsWireSupported => true;

        public void ValidateRequest(IAwsRequest<Response> request, Codegen.Runtime.Validation.ValidationOptions? options = null)
        {
        }

        public AwsHttpRequest SerializeRequest(IAwsRequest<Response> request, SerializationOptions? options = null) =>
            new("POST", "/", new List<KeyValuePair<string, string>>(), "{}"u8.ToArray()) { HostPrefix = prefix };

        public Response DeserializeResponse(AwsHttpResponse response, DeserializationOptions? options = null) => new();

        public AwsServiceException DeserializeError(AwsHttpResponse response, DeserializationOptions? options = null) => new("Error", null, response.StatusCode, null);
    }
}
