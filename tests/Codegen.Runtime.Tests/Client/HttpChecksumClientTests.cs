using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Checksums;
using Codegen.Runtime.Client;
using Codegen.Runtime.Operations;
using Codegen.Testing;
using Xunit;

namespace Codegen.Runtime.Tests.Client;

/// <summary>
/// The httpChecksum trait through the client: which checksum a request gets (named, required, legacy MD5, the
/// caller's own) over buffered and streaming bodies, and the validation of response checksums when asked for.
/// Expected values are the CRC and digest check values of "123456789" (see <c>ChecksumTests</c>).
/// </summary>
public sealed class HttpChecksumClientTests
{
    private static readonly byte[] Body = Encoding.ASCII.GetBytes("123456789");
    private static readonly HttpChecksumInfo Flexible = new()
    {
        RequestAlgorithmHeader = "x-amz-sdk-checksum-algorithm",
        ValidationModeHeader = "x-amz-checksum-mode",
        ResponseAlgorithms = new[] { "CRC32", "CRC32C", "SHA256", "SHA1" },
    };

    [Fact]
    public async Task ARequiredChecksum_IsCrc32_ByDefault()
    {
        var upload = await SendOne(new StreamingOperation(body: null, checksum: Flexible with { RequestChecksumRequired = true }, bufferedBody: Body));
        Assert.Equal("y/Q5Jg==", upload.Header("x-amz-checksum-crc32"));
    }

    [Fact]
    public async Task TheAlgorithmTheRequestNames_IsComputed_OverASeekableStream_WhichIsThenSentWhole()
    {
        var upload = await SendOne(new StreamingOperation(() => new MemoryStream(Body), unsignedPayload: true, checksum: Flexible, headers: ("x-amz-sdk-checksum-algorithm", "SHA256")));
        Assert.Equal("FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU=", upload.Header("x-amz-checksum-sha256"));
        Assert.Equal(Body, upload.Body);
    }

    [Fact]
    public async Task TheLegacyTrait_SendsContentMd5()
    {
        var upload = await SendOne(new StreamingOperation(body: null, checksum: new HttpChecksumInfo { ContentMd5Required = true }, bufferedBody: Body));
        Assert.Equal("JfnnlDI7RTiF9RgfG2JNCw==", upload.Header("Content-MD5"));
    }

    [Fact]
    public async Task ASupportedButOptionalChecksum_IsNotSent_UnlessNamed()
    {
        var upload = await SendOne(new StreamingOperation(body: null, checksum: Flexible, bufferedBody: Body));
        Assert.DoesNotContain(upload.Headers.Keys, name => name.StartsWith("x-amz-checksum-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AChecksumTheCallerSet_IsKept()
    {
        var upload = await SendOne(new StreamingOperation(body: null, checksum: Flexible with { RequestChecksumRequired = true }, bufferedBody: Body, headers: ("x-amz-checksum-crc32", "AAAAAA==")));
        Assert.Equal("AAAAAA==", upload.Header("x-amz-checksum-crc32"));
    }

    [Theory]
    [InlineData("CRC64NVME")]
    [InlineData("XXHASH128")]
    public async Task AnAlgorithmThisRuntimeCannotCompute_IsRefusedBeforeSending(string algorithm)
    {
        var handler = new RecordingHandler(_ => Ok());
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => client.SendAsync(
            new StreamingRequest(new StreamingOperation(body: null, checksum: Flexible, bufferedBody: Body, headers: ("x-amz-sdk-checksum-algorithm", algorithm)))));
        Assert.Contains(algorithm, error.Message);
        Assert.Empty(handler.Uploads);
    }

    [Fact]
    public async Task AChecksumOverANonSeekableStream_IsRefusedBeforeSending()
    {
        var handler = new RecordingHandler(_ => Ok());
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => client.SendAsync(
            new StreamingRequest(new StreamingOperation(() => new PatternStream(100), unsignedPayload: true, checksum: Flexible with { RequestChecksumRequired = true }))));
        Assert.Contains("seekable", error.Message);
        Assert.Empty(handler.Uploads);
    }

    [Fact]
    public async Task AStreamingResponse_IsValidatedAsItIsRead()
    {
        var (good, _) = await Download("y/Q5Jg==", validate: true);
        Assert.Equal(Body, good);

        var error = await Assert.ThrowsAsync<ChecksumMismatchException>(() => Download("AAAAAA==", validate: true));
        Assert.Equal(ChecksumAlgorithm.Crc32, error.Algorithm);
        Assert.Equal("y/Q5Jg==", error.Actual);
    }

    [Fact]
    public async Task WithoutTheValidationMode_OrWithAChecksumOfParts_NothingIsChecked()
    {
        Assert.Equal(Body, (await Download("AAAAAA==", validate: false)).Body);
        Assert.Equal(Body, (await Download("AAAAAA==-3", validate: true)).Body);
    }

    [Fact]
    public async Task ABufferedResponse_IsValidatedAtOnce()
    {
        var handler = new RecordingHandler(_ => WithChecksum(Ok(Body), "x-amz-checksum-sha1", "AAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<ChecksumMismatchException>(() => client.SendAsync(
            new StreamingRequest(new StreamingOperation(body: null, checksum: Flexible, headers: ("x-amz-checksum-mode", "ENABLED")))));
        Assert.Equal(ChecksumAlgorithm.Sha1, error.Algorithm);
        Assert.Equal("98O8HYCOBHMq32eZZczDTKeuNEE=", error.Actual);
    }

    private static async Task<(byte[] Body, int Status)> Download(string checksum, bool validate)
    {
        var handler = new RecordingHandler(_ => WithChecksum(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new PatternStream(Body, step: 2)) }, "x-amz-checksum-crc32", checksum));
        using var client = Client(handler);
        var headers = validate ? new[] { ("x-amz-checksum-mode", "ENABLED") } : Array.Empty<(string, string)>();
        var response = await client.SendAsync(new StreamingRequest(new StreamingOperation(body: null, streamingOutput: true, checksum: Flexible, headers: headers)));
        await using var stream = response.Stream!;
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (copy.ToArray(), response.HttpStatus);
    }

    private static async Task<RecordingHandler.Upload> SendOne(StreamingOperation operation)
    {
        var handler = new RecordingHandler(_ => Ok());
        using var client = Client(handler);
        await client.SendAsync(new StreamingRequest(operation));
        return Assert.Single(handler.Uploads);
    }

    private static AwsClient Client(HttpMessageHandler handler) => new(
        new AwsClientOptions
        {
            Region = "us-west-2",
            ServiceUrl = new Uri("https://checksums.test"),
            Credentials = new StaticCredentialsSource(new AwsCredentials("AKIDTESTTESTTEST1234", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRETKEY")),
            MaxAttempts = 1,
        },
        new HttpClient(handler));

    private static HttpResponseMessage Ok(byte[]? body = null) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(body ?? Encoding.ASCII.GetBytes("{}")) };

    private static HttpResponseMessage WithChecksum(HttpResponseMessage response, string header, string value)
    {
        response.Headers.Add(header, value);
        return response;
    }
}
