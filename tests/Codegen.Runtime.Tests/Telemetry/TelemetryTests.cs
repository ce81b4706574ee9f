using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Operations;
using Codegen.Runtime.Telemetry;
using Codegen.Runtime.Tests.Client;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Codegen.Runtime.Tests.Telemetry;

public sealed class TelemetryTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYTELEMETRYKEY";
    private const string Token = "FwoGZXIvYXdzTELEMETRYSESSIONTOKEN==";
    private static readonly AwsCredentials Credentials = new("AKIDTELEMETRY0000001", Secret, Token);

    [Fact]
    public async Task ARetriedCall_HasOneCallSpanAndOneChildSpanPerAttempt_WithTheConventionsTags()
    {
        var service = Service("Telemetry Spans");
        await using var server = TestHttpServer.Scripted(
            Reply.Error(503, "ServiceUnavailable"), Reply.Error(400, "ThrottlingException"), Reply.Ok());
        using var capture = new TelemetryCapture("TelemetrySpans");
        using var client = new AwsClient(Options(server, capture));

        await client.SendAsync(new FakeRequest(new FakeOperation(service: service)));

        var spans = capture.Activities;
        var call = Assert.Single(spans, a => a.Kind == ActivityKind.Client);
        Assert.Equal("TelemetrySpans.DoThing", call.DisplayName);
        Assert.Equal(AwsTelemetry.SourceName, call.Source.Name);
        Assert.Equal(AwsTelemetry.Version, call.Source.Version);
        Assert.Equal("aws-api", call.GetTagItem("rpc.system"));
        Assert.Equal("TelemetrySpans", call.GetTagItem("rpc.service"));
        Assert.Equal("DoThing", call.GetTagItem("rpc.method"));
        Assert.Equal("us-west-2", call.GetTagItem("cloud.region"));
        Assert.Equal("127.0.0.1", call.GetTagItem("server.address"));
        Assert.Equal(server.BaseUri.Port, call.GetTagItem("server.port"));
        Assert.Equal("req-3", call.GetTagItem("aws.request_id"));
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        Assert.Equal(3, call.GetTagItem("codegen.aws.attempt_count"));
        Assert.Null(call.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, call.Status);

        var attempts = spans.Where(a => a.ParentSpanId == call.SpanId).OrderBy(a => (int)a.GetTagItem("codegen.aws.attempt")!).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a =>
        {
            Assert.Equal("TelemetrySpans.DoThing attempt", a.DisplayName);
            Assert.Equal(ActivityKind.Internal, a.Kind);
            Assert.Equal(call.TraceId, a.TraceId);
        });
        Assert.Equal(new object?[] { 1, 2, 3 }, attempts.Select(a => a.GetTagItem("codegen.aws.attempt")));
        Assert.Equal(new object?[] { null, 1, 2 }, attempts.Select(a => a.GetTagItem("http.request.resend_count")));
        Assert.Equal(new object?[] { 503, 400, 200 }, attempts.Select(a => a.GetTagItem("http.response.status_code")));
        Assert.Equal(new object?[] { "req-1", "req-2", "req-3" }, attempts.Select(a => a.GetTagItem("aws.request_id")));
        Assert.Equal(new object?[] { "ServiceUnavailable", "ThrottlingException", null }, attempts.Select(a => a.GetTagItem("error.type")));
        Assert.Equal(new[] { ActivityStatusCode.Error, ActivityStatusCode.Error, ActivityStatusCode.Unset }, attempts.Select(a => a.Status));
    }

    [Fact]
    public async Task AFailedCall_HasErrorStatus_AndItsErrorCodeAsErrorType()
    {
        var service = Service("Telemetry Failure");
        await using var server = TestHttpServer.Scripted(Reply.Error(400, "AccessDeniedException", "not you"));
        using var capture = new TelemetryCapture("TelemetryFailure");
        using var client = new AwsClient(Options(server, capture));

        await Assert.ThrowsAsync<FakeServiceException>(() => client.SendAsync(new FakeRequest(new FakeOperation(service: service))));

        var call = Assert.Single(capture.Activities, a => a.Kind == ActivityKind.Client);
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        Assert.Equal("AccessDeniedException", call.StatusDescription);
        Assert.Equal("AccessDeniedException", call.GetTagItem("error.type"));
        Assert.Equal(400, call.GetTagItem("http.response.status_code"));
        Assert.Equal("req-1", call.GetTagItem("aws.request_id"));
        Assert.Equal(1, call.GetTagItem("codegen.aws.attempt_count"));

        var errors = Assert.Single(capture.Of(AwsTelemetry.Errors));
        Assert.Equal(1, errors.Value);
        Assert.Equal("AccessDeniedException", errors.Tag("error.type"));
        Assert.Equal("AccessDeniedException", Assert.Single(capture.Of(AwsTelemetry.CallDuration)).Tag("error.type"));

        var failed = Assert.Single(capture.Logs.Entries, e => e.EventId.Id == 2);
        Assert.Equal(LogLevel.Warning, failed.Level);
        Assert.Equal("AwsCallFailed", failed.EventId.Name);
        Assert.Equal(
            "TelemetryFailure.DoThing failed after 1 attempt(s): AccessDeniedException (HTTP status 400, request id req-1)",
            failed.Message);
        Assert.DoesNotContain("not you", capture.EverythingRecorded(), StringComparison.Ordinal); // the service's message is never recorded
    }

    [Fact]
    public async Task ATransportFailure_IsRecordedByExceptionType()
    {
        var service = Service("Telemetry Transport");
        var handler = new DelegateHandler((_, call) => call == 1
            ? throw new HttpRequestException("connection reset by 10.1.2.3")
            : new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") });
        using var capture = new TelemetryCapture("TelemetryTransport");
        using var client = new AwsClient(Options(null, capture, o =>
        {
            o.ServiceUrl = new Uri("http://example.invalid/");
            o.HttpClient = new HttpClient(handler);
        }));

        await client.SendAsync(new FakeRequest(new FakeOperation(service: service)));

        var attempts = capture.Activities.Where(a => a.Kind == ActivityKind.Internal).OrderBy(a => (int)a.GetTagItem("codegen.aws.attempt")!).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal("System.Net.Http.HttpRequestException", attempts[0].GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, attempts[0].Status);
        Assert.Null(attempts[0].GetTagItem("http.response.status_code"));
        Assert.Equal(200, attempts[1].GetTagItem("http.response.status_code"));
        var retry = Assert.Single(capture.Logs.Entries, e => e.EventId.Id == 1);
        Assert.Equal("Retrying TelemetryTransport.DoThing: attempt 2 of 3, after System.Net.Http.HttpRequestException", retry.Message);
        Assert.DoesNotContain("10.1.2.3", capture.EverythingRecorded(), StringComparison.Ordinal); // exception messages are never recorded
    }

    [Fact]
    public async Task EachAttemptIsTheCurrentActivityWhileItIsSent_SoTransportSpansNestUnderIt()
    {
        var service = Service("Telemetry Nesting");
        var current = new System.Collections.Concurrent.ConcurrentQueue<(string? Name, string? ParentName)>();
        var handler = new DelegateHandler((_, call) =>
        {
            current.Enqueue((Activity.Current?.DisplayName, Activity.Current?.Parent?.DisplayName));
            return call == 1
                ? new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{\"__type\":\"ServiceUnavailable\"}") }
                : new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") };
        });
        using var capture = new TelemetryCapture("TelemetryNesting");
        using var client = new AwsClient(Options(null, capture, o =>
        {
            o.ServiceUrl = new Uri("http://example.invalid/");
            o.HttpClient = new HttpClient(handler);
        }));
        using var outer = new Activity("caller").Start();

        await client.SendAsync(new FakeRequest(new FakeOperation(service: service)));

        Assert.Same(outer, Activity.Current); // the caller's activity is current again
        Assert.Equal(
            new (string?, string?)[] { ("TelemetryNesting.DoThing attempt", "TelemetryNesting.DoThing"), ("TelemetryNesting.DoThing attempt", "TelemetryNesting.DoThing") },
            current.ToArray());
        var call = Assert.Single(capture.Activities, a => a.Kind == ActivityKind.Client);
        Assert.Equal(outer.SpanId, call.ParentSpanId);
    }

    [Fact]
    public async Task ACanceledCall_IsADebugEvent_AndAnErrorOfItsType()
    {
        var service = Service("Telemetry Cancel");
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new WaitingHandler(arrived);
        using var capture = new TelemetryCapture("TelemetryCancel");
        using var client = new AwsClient(Options(null, capture, o =>
        {
            o.ServiceUrl = new Uri("http://example.invalid/");
            o.HttpClient = new HttpClient(handler);
            o.AttemptTimeout = null;
        }));
        using var cancel = new System.Threading.CancellationTokenSource();

        var sending = client.SendAsync(new FakeRequest(new FakeOperation(service: service)), cancel.Token);
        await arrived.Task;
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        var canceled = Assert.Single(capture.Logs.Entries, e => e.EventId.Id == 4);
        Assert.Equal(LogLevel.Debug, canceled.Level);
        Assert.Equal("TelemetryCancel.DoThing was canceled after 1 attempt(s)", canceled.Message);
        Assert.DoesNotContain(capture.Logs.Entries, e => e.EventId.Id == 2);
        var call = Assert.Single(capture.Activities, a => a.Kind == ActivityKind.Client);
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        Assert.EndsWith("CanceledException", (string)call.GetTagItem("error.type")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_CountAttemptsRetriesAndThrottles_AndTimeTheCallAndEachAttempt()
    {
        var service = Service("Telemetry Metrics");
        await using var server = TestHttpServer.Scripted(
            Reply.Error(429, "TooManyRequestsException"), Reply.Error(400, "CustomSlowDownPlease"), Reply.Error(500, "InternalFailure"), Reply.Ok());
        using var capture = new TelemetryCapture("TelemetryMetrics");
        using var client = new AwsClient(Options(server, capture, o => o.MaxAttempts = 5));

        await client.SendAsync(new FakeRequest(new FakeOperation(service: service)));

        Assert.Equal(4, capture.Of(AwsTelemetry.Attempts).Sum(m => m.Value));
        Assert.Equal(3, capture.Of(AwsTelemetry.Retries).Sum(m => m.Value));
        Assert.Equal(2, capture.Of(AwsTelemetry.Throttles).Sum(m => m.Value)); // 429 and the modelled throttling error; not the 500
        Assert.Empty(capture.Of(AwsTelemetry.Errors));
        var duration = Assert.Single(capture.Of(AwsTelemetry.CallDuration));
        Assert.Equal("s", duration.Unit);
        Assert.True(duration.Value >= 0);
        Assert.Equal(4, capture.Of(AwsTelemetry.AttemptDuration).Count);

        Assert.All(capture.Measurements, m =>
        {
            Assert.Equal("aws-api", m.Tag("rpc.system"));
            Assert.Equal("TelemetryMetrics", m.Tag("rpc.service"));
            Assert.Equal("DoThing", m.Tag("rpc.method"));
        });
        Assert.Equal("{attempt}", capture.Of(AwsTelemetry.Attempts)[0].Unit);
        Assert.Equal("{retry}", capture.Of(AwsTelemetry.Retries)[0].Unit);
        Assert.Equal("{throttle}", capture.Of(AwsTelemetry.Throttles)[0].Unit);

        var retries = capture.Logs.Entries.Where(e => e.EventId.Id == 1).ToList();
        Assert.Equal(
            new[]
            {
                "Retrying TelemetryMetrics.DoThing: attempt 2 of 5, after TooManyRequestsException (HTTP 429)",
                "Retrying TelemetryMetrics.DoThing: attempt 3 of 5, after CustomSlowDownPlease (HTTP 400)",
                "Retrying TelemetryMetrics.DoThing: attempt 4 of 5, after InternalFailure (HTTP 500)",
            },
            retries.Select(e => e.Message));
        Assert.All(retries, e => Assert.Equal(LogLevel.Information, e.Level));
        var succeeded = Assert.Single(capture.Logs.Entries, e => e.EventId.Id == 3);
        Assert.Equal(LogLevel.Debug, succeeded.Level);
        Assert.Equal("TelemetryMetrics.DoThing succeeded after 4 attempt(s) (HTTP status 200, request id req-4)", succeeded.Message);
        Assert.Equal("Codegen.Runtime.Client.AwsClient", succeeded.Category);
    }

    [Fact]
    public async Task NoSecretSignatureBodyQueryOrUserInfo_ReachesAnySpanMetricOrLog()
    {
        const string SensitiveMember = "hunter2-SENSITIVE-MEMBER-VALUE";
        const string QuerySecret = "QUERY-SECRET-VALUE";
        const string UserInfo = "USERINFO-SECRET";
        var service = Service("Telemetry Secrets");
        var replies = new[]
        {
            // Services echo input in error messages: the message must not be recorded either.
            Reply.Error(500, "InternalFailure", "could not store " + SensitiveMember),
            Reply.Error(400, "ValidationException", "Value '" + SensitiveMember + "' at 'password' failed to satisfy constraint"),
        };
        await using var server = TestHttpServer.Scripted(replies);
        using var capture = new TelemetryCapture("TelemetrySecrets");
        var withUserInfo = new UriBuilder(server.BaseUri) { UserName = "admin", Password = UserInfo }.Uri;
        using var client = new AwsClient(Options(server, capture, o => o.ServiceUrl = withUserInfo));
        var operation = new FakeOperation(
            service: service, path: "/things?token=" + QuerySecret, body: "{\"Password\":\"" + SensitiveMember + "\"}");

        await Assert.ThrowsAsync<FakeServiceException>(() => client.SendAsync(new FakeRequest(operation)));

        Assert.Equal(2, server.RequestCount);
        Assert.Contains(server.Requests, r => r.Header("Authorization")?.Contains("Signature=", StringComparison.Ordinal) == true);
        var signature = Regex.Match(server.Requests[0].Header("Authorization")!, "Signature=([0-9a-f]+)").Groups[1].Value;
        var recorded = capture.EverythingRecorded();
        Assert.NotEmpty(capture.Activities);
        Assert.NotEmpty(capture.Measurements);
        Assert.NotEmpty(capture.Logs.Entries);
        foreach (var secret in new[] { Secret, Token, signature, "Signature=", SensitiveMember, QuerySecret, UserInfo, "/things", "X-Amz-Security-Token" })
        {
            Assert.DoesNotContain(secret, recorded, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithoutAMeterFactory_TheSharedMeterIsUsed()
    {
        var service = Service("Telemetry Shared Meter");
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        var attempts = 0L;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AwsTelemetry.SourceName && instrument.Meter.Scope is null && instrument.Name == AwsTelemetry.Attempts)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "rpc.service" && (string?)tag.Value == "TelemetrySharedMeter")
                {
                    System.Threading.Interlocked.Add(ref attempts, value);
                }
            }
        });
        listener.Start();
        using var client = new AwsClient(new AwsClientOptions
        {
            Region = "us-west-2",
            ServiceUrl = server.BaseUri,
            Credentials = new StaticCredentialsSource(Credentials),
        });

        await client.SendAsync(new FakeRequest(new FakeOperation(service: service)));

        Assert.Equal(1, System.Threading.Interlocked.Read(ref attempts));
    }

    [Fact]
    public async Task TheUserAgent_IsInTheAwsFormat_WithThisLibrarysVersion_AndIsNotSigned()
    {
        var service = Service("Telemetry User Agent") with { ApiVersion = "2016-04-18" };
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        var environment = new Configuration.AwsEnvironment(name => name == "AWS_EXECUTION_ENV" ? "AWS_Lambda_dotnet8" : null);
        using var client = new AwsClient(Options(server, null, o =>
        {
            o.Environment = environment;
            o.AppId = "billing-batch_2";
        }));

        await client.SendAsync(new FakeRequest(new FakeOperation(service: service)));

        var request = Assert.Single(server.Requests);
        var userAgent = request.Header("User-Agent");
        Assert.NotNull(userAgent);
        Assert.Matches(
            @"^codegen-dotnet/[0-9A-Za-z.\-]+ ua/2\.1 api/telemetry-user-agent#2016-04-18 os/(linux|windows|macos|android|ios|other)(#[0-9.]+)? lang/dotnet#[0-9.]+ md/arch#[a-z0-9]+ exec-env/AWS_Lambda_dotnet8 app/billing-batch_2$",
            userAgent);
        var version = typeof(AwsClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        Assert.StartsWith("codegen-dotnet/" + version + " ", userAgent, StringComparison.Ordinal);
        Assert.Equal(version, AwsTelemetry.Version);
        Assert.Contains(" lang/dotnet#" + Environment.Version + " ", userAgent, StringComparison.Ordinal);
        Assert.Equal(userAgent, request.Header("x-amz-user-agent"));
        var signedHeaders = Regex.Match(request.Header("Authorization")!, "SignedHeaders=([^,]+)").Groups[1].Value.Split(';');
        Assert.DoesNotContain("user-agent", signedHeaders);
        Assert.DoesNotContain("x-amz-user-agent", signedHeaders);
    }

    [Fact]
    public async Task WithoutAnAppId_TheUserAgentEndsWithTheEnvironmentsAppId_OrThePlatform()
    {
        var service = Service("Telemetry No App");
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        using (var plain = new AwsClient(Options(server, null, o => o.Environment = new Configuration.AwsEnvironment(_ => null))))
        {
            await plain.SendAsync(new FakeRequest(new FakeOperation(service: service)));
        }

        var fromEnvironment = new Configuration.AwsEnvironment(name => name == "AWS_SDK_UA_APP_ID" ? "from-env" : null);
        using (var configured = new AwsClient(Options(server, null, o => o.Environment = fromEnvironment)))
        {
            await configured.SendAsync(new FakeRequest(new FakeOperation(service: service)));
        }

        Assert.Matches(@" md/arch#[a-z0-9]+$", server.Requests[0].Header("User-Agent"));
        Assert.EndsWith(" app/from-env", server.Requests[1].Header("User-Agent"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/ed")]
    [InlineData("")]
    [InlineData("an-app-id-that-is-much-longer-than-fifty-characters-x")]
    public void AnInvalidAppId_IsRefused(string appId)
    {
        var error = Assert.Throws<ArgumentException>(() => new AwsClient(Options(null, null, o => o.AppId = appId)));
        Assert.Contains("AppId", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A transport that signals when a request arrives, then waits until the request is canceled.</summary>
    private sealed class WaitingHandler(TaskCompletionSource arrived) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            arrived.TrySetResult();
            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    private static ServiceInfo Service(string serviceId) => FakeOperation.Service with { ServiceId = serviceId };

    private static AwsClientOptions Options(TestHttpServer? server, TelemetryCapture? capture, Action<AwsClientOptions>? configure = null)
    {
        var options = new AwsClientOptions
        {
            Region = "us-west-2",
            ServiceUrl = server?.BaseUri,
            Credentials = new StaticCredentialsSource(Credentials),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(5),
            MeterFactory = capture?.MeterFactory,
            LoggerFactory = capture?.Logs,
        };
        configure?.Invoke(options);
        return options;
    }
}
