using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Waiters;
using Xunit;

namespace Codegen.Runtime.Tests.Waiters;

/// <summary>
/// The loop of every generated waiter and its backoff, on a virtual clock (every delay is recorded and passes at
/// once, so nothing here depends on real time): success after retries, a failure acceptor, an error no acceptor
/// matches, success by an error acceptor, the maximum wait and the attempt limit (each with the last response),
/// the model's delays changed by the options, cancellation, and the Smithy backoff rules themselves.
/// </summary>
public class WaiterTests
{
    private sealed record Request(string Name);

    private sealed record Poll(string Status, int Attempt);

    private static readonly WaiterAcceptor[] Acceptors =
    {
        new(1, WaiterState.Success, "path(Status) == \"READY\""),
        new(2, WaiterState.Failure, "path(Status) == \"BROKEN\""),
        new(3, WaiterState.Retry, "error == NotYet"),
        new(4, WaiterState.Success, "error == Gone"),
    };

    private static int Match(Poll? response, AwsServiceException? error)
    {
        if (response is not null && response.Status == "READY") return 0;
        if (response is not null && response.Status == "BROKEN") return 1;
        if (error is not null && error.ErrorCode == "NotYet") return 2;
        if (error is not null && error.ErrorCode == "Gone") return 3;
        return -1;
    }

    private static WaiterDefinition<Poll> Definition(int minDelay = 2, int maxDelay = 120, int? maxAttempts = null) =>
        new("ThingReady", "GetThing", Acceptors, Match, TimeSpan.FromSeconds(minDelay), TimeSpan.FromSeconds(maxDelay), maxAttempts);

    /// <summary>A service that answers each attempt from a script (a status, or an error code prefixed with '!').</summary>
    private sealed class Script
    {
        private readonly string[] answers;

        public Script(params string[] answers) => this.answers = answers;

        public int Calls { get; private set; }

        public Task<Poll> Send(Request request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answer = answers[Math.Min(Calls, answers.Length - 1)];
            Calls++;
            if (answer.StartsWith('!'))
            {
                throw new AwsServiceException(answer[1..], "no", 400, "req-" + Calls);
            }

            return Task.FromResult(new Poll(answer, Calls));
        }
    }

    private static readonly Func<TimeSpan, TimeSpan, TimeSpan> Highest = static (_, max) => max;

    private static WaiterOptions Options(int maxWaitSeconds) => new(TimeSpan.FromSeconds(maxWaitSeconds)) { Jitter = Highest };

    [Fact]
    public void A_path_acceptor_whose_expression_raises_a_JMESPath_error_does_not_match()
    {
        var poll = new Poll("READY", 1);

        // length() of a list the response left out raises invalid-type; the acceptor simply does not match.
        Assert.False(WaiterMatchers.Holds(poll, static _ => throw new Codegen.Runtime.Jmespath.JmesPathException("invalid-type", "length() of null")));
        Assert.True(WaiterMatchers.Holds(poll, static p => p.Status == "READY"));
        Assert.False(WaiterMatchers.Holds(poll, static p => p.Status == "BROKEN"));

        // Any other failure is a bug in the generated code or the runtime, never hidden.
        Assert.Throws<InvalidOperationException>(() => WaiterMatchers.Holds<Poll>(poll, static _ => throw new InvalidOperationException("bug")));
    }

    [Fact]
    public async Task SucceedsWhenASuccessAcceptorMatches()
    {
        var clock = new VirtualClock();
        var service = new Script("!NotYet", "PENDING", "PENDING", "READY");

        var result = await Waiter.WaitAsync(Definition(), new Request("a"), service.Send, Options(300), clock);

        Assert.Equal(new Poll("READY", 4), result);
        Assert.Equal(4, service.Calls);
        // Exponential from the shortest delay (the jitter here takes the highest value allowed).
        Assert.Equal(new[] { 2.0, 4.0, 8.0 }, clock.Delays.ConvertAll(d => d.TotalSeconds));
    }

    [Fact]
    public async Task AFailureAcceptorStopsWithTheAcceptorNamed()
    {
        var service = new Script("PENDING", "BROKEN");

        var e = await Assert.ThrowsAsync<WaiterFailureException>(() => Waiter.WaitAsync(Definition(), new Request("a"), service.Send, Options(300), new VirtualClock()));

        Assert.Equal(2, e.Acceptor!.Index);
        Assert.Equal(WaiterState.Failure, e.Acceptor.State);
        Assert.Contains("acceptor 2 (failure: path(Status) == \"BROKEN\")", e.Message, StringComparison.Ordinal);
        Assert.Contains("ThingReady", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Attempts);
        Assert.Equal(new Poll("BROKEN", 2), e.LastResponseAs<Poll>());
        Assert.Null(e.LastError);
    }

    [Fact]
    public async Task AnErrorNoAcceptorMatchesIsAFailure()
    {
        var service = new Script("PENDING", "!AccessDenied");

        var e = await Assert.ThrowsAsync<WaiterFailureException>(() => Waiter.WaitAsync(Definition(), new Request("a"), service.Send, Options(300), new VirtualClock()));

        Assert.Null(e.Acceptor);
        Assert.Equal("AccessDenied", e.LastError!.ErrorCode);
        Assert.Same(e.LastError, e.InnerException);
        Assert.Contains("AccessDenied", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorAcceptorCanMeanSuccess()
    {
        var service = new Script("PENDING", "!Gone");

        var result = await Waiter.WaitAsync(Definition(), new Request("a"), service.Send, Options(300), new VirtualClock());

        Assert.Null(result);
        Assert.Equal(2, service.Calls);
    }

    [Fact]
    public async Task TheMaximumWaitEndsItWithTheLastResponse()
    {
        var clock = new VirtualClock();
        var service = new Script("PENDING");

        var e = await Assert.ThrowsAsync<WaiterTimeoutException>(() => Waiter.WaitAsync(Definition(), new Request("a"), service.Send, Options(30), clock));

        // 2, 4, 8 (14 s gone, 16 left); 16 would leave no time for the shortest delay: 16 - 2 = 14; then 2 s are
        // left, which is not more than the shortest delay, so no further attempt.
        Assert.Equal(new[] { 2.0, 4.0, 8.0, 14.0 }, clock.Delays.ConvertAll(d => d.TotalSeconds));
        Assert.Equal(5, e.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(28), e.Elapsed);
        Assert.False(e.AttemptsExhausted);
        Assert.Equal(new Poll("PENDING", 5), e.LastResponseAs<Poll>());
        Assert.Contains("ThingReady", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTimeASendTakesCountsAgainstTheMaximumWait()
    {
        var clock = new VirtualClock();
        var calls = 0;
        Task<Poll> Slow(Request request, CancellationToken cancellationToken)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            return Task.FromResult(new Poll("PENDING", ++calls));
        }

        var e = await Assert.ThrowsAsync<WaiterTimeoutException>(() => Waiter.WaitAsync(Definition(minDelay: 5, maxDelay: 5), new Request("a"), Slow, Options(40), clock));

        // Call (10 s) + 5, call + 5, call: 40 s gone and nothing left, so no third delay.
        Assert.Equal(new[] { 5.0, 5.0 }, clock.Delays.ConvertAll(d => d.TotalSeconds));
        Assert.Equal(3, e.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(40), e.Elapsed);
    }

    [Fact]
    public async Task TheAttemptLimitEndsABotocoreWaiter()
    {
        var clock = new VirtualClock();
        var service = new Script("!NotYet");

        var e = await Assert.ThrowsAsync<WaiterTimeoutException>(() => Waiter.WaitAsync(Definition(minDelay: 20, maxDelay: 20, maxAttempts: 3), new Request("a"), service.Send, Options(3600), clock));

        Assert.Equal(new[] { 20.0, 20.0 }, clock.Delays.ConvertAll(d => d.TotalSeconds));
        Assert.True(e.AttemptsExhausted);
        Assert.Equal(3, e.Attempts);
        Assert.Null(e.LastResponse);
        Assert.Equal("NotYet", e.LastError!.ErrorCode);
    }

    [Fact]
    public async Task OptionsChangeTheModelsDelaysAndAttempts()
    {
        var clock = new VirtualClock();
        var service = new Script("PENDING", "PENDING", "PENDING", "READY");
        var options = Options(3600) with { MinDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(250), MaxAttempts = 10 };

        var result = await Waiter.WaitAsync(Definition(minDelay: 20, maxDelay: 20, maxAttempts: 2), new Request("a"), service.Send, options, clock);

        Assert.Equal("READY", result!.Status);
        Assert.Equal(new[] { 100.0, 200.0, 250.0 }, clock.Delays.ConvertAll(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task TheOptionsClockWinsOverTheClients()
    {
        var clients = new VirtualClock();
        var own = new VirtualClock();
        var service = new Script("PENDING", "READY");

        await Waiter.WaitAsync(Definition(), new Request("a"), service.Send, Options(300) with { TimeProvider = own }, clients);

        Assert.Empty(clients.Delays);
        Assert.Single(own.Delays);
    }

    [Fact]
    public async Task CancellationStopsIt()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        Task<Poll> Send(Request request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++calls == 2)
            {
                cancel.Cancel();
            }

            return Task.FromResult(new Poll("PENDING", calls));
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Waiter.WaitAsync(Definition(), new Request("a"), Send, Options(300), new VirtualClock(), cancel.Token));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task OtherExceptionsPassThrough()
    {
        static Task<Poll> Send(Request request, CancellationToken cancellationToken) => throw new HttpRequestException("connection refused");

        await Assert.ThrowsAsync<HttpRequestException>(() => Waiter.WaitAsync(Definition(), new Request("a"), Send, Options(300), new VirtualClock()));
    }

    [Fact]
    public async Task BadArgumentsAreRefused()
    {
        var service = new Script("READY");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Waiter.WaitAsync(Definition(), new Request("a"), service.Send, new WaiterOptions(TimeSpan.Zero), new VirtualClock()));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Waiter.WaitAsync(Definition(), new Request("a"), service.Send, Options(10) with { MinDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(1) }, new VirtualClock()));
        Assert.Throws<ArgumentOutOfRangeException>(() => Definition(minDelay: 10, maxDelay: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Definition(maxAttempts: 0));
    }

    [Fact]
    public void BackoffGrowsExponentiallyUpToTheLongestDelay()
    {
        var bounds = new List<(double Min, double Max)>();
        TimeSpan Record(TimeSpan min, TimeSpan max)
        {
            bounds.Add((min.TotalSeconds, max.TotalSeconds));
            return max;
        }

        for (var attempt = 1; attempt <= 9; attempt++)
        {
            WaiterBackoff.Delay(attempt, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(120), TimeSpan.FromHours(1), Record);
        }

        // minDelay * 2^(attempt - 1) until the attempt ceiling (log2(120 / 2) + 1 = 6), then maxDelay.
        Assert.Equal(new[] { (2.0, 2.0), (2.0, 4.0), (2.0, 8.0), (2.0, 16.0), (2.0, 32.0), (2.0, 64.0), (2.0, 120.0), (2.0, 120.0), (2.0, 120.0) }, bounds);
    }

    [Fact]
    public void BackoffKeepsTheShortestDelayInHandAndStopsWhenThatIsAllThatIsLeft()
    {
        var two = TimeSpan.FromSeconds(2);
        var sixty = TimeSpan.FromSeconds(60);
        Assert.Equal(TimeSpan.FromSeconds(30), WaiterBackoff.Delay(6, two, sixty, TimeSpan.FromSeconds(100), (_, _) => TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(8), WaiterBackoff.Delay(6, two, sixty, TimeSpan.FromSeconds(10), (_, _) => TimeSpan.FromSeconds(9)));
        Assert.Null(WaiterBackoff.Delay(6, two, sixty, two, (_, _) => two));
        Assert.Null(WaiterBackoff.Delay(1, two, sixty, TimeSpan.FromSeconds(-1), (_, _) => two));
    }

    [Fact]
    public void BackoffWithEqualDelaysIsFixed()
    {
        var twenty = TimeSpan.FromSeconds(20);
        for (var attempt = 1; attempt < 40; attempt++)
        {
            Assert.Equal(twenty, WaiterBackoff.Delay(attempt, twenty, twenty, TimeSpan.FromHours(2), WaiterBackoff.UniformJitter));
        }
    }

    [Fact]
    public void UniformJitterStaysInItsRangeAndAJitterOutsideItIsRefused()
    {
        for (var i = 0; i < 1000; i++)
        {
            var delay = WaiterBackoff.UniformJitter(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(64));
            Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(64));
        }

        Assert.Throws<InvalidOperationException>(() => WaiterBackoff.Delay(1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8), TimeSpan.FromHours(1), (_, _) => TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void JsonMatchersFollowPathAllAndPathAny()
    {
        var ready = JsonValue.Create("READY");
        Assert.True(WaiterMatchers.All(JsonNode.Parse("[\"READY\", \"READY\"]"), ready));
        Assert.False(WaiterMatchers.All(JsonNode.Parse("[\"READY\", \"PENDING\"]"), ready));
        Assert.False(WaiterMatchers.All(JsonNode.Parse("[]"), ready)); // an empty list never matches pathAll
        Assert.False(WaiterMatchers.All(JsonNode.Parse("\"READY\""), ready)); // nor does a value that is not a list
        Assert.True(WaiterMatchers.Any(JsonNode.Parse("[\"PENDING\", \"READY\"]"), ready));
        Assert.False(WaiterMatchers.Any(JsonNode.Parse("[]"), ready));
        Assert.False(WaiterMatchers.Any(null, ready));
    }

    /// <summary>
    /// A clock that never waits: a timer's due time is recorded, the clock moves forward by it and the timer fires at
    /// once (on the thread pool). <see cref="Advance"/> moves it for work that takes time (a slow send).
    /// </summary>
    private sealed class VirtualClock : TimeProvider
    {
        private long ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

        public List<TimeSpan> Delays { get; } = new();

        public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref ticks);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                lock (Delays)
                {
                    Delays.Add(dueTime);
                }

                Advance(dueTime);
                ThreadPool.QueueUserWorkItem(_ => callback(state));
            }

            return new InertTimer();
        }

        private sealed class InertTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => default;
        }
    }
}
