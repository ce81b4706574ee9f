using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Xunit;

namespace Codegen.Runtime.Tests.Client;

/// <summary>The metadata of the exchange the client attaches to every successful response.</summary>
public sealed class ResponseMetadataTests
{
    [Fact]
    public async Task TheClientAttachesRequestIdStatusHeadersAndAttempts()
    {
        await using var server = TestHttpServer.Scripted(Reply.Error(503, "ServiceUnavailable"), Reply.Ok("{\"done\":1}"));
        using var client = new AwsClient(new AwsClientOptions
        {
            Region = "us-west-2",
            ServiceUrl = server.BaseUri,
            Credentials = new StaticCredentialsSource("AKIDTESTTESTTEST1234", "secret"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });

        var response = await client.SendAsync(new FakeRequest(new FakeOperation()));

        var metadata = response.ResponseMetadata;
        Assert.Equal("req-2", metadata.RequestId);
        Assert.Null(metadata.ExtendedRequestId);
        Assert.Equal(200, metadata.HttpStatusCode);
        Assert.Equal(2, metadata.Attempts);
        Assert.Equal("req-2", metadata.Headers["X-AMZN-REQUESTID"]); // case-insensitive
        Assert.True(((ICollection<KeyValuePair<string, string>>)metadata.Headers).IsReadOnly);
        Assert.Same(metadata, ((IAwsResponse)response).ResponseMetadata);
    }

    [Fact]
    public void FromHttpResponse_ReadsBothIds_AndKeepsAReadOnlyCopyOfTheHeaders()
    {
        var headers = new Dictionary<string, string> { ["x-amz-request-id"] = "4442587FB7D0A2F9", ["x-amz-id-2"] = "vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=", ["ETag"] = "\"abc\"" };

        var metadata = ResponseMetadata.FromHttpResponse(new AwsHttpResponse(200, headers, ReadOnlyMemory<byte>.Empty), attempts: 1);
        headers["ETag"] = "changed";

        Assert.Equal("4442587FB7D0A2F9", metadata.RequestId);
        Assert.Equal("vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=", metadata.ExtendedRequestId);
        Assert.Equal("\"abc\"", metadata.Headers["etag"]);
        Assert.Equal(1, metadata.Attempts);
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, string>)metadata.Headers).Add("x", "y"));
    }

    [Fact]
    public void ToString_PrintsIdsStatusAndAttempts_ButNoHeaderValue()
    {
        var metadata = new ResponseMetadata
        {
            RequestId = "req-1",
            HttpStatusCode = 200,
            Attempts = 3,
            Headers = new Dictionary<string, string> { ["Set-Cookie"] = "session=secret-cookie" },
        };

        var text = metadata.ToString();

        Assert.Equal("ResponseMetadata { RequestId = req-1, HttpStatusCode = 200, Attempts = 3, Headers = 1 }", text);
        Assert.DoesNotContain("secret-cookie", text, StringComparison.Ordinal);
    }

    [Fact]
    public void None_IsWhatAResponseMadeInCodeCarries()
    {
        Assert.Null(ResponseMetadata.None.RequestId);
        Assert.Equal(0, ResponseMetadata.None.HttpStatusCode);
        Assert.Equal(0, ResponseMetadata.None.Attempts);
        Assert.Empty(ResponseMetadata.None.Headers);

        IAwsResponse handWritten = new StatusOnly();
        Assert.Same(ResponseMetadata.None, handWritten.ResponseMetadata);
        Assert.Same(handWritten, handWritten.WithResponseMetadata(new ResponseMetadata { RequestId = "r" }));
    }

    /// <summary>An IAwsResponse written before ResponseMetadata existed: the interface's defaults apply.</summary>
    private sealed class StatusOnly : IAwsResponse
    {
        public int HttpStatus => 200;
    }
}
