using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Configuration;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Xunit;

namespace Codegen.Runtime.Tests.Client;

/// <summary>
/// Request compression (operations with the <c>requestCompression</c> trait): what reaches a loopback server, and the
/// settings from options, environment variables and the profile.
/// </summary>
public sealed class RequestCompressionTests
{
    private static readonly string LargeBody = "{\"data\":\"" + string.Concat(Enumerable.Range(0, 2_000).Select(i => "metric-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "\"}";

    [Fact]
    public async Task A_large_body_is_sent_gzip_compressed_and_decompresses_to_what_was_serialized()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        using var client = new AwsClient(Options(server));

        await client.SendAsync(new FakeRequest(new FakeOperation(body: LargeBody, requestCompression: "gzip")));

        var request = server.Requests.Single();
        Assert.Equal("gzip", request.Header("Content-Encoding"));
        Assert.True(request.Body.Length < Encoding.UTF8.GetByteCount(LargeBody) / 2, $"{request.Body.Length} bytes sent");
        Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
        Assert.Equal(LargeBody, Gunzip(request.Body));
    }

    [Fact]
    public async Task A_small_body_an_operation_without_the_trait_and_a_disabled_client_send_the_body_as_it_is()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok(), Reply.Ok(), Reply.Ok());
        using (var client = new AwsClient(Options(server)))
        {
            await client.SendAsync(new FakeRequest(new FakeOperation(body: "{\"x\":1}", requestCompression: "gzip")));
            await client.SendAsync(new FakeRequest(new FakeOperation(body: LargeBody)));
        }

        var disabled = Options(server);
        disabled.DisableRequestCompression = true;
        using (var client = new AwsClient(disabled))
        {
            await client.SendAsync(new FakeRequest(new FakeOperation(body: LargeBody, requestCompression: "gzip")));
        }

        Assert.All(server.Requests, r => Assert.Null(r.Header("Content-Encoding")));
        Assert.Equal(new[] { "{\"x\":1}", LargeBody, LargeBody }, server.Requests.Select(r => Encoding.UTF8.GetString(r.Body)).ToArray());
    }

    [Fact]
    public void The_settings_come_from_the_options_then_the_environment_then_the_profile()
    {
        var home = Directory.CreateTempSubdirectory("codegen-compression-");
        try
        {
            Directory.CreateDirectory(Path.Combine(home.FullName, ".aws"));
            File.WriteAllText(Path.Combine(home.FullName, ".aws", "config"), "[default]\ndisable_request_compression = true\nrequest_min_compression_size_bytes = 128\n");
            var variables = new Dictionary<string, string>();
            var environment = new AwsEnvironment(name => variables.TryGetValue(name, out var value) ? value : null, home.FullName);

            Assert.Equal(new RequestCompressionSettings(true, 128), RequestCompressionSettings.Resolve(null, null, null, environment));

            variables["AWS_DISABLE_REQUEST_COMPRESSION"] = "false";
            variables["AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES"] = "0";
            Assert.Equal(new RequestCompressionSettings(false, 0), RequestCompressionSettings.Resolve(null, null, null, environment));

            Assert.Equal(new RequestCompressionSettings(true, 99), RequestCompressionSettings.Resolve(true, 99, null, environment));
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("AWS_DISABLE_REQUEST_COMPRESSION", "yes")]
    [InlineData("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "-1")]
    [InlineData("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "10485761")]
    [InlineData("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "10 KB")]
    public void A_bad_setting_is_a_configuration_error_naming_it(string variable, string value)
    {
        var environment = new AwsEnvironment(name => name == variable ? value : null, homeDirectory: null);

        var error = Assert.Throws<AwsConfigurationException>(() => RequestCompressionSettings.Resolve(null, null, null, environment));

        Assert.Contains(variable, error.Message);
    }

    [Fact]
    public void An_option_out_of_range_is_refused_when_the_client_is_made()
    {
        var options = new AwsClientOptions { Region = "us-east-1", RequestMinCompressionSizeBytes = 10_485_761 };

        Assert.Throws<ArgumentException>(() => new AwsClient(options));
    }

    [Fact]
    public void The_encoding_is_appended_after_one_the_request_names_and_a_streaming_body_is_left_alone()
    {
        var info = new OperationInfo(FakeOperation.Service, "PutMetricData", "POST", "/", true) { RequestCompression = "gzip" };
        var body = Encoding.UTF8.GetBytes(LargeBody);
        var request = new AwsHttpRequest("POST", "/", new List<KeyValuePair<string, string>> { new("Content-Encoding", "custom"), new("X-A", "1") }, body) { HostPrefix = "data." };

        var compressed = RequestCompression.Apply(info, request, RequestCompressionSettings.Default);

        Assert.Equal("custom, gzip", compressed.GetHeader("Content-Encoding"));
        Assert.Equal("1", compressed.GetHeader("X-A"));
        Assert.Equal("data.", compressed.HostPrefix);
        Assert.Equal(LargeBody, Gunzip(compressed.Body.ToArray()));

        using var stream = new MemoryStream(body);
        var streaming = new AwsHttpRequest("POST", "/", Array.Empty<KeyValuePair<string, string>>(), ReadOnlyMemory<byte>.Empty) { BodyStream = stream };
        Assert.Same(streaming, RequestCompression.Apply(info, streaming, RequestCompressionSettings.Default));
    }

    private static string Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static AwsClientOptions Options(TestHttpServer server) => new()
    {
        Region = "us-west-2",
        ServiceUrl = server.BaseUri,
        Credentials = new StaticCredentialsSource(new AwsCredentials("AKIDTESTTESTTEST1234", "secret-key-for-tests", null)),
        MaxAttempts = 1,
    };
}
