using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Codegen.Runtime.Protocols.RestJson;
using Codegen.Runtime.Streaming;
using Codegen.Testing;
using Xunit;

namespace Codegen.Runtime.Tests.Client;

/// <summary>
/// The client with streaming payloads: uploads sent unbuffered with the right length and signature, retried only
/// when the stream can seek; downloads handed over unbuffered and released with the response.
/// </summary>
public sealed class StreamingClientTests
{
    private static readonly AwsCredentials Credentials = new("AKIDTESTTESTTEST1234", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRETKEY");

    [Fact]
    public async Task ASeekableUpload_IsRetried_FromWhereTheStreamStood()
    {
        var body = PatternStream.Pattern(100_000);
        var stream = new MemoryStream(body) { Position = 10 }; // the payload is what is left of it
        var handler = new RecordingHandler(call => call == 1 ? Error(503, "ServiceUnavailable") : Ok());
        using var client = Client(handler);

        var response = await client.SendAsync(new StreamingRequest(new StreamingOperation(() => stream)));

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal(2, handler.Uploads.Count);
        Assert.All(handler.Uploads, upload => Assert.Equal(body.AsSpan(10).ToArray(), upload.Body));
        Assert.All(handler.Uploads, upload => Assert.Equal(body.Length - 10, upload.ContentLength));
        Assert.True(stream.CanRead, "the caller's stream stays open");
    }

    [Fact]
    public async Task ANonSeekableUpload_IsSentOnce_AndTheServiceErrorIsFinal()
    {
        var handler = new RecordingHandler(_ => Error(503, "ServiceUnavailable"));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<FakeStreamingException>(
            () => client.SendAsync(new StreamingRequest(new StreamingOperation(() => new PatternStream(50_000, step: 3000), unsignedPayload: true))));

        Assert.Equal(503, error.StatusCode);
        var upload = Assert.Single(handler.Uploads);
        Assert.True(PatternStream.Matches(upload.Body, 0) && upload.Body.Length == 50_000);
        Assert.Null(upload.ContentLength); // unknown length: chunked transfer encoding
    }

    [Fact]
    public async Task ANonSeekableUpload_ThatFailsInTransport_SaysWhyItWasNotRetried()
    {
        var handler = new RecordingHandler(_ => throw new HttpRequestException("connection reset"));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.SendAsync(new StreamingRequest(new StreamingOperation(() => new PatternStream(1000), unsignedPayload: true))));

        Assert.Single(handler.Uploads);
        Assert.Contains("connection reset", error.Message);
        Assert.Contains(StreamingPayload.NotRetried, error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task AnUnsignedBodyOperation_SignsUnsignedPayload_AndSendsTheHeader()
    {
        var handler = new RecordingHandler(_ => Ok());
        using var client = Client(handler);

        await client.SendAsync(new StreamingRequest(new StreamingOperation(() => new PatternStream(1000), unsignedPayload: true)));

        var upload = Assert.Single(handler.Uploads);
        Assert.Equal(SigV4Signer.UnsignedPayload, upload.Header("X-Amz-Content-Sha256"));
        Assert.Contains("x-amz-content-sha256", upload.Header("Authorization"));
    }

    [Fact]
    public async Task ASignedBodyOperation_HashesASeekableStream_ThenSendsAllOfIt()
    {
        var body = PatternStream.Pattern(200_000);
        var handler = new RecordingHandler(_ => Ok());
        // The S3 rules send the payload hash as a header, which makes the hash that was signed visible.
        using var client = Client(handler, o => o.SigningOptions = SigV4Options.S3);

        await client.SendAsync(new StreamingRequest(new StreamingOperation(() => new MemoryStream(body))));

        var upload = Assert.Single(handler.Uploads);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant(), upload.Header("X-Amz-Content-Sha256"));
        Assert.Equal(body, upload.Body);
    }

    [Fact]
    public async Task ASignedBodyOperation_RefusesANonSeekableStream_BeforeSending()
    {
        var handler = new RecordingHandler(_ => Ok());
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<NotSupportedException>(
            () => client.SendAsync(new StreamingRequest(new StreamingOperation(() => new PatternStream(1000)))));

        Assert.Contains("seekable", error.Message);
        Assert.Empty(handler.Uploads);
    }

    [Fact]
    public async Task RequiresLength_RefusesAStreamWithoutOne_BeforeSending()
    {
        var handler = new RecordingHandler(_ => Ok());
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => client.SendAsync(new StreamingRequest(new StreamingOperation(() => new PatternStream(1000), unsignedPayload: true, requiresLength: true))));

        Assert.Contains("length", error.Message);
        Assert.Empty(handler.Uploads);
    }

    [Fact]
    public async Task AStreamingResponse_IsHandedOverUnbuffered_AndDisposingItReleasesTheResponse()
    {
        var content = new TrackedContent(new PatternStream(1_000_000, step: 4096), 1_000_000);
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        using var client = Client(handler);

        var response = await client.SendAsync(new StreamingRequest(new StreamingOperation(body: null, streamingOutput: true)));

        var stream = Assert.IsType<ResponseBodyStream>(response.Stream);
        Assert.Equal(1_000_000, stream.Length);
        Assert.False(content.Disposed);
        var buffer = new byte[65536];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            Assert.True(PatternStream.Matches(buffer.AsSpan(0, read), total));
            total += read;
        }

        Assert.Equal(1_000_000, total);
        await stream.DisposeAsync();
        Assert.True(content.Disposed);
    }

    [Fact]
    public async Task AStreamingOperationsError_IsBufferedAndTyped()
    {
        var handler = new RecordingHandler(_ => Error(400, "ValidationException"));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<FakeStreamingException>(
            () => client.SendAsync(new StreamingRequest(new StreamingOperation(body: null, streamingOutput: true))));

        Assert.Equal("ValidationException", error.ErrorCode);
    }

    private static AwsClient Client(HttpMessageHandler handler, Action<AwsClientOptions>? configure = null)
    {
        var options = new AwsClientOptions
        {
            Region = "us-west-2",
            ServiceUrl = new Uri("http://streaming.test"),
            Credentials = new StaticCredentialsSource(Credentials),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(5),
        };
        configure?.Invoke(options);
        return new AwsClient(options, new HttpClient(handler));
    }

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent("{}") };

    private static HttpResponseMessage Error(int status, string code)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("{\"message\":\"no\"}") };
        response.Headers.Add("x-amzn-ErrorType", code);
        return response;
    }

    private sealed class TrackedContent : StreamContent
    {
        public TrackedContent(Stream stream, long length)
            : base(stream) => Headers.ContentLength = length;

        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}

/// <summary>A hand-written stand-in for a generated restJson1 operation whose payload is a stream (in or out).</summary>
internal sealed class StreamingOperation : IOperation<StreamingResponse>
{
    private readonly Func<Stream>? body;
    private readonly bool requiresLength;
    private readonly byte[] bufferedBody;
    private readonly KeyValuePair<string, string>[] headers;

    public StreamingOperation(
        Func<Stream>? body,
        bool unsignedPayload = false,
        bool requiresLength = false,
        bool streamingOutput = false,
        HttpChecksumInfo? checksum = null,
        byte[]? bufferedBody = null,
        params (string Name, string Value)[] headers)
    {
        this.body = body;
        this.requiresLength = requiresLength;
        this.bufferedBody = bufferedBody ?? Array.Empty<byte>();
        this.headers = headers.Select(h => KeyValuePair.Create(h.Name, h.Value)).Prepend(KeyValuePair.Create("Content-Type", "application/octet-stream")).ToArray();
        Info = new OperationInfo(new ServiceInfo("Streaming", "2020-01-01", AwsProtocol.RestJson1, "streaming", "streaming"), "PutThing", "PUT", "/thing", true)
        {
            UnsignedPayload = unsignedPayload,
            HasStreamingOutput = streamingOutput,
            Checksum = checksum,
        };
    }

    public OperationInfo Info { get; }

    public bool IsWireSupported => true;

    public void ValidateRequest(IAwsRequest<StreamingResponse> request, Codegen.Runtime.Validation.ValidationOptions? options = null)
    {
    }

    public AwsHttpRequest SerializeRequest(IAwsRequest<StreamingResponse> request, SerializationOptions? options = null) =>
        new(Info.HttpMethod, "/thing", headers, bufferedBody)
        {
            BodyStream = body?.Invoke(),
            RequiresLength = requiresLength,
        };

    public StreamingResponse DeserializeResponse(AwsHttpResponse response, DeserializationOptions? options = null) =>
        new(response.StatusCode, Info.HasStreamingOutput ? Codegen.Runtime.Serialization.HttpPayloads.ReadStream(response) : null);

    public AwsServiceException DeserializeError(AwsHttpResponse response, DeserializationOptions? options = null)
    {
        var error = RestJsonErrors.Read(response);
        return new FakeStreamingException(error.Code, error.Message, response.StatusCode, response.RequestId);
    }
}

internal sealed class StreamingRequest : IAwsRequest<StreamingResponse>
{
    public StreamingRequest(StreamingOperation operation) => Operation = operation;

    public IOperation<StreamingResponse> Operation { get; }

    public OperationInfo OperationInfo => Operation.Info;
}

internal sealed record StreamingResponse(int HttpStatus, Stream? Stream) : IAwsResponse;

internal sealed class FakeStreamingException : AwsServiceException
{
    public FakeStreamingException(string code, string? message, int status, string? requestId)
        : base(code, message, status, requestId)
    {
    }
}
