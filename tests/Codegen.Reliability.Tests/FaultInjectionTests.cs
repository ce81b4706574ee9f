using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Aws.CognitoIdentityProvider;
using Codegen.Reliability.Tests.Infrastructure;
using Codegen.Reliability.Tests.Signed;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Codegen.Reliability.Tests;

/// <summary>
/// The generated Cognito client against endpoints that misbehave. Each test names the outcome it proves: the
/// exception type, whether the call was retried (how many requests the server saw), and that time and memory stay
/// bounded. Time is a <see cref="FakeTimeProvider"/> advanced only after the server has seen the request, so no test
/// depends on how fast the machine is.
/// </summary>
public class FaultInjectionTests
{
    private const long Cap = 1024 * 1024;

    [Fact]
    public async Task StallBeforeHeaders_EachAttemptTimesOut_ThenTimeoutException()
    {
        await using var server = new FaultServer((_, _, ct) => Faults.StallAsync(ct));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = Client(server, o => { o.TimeProvider = clock; o.AttemptTimeout = TimeSpan.FromSeconds(30); o.MaxAttempts = 2; });

        var call = Send(client);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await server.WaitForRequestsAsync(attempt);
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("2 attempt", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task TrickledBody_IsCutOffByTheAttemptTimeout_ThenTimeoutException()
    {
        var trickled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new FaultServer((_, stream, ct) =>
            Faults.TrickleAsync(stream, TimeSpan.FromMilliseconds(5), sent => { if (sent >= 3) { trickled.TrySetResult(); } }, ct));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = Client(server, o => { o.TimeProvider = clock; o.AttemptTimeout = TimeSpan.FromSeconds(30); o.MaxAttempts = 1; });

        var call = Send(client);
        await trickled.Task.WaitAsync(TimeSpan.FromMinutes(1)); // the headers are read and the body is arriving, byte by byte
        clock.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task ConnectionDroppedMidBody_IsRetried_ThenHttpRequestException()
    {
        await using var server = new FaultServer((_, stream, ct) => Faults.DropMidBodyAsync(stream, declared: 200, count: 10, ct));
        using var client = Client(server, o => o.MaxAttempts = 3);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Send(client));

        Assert.Equal(3, server.RequestCount);
        Assert.Contains("VerifySoftwareToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionDroppedMidBodyOnce_TheRetrySucceeds()
    {
        await using var server = new FaultServer((n, stream, ct) => n == 1
            ? Faults.DropMidBodyAsync(stream, declared: 200, count: 10, ct)
            : Faults.ReplyAsync(stream, 200, Faults.OkBody, ct));
        using var client = Client(server);

        var response = await Send(client);

        Assert.Equal("SUCCESS", response.Status?.WireValue);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task TruncatedChunkedBody_IsRetried_ThenHttpRequestException()
    {
        await using var server = new FaultServer((_, stream, ct) => Faults.TruncatedChunkedAsync(stream, ct));
        using var client = Client(server, o => o.MaxAttempts = 2);

        await Assert.ThrowsAsync<HttpRequestException>(() => Send(client));

        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task EndlessBody_StopsAtTheBodyCap_NotRetried_InBoundedMemory()
    {
        await using var server = new FaultServer((_, stream, ct) => Faults.EndlessAsync(stream, ct));
        using var client = Client(server, o => { o.MaxResponseBodyBytes = Cap; o.MaxAttempts = 3; });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<AwsResponseTooLargeException>(() => Send(client));

        // Buffering up to the cap costs a few times the cap (the buffer doubles); far from the endless body.
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, 0, 16 * Cap);
        Assert.Equal(Cap, error.Limit);
        Assert.Null(error.DeclaredLength);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task DeclaredLengthOverTheCap_FailsBeforeTheBodyIsRead_NotRetried()
    {
        await using var server = new FaultServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Faults.Head(200, "Content-Length: 10000000000"), ct);
            await Faults.StallAsync(ct);
        });
        using var client = Client(server, o => o.MaxResponseBodyBytes = Cap);

        var error = await Assert.ThrowsAsync<AwsResponseTooLargeException>(() => Send(client));

        Assert.Equal(10_000_000_000, error.DeclaredLength);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task GzipBomb_WithDecompressionOn_StopsAtTheBodyCap_NotRetried()
    {
        var bomb = Faults.GzipBomb(256 * Cap); // 256 MiB when inflated
        await using var server = new FaultServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Faults.Head(200, "Content-Encoding: gzip", "Content-Length: " + bomb.Length), ct);
            await stream.WriteAsync(bomb, ct);
        });
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, AllowAutoRedirect = false });
        using var client = Client(server, o => { o.MaxResponseBodyBytes = Cap; o.HttpClient = http; });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<AwsResponseTooLargeException>(() => Send(client));

        Assert.InRange(bomb.Length, 1, (int)Cap); // the compressed body is under the cap: only the inflated count trips it
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, 0, 16 * Cap);
        Assert.Null(error.DeclaredLength);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task ServiceUnavailableBurst_ShorterThanTheAttempts_IsRetriedToSuccess()
    {
        await using var server = new FaultServer((n, stream, ct) => n <= 2
            ? Faults.ReplyAsync(stream, 503, """{"__type":"ServiceUnavailable","message":"busy"}""", ct)
            : Faults.ReplyAsync(stream, 200, Faults.OkBody, ct));
        using var client = Client(server, o => o.MaxAttempts = 3);

        var response = await Send(client);

        Assert.Equal("s", response.Session);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task ServiceUnavailableBurst_LongerThanTheAttempts_IsTheServicesTypedError()
    {
        await using var server = new FaultServer((_, stream, ct) =>
            Faults.ReplyAsync(stream, 503, """{"__type":"ServiceUnavailable","message":"busy"}""", ct));
        using var client = Client(server, o => o.MaxAttempts = 3);

        var error = await Assert.ThrowsAsync<CognitoIdentityProviderException>(() => Send(client));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("ServiceUnavailable", error.ErrorCode);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task RedirectToAnotherHost_IsNotFollowed_NotRetried()
    {
        await using var elsewhere = new FaultServer((_, stream, ct) => Faults.ReplyAsync(stream, 200, Faults.OkBody, ct));
        await using var server = new FaultServer((_, stream, ct) =>
            Faults.ReplyAsync(stream, 307, "", ct, "Location: " + elsewhere.BaseUri));
        using var client = Client(server);

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => Send(client));

        Assert.Equal(307, error.StatusCode);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0, elsewhere.RequestCount); // the signed request and its session token never left for the other host
    }

    [Fact]
    public async Task SkewedDate_TheClientLearnsTheServicesClock_AndRetriesOnceAtOnce()
    {
        var local = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var service = local.AddHours(1);
        await using var server = new FaultServer((n, stream, ct) => n == 1
            ? Faults.ReplyAsync(stream, 400, """{"__type":"InvalidSignatureException","message":"Signature expired"}""", ct, "Date: " + service.ToString("r"))
            : Faults.ReplyAsync(stream, 200, Faults.OkBody, ct, "Date: " + service.ToString("r")));
        var clock = new FakeTimeProvider(local);
        using var client = SignedClient(server, o => { o.TimeProvider = clock; o.RetryBaseDelay = TimeSpan.FromSeconds(1); });

        // A backoff would wait on the fake clock, which never moves: completing proves the retry came at once.
        var response = await client.PingAsync(new Ping());
        var again = await client.PingAsync(new Ping());

        Assert.Equal("s", response.Session);
        Assert.Equal("s", again.Session);
        Assert.Equal(3, server.RequestCount); // refused, corrected; the next call is signed right the first time
        Assert.Equal("20260101T000000Z", server.Header(1, "X-Amz-Date"));
        Assert.Equal("20260101T010000Z", server.Header(2, "X-Amz-Date"));
        Assert.Equal("20260101T010000Z", server.Header(3, "X-Amz-Date"));
    }

    [Fact]
    public async Task SkewedDate_OnAnUnsignedOperation_IsAnErrorLikeAnyOther_NotRetried()
    {
        // VerifySoftwareToken is authtype none: no signing time was sent, so a new clock cannot make a retry succeed.
        var local = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var server = new FaultServer((_, stream, ct) =>
            Faults.ReplyAsync(stream, 400, """{"__type":"InvalidSignatureException","message":"no"}""", ct, "Date: " + local.AddHours(1).ToString("r")));
        using var client = Client(server, o => o.TimeProvider = new FakeTimeProvider(local));

        var error = await Assert.ThrowsAsync<CognitoIdentityProviderException>(() => Send(client));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(1, server.RequestCount);
        Assert.Null(server.Header(1, "X-Amz-Date"));
    }

    [Fact]
    public async Task SkewedDate_WithinTheTolerance_IsNotCorrected_AndTheErrorIsNotRetried()
    {
        var local = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var server = new FaultServer((_, stream, ct) =>
            Faults.ReplyAsync(stream, 403, """{"__type":"InvalidSignatureException","message":"bad"}""", ct, "Date: " + local.AddMinutes(2).ToString("r")));
        using var client = Client(server, o => o.TimeProvider = new FakeTimeProvider(local));

        var error = await Assert.ThrowsAsync<CognitoIdentityProviderException>(() => Send(client));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task ServiceUnavailableForLong_EmptiesTheRetryQuota_ThenCallsFailWithoutRetrying()
    {
        await using var server = new FaultServer((_, stream, ct) =>
            Faults.ReplyAsync(stream, 503, """{"__type":"ServiceUnavailable","message":"busy"}""", ct));
        // 10 tokens: two retries of 5.
        using var client = Client(server, o => { o.MaxAttempts = 3; o.RetryQuotaCapacity = 10; });

        await Assert.ThrowsAsync<CognitoIdentityProviderException>(() => Send(client));
        Assert.Equal(3, server.RequestCount);
        await Assert.ThrowsAsync<CognitoIdentityProviderException>(() => Send(client));
        Assert.Equal(4, server.RequestCount); // the quota is empty: no retry
    }

    [Fact]
    public void ASuppliedHttpClientThatFollowsRedirects_IsRefused()
    {
        using var plain = new HttpClient(); // HttpClientHandler: AllowAutoRedirect is true by default
        using var wrapped = new HttpClient(new PassThroughHandler(new SocketsHttpHandler { AllowAutoRedirect = true }));
        using var safe = new HttpClient(new PassThroughHandler(new SocketsHttpHandler { AllowAutoRedirect = false }));
        var options = new AwsClientOptions { Region = "us-east-1", Credentials = new StaticCredentialsSource(new AwsCredentials("AKIDFAULTFAULT000000", "secret-secret-secret")) };

        var refused = Assert.Throws<ArgumentException>(() => new CognitoIdentityProviderClient(options, plain));
        Assert.Contains("AllowAutoRedirect", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new CognitoIdentityProviderClient(options, wrapped));
        using var accepted = new CognitoIdentityProviderClient(options, safe);
    }

    [Fact]
    public async Task ARedirectFollowedByAHandlerTheClientCannotInspect_FailsTheCall_NotRetried()
    {
        await using var elsewhere = new FaultServer((_, stream, ct) => Faults.ReplyAsync(stream, 200, Faults.OkBody, ct));
        await using var server = new FaultServer((_, stream, ct) =>
            Faults.ReplyAsync(stream, 307, "", ct, "Location: " + elsewhere.BaseUri));
        using var http = new HttpClient(new OpaqueRedirectingHandler());
        using var client = SignedClient(server, o => o.HttpClient = http);

        var error = await Assert.ThrowsAsync<AwsRedirectRefusedException>(() => client.PingAsync(new Ping()));

        Assert.Equal(1, server.RequestCount);
        // What such a handler sent cannot be taken back (hence the check when the client is created): the other host
        // got the session token, though not the Authorization header.
        Assert.Equal(1, elsewhere.RequestCount);
        Assert.Equal("session-token", elsewhere.Header(1, "X-Amz-Security-Token"));
        Assert.Null(elsewhere.Header(1, "Authorization"));
        Assert.DoesNotContain("session-token", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A delegating handler: the client sees through it to the handler inside.</summary>
    private sealed class PassThroughHandler(HttpMessageHandler inner) : DelegatingHandler(inner);

    /// <summary>A handler the client cannot see into, which follows redirects inside.</summary>
    private sealed class OpaqueRedirectingHandler : HttpMessageHandler
    {
        private readonly HttpMessageInvoker inner = new(new SocketsHttpHandler { AllowAutoRedirect = true });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            inner.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private static Task<VerifySoftwareTokenResponse> Send(CognitoIdentityProviderClient client) =>
        client.VerifySoftwareTokenAsync(new VerifySoftwareToken("123456").WithAccessToken("token"));

    private static SignedFaultsClient SignedClient(FaultServer server, Action<AwsClientOptions>? configure = null)
    {
        var options = Options(server);
        configure?.Invoke(options);
        return new SignedFaultsClient(options);
    }

    private static AwsClientOptions Options(FaultServer server) => new()
    {
        Region = "us-east-1",
        ServiceUrl = server.BaseUri,
        Credentials = new StaticCredentialsSource(new AwsCredentials("AKIDFAULTFAULT000000", "secret-secret-secret", "session-token")),
        RetryBaseDelay = TimeSpan.Zero, // no backoff waits: what is retried is counted, not timed
    };

    private static CognitoIdentityProviderClient Client(FaultServer server, Action<AwsClientOptions>? configure = null)
    {
        var options = Options(server);
        configure?.Invoke(options);
        return new CognitoIdentityProviderClient(options);
    }
}
