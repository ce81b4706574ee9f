using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Protocols.AwsJson;
using Codegen.Runtime.Operations;

namespace Codegen.Runtime.Tests.Client;

/// <summary>A hand-written stand-in for a generated awsJson operation.</summary>
internal sealed class FakeOperation : IOperation<FakeResponse>
{
    public static readonly ServiceInfo Service = new("Fake Service", "2020-01-01", AwsProtocol.AwsJson1_1, "fake", "fakesvc");

    private readonly string path;
    private readonly string body;

    public FakeOperation(bool requiresSigning = true, bool wireSupported = true, string path = "/", string body = "{\"x\":1}", AwsProtocol protocol = AwsProtocol.AwsJson1_1, string method = "POST", ServiceInfo? service = null, string? requestCompression = null)
    {
        Info = new OperationInfo((service ?? Service) with { Protocol = protocol }, "DoThing", method, "/", requiresSigning) { RequestCompression = requestCompression };
        IsWireSupported = wireSupported;
        this.path = path;
        this.body = body;
    }

    public OperationInfo Info { get; }

    public bool IsWireSupported { get; }

    public int SerializeCount { get; private set; }

    /// <summary>The options the client passed to the last DeserializeResponse or DeserializeError.</summary>
    public DeserializationOptions? LastDeserializationOptions { get; private set; }

    public void ValidateRequest(IAwsRequest<FakeResponse> request, Codegen.Runtime.Validation.ValidationOptions? options = null)
    {
    }

    public AwsHttpRequest SerializeRequest(IAwsRequest<FakeResponse> request, SerializationOptions? options = null)
    {
        SerializeCount++;
        var headers = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Target", "FakeService." + Info.Name),
            new("X-Custom", "a"),
            new("X-Custom", "b"),
        };
        if (body.Length > 0)
        {
            // As the REST protocols do: a request without a body has no content type.
            headers.Insert(0, new("Content-Type", "application/x-amz-json-1.1"));
        }

        return new AwsHttpRequest(Info.HttpMethod, path, headers, Encoding.UTF8.GetBytes(body));
    }

    public FakeResponse DeserializeResponse(AwsHttpResponse response, DeserializationOptions? options = null)
    {
        LastDeserializationOptions = options;
        return new(response.StatusCode, Encoding.UTF8.GetString(response.Body.Span), response.RequestId);
    }

    public AwsServiceException DeserializeError(AwsHttpResponse response, DeserializationOptions? options = null)
    {
        LastDeserializationOptions = options;
        var error = AwsJsonErrors.Read(response);
        return new FakeServiceException(error.Code, error.Message, response.StatusCode, response.RequestId);
    }
}

internal sealed class FakeRequest : IAwsRequest<FakeResponse>
{
    public FakeRequest(FakeOperation operation) => Operation = operation;

    public IOperation<FakeResponse> Operation { get; }

    public OperationInfo OperationInfo => Operation.Info;
}

internal sealed record FakeResponse(int HttpStatus, string Body, string? RequestId) : IAwsResponse
{
    public Codegen.Runtime.Client.ResponseMetadata ResponseMetadata { get; init; } = Codegen.Runtime.Client.ResponseMetadata.None;

    IAwsResponse IAwsResponse.WithResponseMetadata(Codegen.Runtime.Client.ResponseMetadata metadata) => this with { ResponseMetadata = metadata };
}

/// <summary>A modelled error; the code <c>CustomSlowDownPlease</c> is modelled as throttling.</summary>
internal sealed class FakeServiceException : AwsServiceException
{
    public FakeServiceException(string code, string? message, int status, string? requestId)
        : base(code, message, status, requestId)
    {
    }

    public override bool IsThrottling => ErrorCode == "CustomSlowDownPlease";
}

/// <summary>Counts lookups; can fail on purpose.</summary>
internal sealed class CountingCredentialsSource : IAwsCredentialsSource
{
    private readonly AwsCredentials credentials;
    private int calls;

    public CountingCredentialsSource(AwsCredentials credentials) => this.credentials = credentials;

    public int Calls => Volatile.Read(ref calls);

    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref calls);
        return new ValueTask<AwsCredentials>(credentials);
    }
}

/// <summary>
/// A clock whose time moves one second forward on every read and whose timers never fire on their own
/// (so a backoff wait lasts until cancelled).
/// </summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private long ticks;

    public SteppingTimeProvider(DateTimeOffset start) => ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() =>
        new(Interlocked.Add(ref ticks, TimeSpan.TicksPerSecond) - TimeSpan.TicksPerSecond, TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverTimer();

    private sealed class NeverTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}

/// <summary>
/// A clock whose timers never fire; <see cref="FirstTimer"/> completes with the due time of the first timer created
/// (the client's backoff wait, when no attempt timeout is set).
/// </summary>
internal sealed class TimerSignallingTimeProvider : TimeProvider
{
    private readonly TaskCompletionSource<TimeSpan> first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TimeSpan> FirstTimer => first.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        first.TrySetResult(dueTime);
        return new NeverTimer();
    }

    private sealed class NeverTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}

/// <summary>A transport that never answers: each send counts, then waits until it is cancelled.</summary>
internal sealed class HangingHandler : HttpMessageHandler
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>An in-memory transport: counts sends and answers through a delegate.</summary>
internal sealed class DelegateHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage> respond;
    private int calls;

    public DelegateHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond) => this.respond = respond;

    public int Calls => Volatile.Read(ref calls);

    public bool Disposed { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(respond(request, Interlocked.Increment(ref calls)));
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}

/// <summary>Counts the sends that pass through to a real transport.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private int calls;

    public CountingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public int Calls => Volatile.Read(ref calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return base.SendAsync(request, cancellationToken);
    }
}
