using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Operations;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Codegen.Runtime.Tests.Client;

public sealed class AwsClientTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRETKEY";
    private const string Token = "FwoGZXIvYXdzSESSIONTOKENneverShown==";
    private static readonly AwsCredentials Credentials = new("AKIDTESTTESTTEST1234", Secret, Token);

    [Fact]
    public async Task ThrottlingThenUnavailableThenSuccess_TakesThreeAttempts()
    {
        await using var server = TestHttpServer.Scripted(
            Reply.Error(429, "TooManyRequestsException"), Reply.Error(503, "ServiceUnavailable"), Reply.Ok("{\"done\":1}"));
        var operation = new FakeOperation();
        using var client = new AwsClient(Options(server));

        var response = await client.SendAsync(new FakeRequest(operation));

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal("{\"done\":1}", response.Body);
        Assert.Equal("req-3", response.RequestId);
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(1, operation.SerializeCount); // serialized once, sent three times
        var requests = server.Requests;
        Assert.Equal(new[] { "attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3" }, requests.Select(r => r.Header("amz-sdk-request")));
        Assert.Single(requests.Select(r => r.Header("amz-sdk-invocation-id")).Distinct());
        Assert.All(requests, r => Assert.Equal("{\"x\":1}", Encoding.UTF8.GetString(r.Body)));
    }

    [Fact]
    public async Task TheClientsDeserializationOptionsReachTheReaders()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok("{}"), Reply.Error(400, "ValidationException"), Reply.Ok("{}"));
        var operation = new FakeOperation();
        using (var tolerant = new AwsClient(Options(server)))
        {
            await tolerant.SendAsync(new FakeRequest(operation));
            Assert.Same(DeserializationOptions.Default, operation.LastDeserializationOptions);
        }

        using var strict = new AwsClient(Options(server, o => o.Deserialization = DeserializationOptions.Strict));
        await Assert.ThrowsAsync<FakeServiceException>(() => strict.SendAsync(new FakeRequest(operation)));
        Assert.Same(DeserializationOptions.Strict, operation.LastDeserializationOptions);
        await strict.SendAsync(new FakeRequest(operation));
        Assert.Same(DeserializationOptions.Strict, operation.LastDeserializationOptions);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task ServerErrors_FailAfterExactlyMaxAttempts_WithTheTypedError(int maxAttempts)
    {
        await using var server = TestHttpServer.Scripted(Reply.Error(500, "InternalFailure", "it broke"));
        using var client = new AwsClient(Options(server, o => o.MaxAttempts = maxAttempts));

        var error = await Assert.ThrowsAsync<FakeServiceException>(() => client.SendAsync(new FakeRequest(new FakeOperation())));

        Assert.Equal("InternalFailure", error.ErrorCode);
        Assert.Equal("it broke", error.ErrorMessage);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("req-" + maxAttempts.ToString(CultureInfo.InvariantCulture), error.RequestId);
        Assert.Equal(maxAttempts, server.RequestCount);
        AssertNoSecrets(error.ToString());
    }

    [Theory]
    [InlineData(400, "ThrottlingException")]
    [InlineData(400, "Throttling")]
    [InlineData(400, "ProvisionedThroughputExceededException")]
    [InlineData(400, "RequestTimeout")]
    [InlineData(400, "CustomSlowDownPlease")] // IsThrottling from the model
    [InlineData(502, "BadGateway")]
    [InlineData(504, "GatewayTimeout")]
    public async Task RetryableErrors_AreRetried(int status, string code)
    {
        await using var server = TestHttpServer.Scripted(Reply.Error(status, code), Reply.Ok());
        using var client = new AwsClient(Options(server));

        var response = await client.SendAsync(new FakeRequest(new FakeOperation()));

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData(400, "ValidationException")]
    [InlineData(403, "AccessDeniedException")]
    [InlineData(501, "NotImplemented")]
    public async Task OtherErrors_AreNotRetried(int status, string code)
    {
        await using var server = TestHttpServer.Scripted(Reply.Error(status, code), Reply.Ok());
        using var client = new AwsClient(Options(server));

        var error = await Assert.ThrowsAsync<FakeServiceException>(() => client.SendAsync(new FakeRequest(new FakeOperation())));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task SlowResponses_AreRetried_ThenFailWithATimeout()
    {
        await using var server = TestHttpServer.Scripted(Reply.Slow(TimeSpan.FromMinutes(10)));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = new AwsClient(Options(server, o => FakeTime(o, clock, attemptTimeout: TimeSpan.FromSeconds(5))));

        var sending = client.SendAsync(new FakeRequest(new FakeOperation()));
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            // The attempt's timeout starts before its request is sent, so once the server has it, advancing fires it.
            await server.WaitForRequestsAsync(attempt);
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => sending);
        Assert.Equal(3, server.RequestCount);
        Assert.Contains("DoThing", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 attempt", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        AssertNoSecrets(error.ToString());
    }

    [Fact]
    public async Task ASuppliedHttpClientsOwnTimeout_CountsAsAnAttemptTimeout()
    {
        // A transport that never answers: each attempt ends by the HttpClient's timeout, and the handler counts the
        // attempts exactly (it is called before the timeout can fire).
        var handler = new HangingHandler();
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(100) };
        using var client = new AwsClient(Options(null, o =>
        {
            o.ServiceUrl = new Uri("http://example.invalid/");
            o.MaxAttempts = 2;
            o.AttemptTimeout = null;
        }), http);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.SendAsync(new FakeRequest(new FakeOperation())));

        Assert.Equal(2, handler.Calls);
        Assert.Contains("HttpClient timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 attempt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimedOutAttempt_IsRetried()
    {
        await using var server = TestHttpServer.Scripted(Reply.Slow(TimeSpan.FromMinutes(10)), Reply.Ok());
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = new AwsClient(Options(server, o => FakeTime(o, clock, attemptTimeout: TimeSpan.FromSeconds(1))));

        var sending = client.SendAsync(new FakeRequest(new FakeOperation()));
        await server.WaitForRequestsAsync(1);
        clock.Advance(TimeSpan.FromSeconds(1));
        var response = await sending;

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task TheDefaultAttemptTimeoutBoundsAStalledCall()
    {
        await using var server = TestHttpServer.Scripted(Reply.Slow(TimeSpan.FromMinutes(10)));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = new AwsClient(Options(server, o =>
        {
            o.TimeProvider = clock;
            o.RetryBaseDelay = TimeSpan.Zero;
            o.MaxAttempts = 1;
        }));

        var sending = client.SendAsync(new FakeRequest(new FakeOperation()));
        await server.WaitForRequestsAsync(1);
        clock.Advance(AwsClientOptions.DefaultAttemptTimeout - TimeSpan.FromSeconds(1));
        Assert.False(sending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => sending);
        Assert.Contains("100000 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_StopsTheCallInFlight_AndIsNotRetried()
    {
        await using var server = TestHttpServer.Scripted(Reply.Slow(TimeSpan.FromMinutes(10)));
        // A clock that is never advanced: no attempt timeout can fire, only the caller's cancellation.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = new AwsClient(Options(server, o => FakeTime(o, clock, attemptTimeout: TimeSpan.FromSeconds(20))));
        using var cancellation = new CancellationTokenSource();

        // Cancel once the request is in flight (the server has it), however slow the machine is.
        var sending = client.SendAsync(new FakeRequest(new FakeOperation()), cancellation.Token);
        await server.WaitForRequestsAsync(1);
        cancellation.Cancel();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Cancellation_DuringBackoff_StopsRetrying()
    {
        await using var server = TestHttpServer.Scripted(Reply.Error(503, "ServiceUnavailable"));
        // No attempt timeout, so the only timer the client starts is the backoff's; the clock signals it and never fires it.
        var clock = new TimerSignallingTimeProvider();
        using var client = new AwsClient(Options(server, o =>
        {
            o.TimeProvider = clock;
            o.AttemptTimeout = null;
            o.RetryBaseDelay = TimeSpan.FromSeconds(1);
            o.MaxBackoff = TimeSpan.FromSeconds(1);
        }));
        using var cancellation = new CancellationTokenSource();

        var sending = client.SendAsync(new FakeRequest(new FakeOperation()), cancellation.Token);
        var backoff = await clock.FirstTimer.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.InRange(backoff, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(1, server.RequestCount); // the 503 has been read: the client is waiting to retry
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task AnAlreadyCancelledToken_SendsNothing()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        using var client = new AwsClient(Options(server));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.SendAsync(new FakeRequest(new FakeOperation()), new CancellationToken(canceled: true)));

        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task EachAttempt_IsSignedAgain_WithFreshTimeAndCredentials()
    {
        await using var server = TestHttpServer.Scripted(
            Reply.Error(503, "ServiceUnavailable"), Reply.Error(500, "InternalFailure"), Reply.Ok());
        var source = new CountingCredentialsSource(Credentials);
        using var client = new AwsClient(Options(server, o =>
        {
            o.Credentials = source;
            o.TimeProvider = new SteppingTimeProvider(new DateTimeOffset(2024, 2, 29, 23, 59, 58, TimeSpan.Zero));
            o.RetryBaseDelay = TimeSpan.Zero;
        }));

        await client.SendAsync(new FakeRequest(new FakeOperation()));

        Assert.Equal(3, source.Calls);
        var requests = server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTESTTESTTEST1234/", r.Header("Authorization"), StringComparison.Ordinal);
            Assert.Contains("/us-west-2/fakesvc/aws4_request", r.Header("Authorization"), StringComparison.Ordinal);
            Assert.Equal(Token, r.Header("X-Amz-Security-Token"));
            AssertSignatureMatchesWire(r);
        });
        Assert.Equal(3, requests.Select(r => r.Header("X-Amz-Date")).Distinct().Count());
        Assert.Equal(3, requests.Select(r => r.Header("Authorization")).Distinct().Count());
        Assert.Equal("20240229T235958Z", requests[0].Header("X-Amz-Date"));
        Assert.Equal("20240301T000000Z", requests[2].Header("X-Amz-Date")); // the scope date moves with it
    }

    [Fact]
    public async Task UnsignedOperations_CarryNoSignature_AndNeedNoCredentials()
    {
        await using var server = TestHttpServer.Scripted(Reply.Error(503, "ServiceUnavailable"), Reply.Ok());
        var source = new CountingCredentialsSource(Credentials);
        using var client = new AwsClient(Options(server, o => o.Credentials = source));

        await client.SendAsync(new FakeRequest(new FakeOperation(requiresSigning: false)));

        Assert.Equal(0, source.Calls);
        Assert.Equal(2, server.RequestCount);
        Assert.All(server.Requests, r =>
        {
            Assert.Null(r.Header("Authorization"));
            Assert.Null(r.Header("X-Amz-Date"));
            Assert.Null(r.Header("X-Amz-Security-Token"));
            Assert.Equal("FakeService.DoThing", r.Header("X-Amz-Target"));
        });
    }

    [Fact]
    public async Task TheSignature_CoversWhatIsSent_IncludingEncodedPathQueryAndABasePath()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        var serviceUrl = new Uri(server.BaseUri, "prefix/");
        using var client = new AwsClient(Options(server, o => o.ServiceUrl = serviceUrl));
        var operation = new FakeOperation(path: "/things/a%20b/c~d?b=2&a=x%2Fy&flag");

        await client.SendAsync(new FakeRequest(operation));

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/prefix/things/a%20b/c~d?b=2&a=x%2Fy&flag", request.Target);
        Assert.Equal("a,b", request.Header("X-Custom")); // repeated headers are sent (and signed) joined
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Contains("content-type", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("x-amz-target", request.Header("Authorization"), StringComparison.Ordinal);
        AssertSignatureMatchesWire(request);
    }

    [Fact]
    public async Task RestBoundPathsAndQueries_ReachTheServerAsBuilt_AndTheSignatureCoversThem()
    {
        // What the REST protocols' serializers build for hostile label and query values: the transport must not
        // re-encode or decode any of it (a %2F that became / would break the signature and the route).
        var binder = new Codegen.Runtime.Serialization.HttpRequestBinder("/things/");
        binder.AppendLabel("a/b c+é%", "Name");
        binder.AppendPath("/files/");
        binder.AppendGreedyLabel("dir one/./..//x~y", "Key");
        binder.AppendQueryLiteral("list-type=2");
        binder.AddQuery("prefix", "a b&c=d/é+");
        binder.AddQuery("empty", "");
        var path = binder.BuildPath();
        Assert.Equal("/things/a%2Fb%20c%2B%C3%A9%25/files/dir%20one/./..//x~y?list-type=2&prefix=a%20b%26c%3Dd%2F%C3%A9%2B&empty=", path);

        await using var server = TestHttpServer.Scripted(Reply.Ok());
        using var client = new AwsClient(Options(server));
        await client.SendAsync(new FakeRequest(new FakeOperation(method: "GET", path: path, body: "")));

        var request = Assert.Single(server.Requests);
        Assert.Equal(path, request.Target);
        AssertSignatureMatchesWire(request);
    }

    [Fact]
    public async Task ConnectionFailures_AreRetried_ThenSurface()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there any more
        var counting = new CountingHandler(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var http = new HttpClient(counting);
        var options = Options(null, o => o.ServiceUrl = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/"));
        using var client = new AwsClient(options, http);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(new FakeRequest(new FakeOperation())));

        Assert.Equal(3, counting.Calls);
        AssertNoSecrets(error.ToString());
    }

    [Fact]
    public async Task ATransportFailure_IsRetried_AndASuppliedHttpClientIsNotDisposed()
    {
        var handler = new DelegateHandler((request, call) => call == 1
            ? throw new HttpRequestException("connection reset")
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        var http = new HttpClient(handler);
        var client = new AwsClient(Options(null, o =>
        {
            o.ServiceUrl = new Uri("http://example.invalid/");
            o.HttpClient = http;
        }));

        var response = await client.SendAsync(new FakeRequest(new FakeOperation()));
        client.Dispose();

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal(2, handler.Calls);
        Assert.False(handler.Disposed);
        http.Dispose();
        Assert.True(handler.Disposed);
    }

    [Fact]
    public async Task ResponseHeaders_IncludeContentHeaders()
    {
        var handler = new DelegateHandler((request, call) =>
        {
            var message = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json") };
            message.Headers.TryAddWithoutValidation("x-amzn-RequestId", "abc-123");
            return message;
        });
        using var http = new HttpClient(handler);
        using var client = new AwsClient(Options(null, o => o.ServiceUrl = new Uri("http://example.invalid/")), http);

        var response = await client.SendAsync(new FakeRequest(new FakeOperation()));

        Assert.Equal("abc-123", response.RequestId);
        Assert.Equal("{\"a\":1}", response.Body);
    }

    [Fact]
    public async Task AProtocolWithoutSerializer_IsRejected_NamingTheProtocol()
    {
        using var client = new AwsClient(Options(null, o => o.ServiceUrl = new Uri("http://example.invalid/")));
        var operation = new FakeOperation(wireSupported: false, protocol: Codegen.Runtime.Operations.AwsProtocol.Ec2Query);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => client.SendAsync(new FakeRequest(operation)));

        Assert.Contains("'Ec2Query'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, operation.SerializeCount);
    }

    [Fact]
    public async Task ADisposedClient_RefusesToSend()
    {
        var client = new AwsClient(Options(null, o => o.ServiceUrl = new Uri("http://example.invalid/")));
        client.Dispose();
        client.Dispose(); // idempotent

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.SendAsync(new FakeRequest(new FakeOperation())));
    }

    [Fact]
    public async Task AGeneratedStyleClient_CanDeriveFromAwsClient()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        using var client = new FakeServiceClient(Options(server));

        var response = await client.DoThingAsync();

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal("FakeServiceClient(us-west-2, " + server.BaseUri + ")", client.ToString());
    }

    [Fact]
    public void Endpoints_UseTheRegionalRule_UnlessAServiceUrlIsSet()
    {
        using var client = new AwsClient(new AwsClientOptions { Region = "eu-central-1", Credentials = new StaticCredentialsSource(Credentials) });
        Assert.Equal(new Uri("https://fake.eu-central-1.amazonaws.com/"), client.ResolveEndpoint(FakeOperation.Service));
        Assert.Equal(new Uri("https://cognito-idp.us-east-1.amazonaws.com/"), AwsEndpoints.Resolve("cognito-idp", "us-east-1"));
        Assert.Equal(new Uri("https://sqs.cn-north-1.amazonaws.com.cn/"), AwsEndpoints.Resolve("sqs", "cn-north-1"));
        Assert.Equal(new Uri("http://localhost:4566/"), AwsEndpoints.Resolve("sqs", "us-east-1", new Uri("http://localhost:4566/")));
        Assert.Throws<ArgumentException>(() => AwsEndpoints.Resolve("sqs", "us-east-1.evil.example/"));
        Assert.Throws<ArgumentException>(() => AwsEndpoints.Resolve("sqs", "US-EAST-1"));
        Assert.Throws<ArgumentException>(() => AwsEndpoints.Resolve("sqs", "us-east-1", new Uri("ftp://localhost/")));
    }

    [Fact]
    public void InvalidOptions_AreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new AwsClient(null!));
        Assert.Throws<ArgumentException>(() => new AwsClient(new AwsClientOptions { Region = "us-east-1", MaxAttempts = 0 }));
        Assert.Throws<ArgumentException>(() => new AwsClient(new AwsClientOptions { Region = "us-east-1", AttemptTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new AwsClient(new AwsClientOptions { Region = "us-east-1", ConnectTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new AwsClient(new AwsClientOptions { Region = "us-east-1", MaxResponseBodyBytes = 0 }));
        Assert.Throws<ArgumentException>(() => new AwsClient(new AwsClientOptions { Region = "us-east-1", RetryQuotaCapacity = -1 }));
        Assert.Throws<ArgumentException>(() => new AwsClient(new AwsClientOptions { Region = "us east 1" }));
        Assert.Throws<ArgumentNullException>(() => new AwsClient(new AwsClientOptions { Region = "us-east-1" }, null!));
    }

    /// <summary>Attempt timeouts on <paramref name="clock"/>, and no backoff waits (they would wait on it too).</summary>
    private static void FakeTime(AwsClientOptions options, FakeTimeProvider clock, TimeSpan attemptTimeout)
    {
        options.TimeProvider = clock;
        options.AttemptTimeout = attemptTimeout;
        options.RetryBaseDelay = TimeSpan.Zero;
    }

    private static AwsClientOptions Options(TestHttpServer? server, Action<AwsClientOptions>? configure = null)
    {
        var options = new AwsClientOptions
        {
            Region = "us-west-2",
            ServiceUrl = server?.BaseUri,
            Credentials = new StaticCredentialsSource(Credentials),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Recomputes the signature from the request as the server received it.</summary>
    private static void AssertSignatureMatchesWire(ReceivedRequest request)
    {
        var authorization = request.Header("Authorization");
        Assert.NotNull(authorization);
        var signed = Regex.Match(authorization!, "SignedHeaders=([^,]+)").Groups[1].Value.Split(';');
        Assert.Contains("host", signed);
        Assert.Contains("x-amz-date", signed);
        var headers = request.Headers.Where(h => signed.Contains(h.Key.ToLowerInvariant())).ToList();
        var time = DateTimeOffset.ParseExact(
            request.Header("X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        var expected = SigV4Signer.Sign(request.Method, request.Target, headers, request.Body, Credentials, "us-west-2", "fakesvc", time);

        Assert.Equal(expected.Authorization, authorization);
    }

    private static void AssertNoSecrets(string text)
    {
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature=", text, StringComparison.Ordinal);
    }

    private sealed class FakeServiceClient : AwsClient
    {
        public FakeServiceClient(AwsClientOptions options)
            : base(options)
        {
        }

        public FakeServiceClient(AwsClientOptions options, HttpClient httpClient)
            : base(options, httpClient)
        {
        }

        public Task<FakeResponse> DoThingAsync(CancellationToken cancellationToken = default) =>
            SendAsync(new FakeRequest(new FakeOperation()), cancellationToken);
    }
}
