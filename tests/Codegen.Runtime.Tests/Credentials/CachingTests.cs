using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Credentials;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Codegen.Runtime.Tests.Credentials;

public sealed class CachingTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Hands out numbered credentials expiring an hour after each refresh; a refresh waits until released.</summary>
    private sealed class GatedSource : IAwsCredentialsSource
    {
        private readonly TimeProvider clock;
        private int calls;

        public GatedSource(TimeProvider clock) => this.clock = clock;

        public int Calls => Volatile.Read(ref calls);

        public TaskCompletionSource Gate { get; set; } = Released();

        public Exception? Failure { get; set; }

        public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        {
            var number = Interlocked.Increment(ref calls);
            await Gate.Task.ConfigureAwait(false);
            if (Failure is { } failure)
            {
                throw failure;
            }

            return new AwsCredentials("ASIAREFRESH" + number.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), "secret", "token", clock.GetUtcNow().AddHours(1));
        }

        public static TaskCompletionSource Released()
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            gate.SetResult();
            return gate;
        }
    }

    [Fact]
    public async Task TwoHundredConcurrentCalls_WhileTheCredentialsExpire_TriggerExactlyOneRefresh()
    {
        var clock = new FakeTimeProvider(Start);
        var inner = new GatedSource(clock);
        var cache = new CachingCredentialsSource(inner, clock);
        var first = await cache.GetCredentialsAsync();
        Assert.Equal(1, inner.Calls);

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1)); // expired
        inner.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 200).Select(_ => Task.Run(() => cache.GetCredentialsAsync().AsTask())).ToArray();
        while (inner.Calls < 2)
        {
            await Task.Yield(); // the refresh has started; every caller is waiting on it
        }

        inner.Gate.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(2, inner.Calls); // the first fill and exactly one refresh
        Assert.Equal(2, cache.RefreshCount);
        Assert.All(results, r => Assert.Equal("ASIAREFRESH00002", r.AccessKeyId));
        Assert.NotEqual(first.AccessKeyId, results[0].AccessKeyId);
    }

    [Fact]
    public async Task WithinTheRefreshWindow_CallersGetTheCachedCredentials_WhileOneRefreshRunsInTheBackground()
    {
        var clock = new FakeTimeProvider(Start);
        var inner = new GatedSource(clock);
        var cache = new CachingCredentialsSource(inner, clock);
        await cache.GetCredentialsAsync();

        clock.Advance(TimeSpan.FromMinutes(57)); // 3 minutes left: inside the 5-minute window, outside the 1-minute one
        inner.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var during = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.GetCredentialsAsync().AsTask()));

        Assert.All(during, r => Assert.Equal("ASIAREFRESH00001", r.AccessKeyId)); // nobody waited
        while (inner.Calls < 2)
        {
            await Task.Yield(); // the background refresh starts on the thread pool
        }

        inner.Gate.SetResult();
        while (cache.RefreshCount < 2 || (await cache.GetCredentialsAsync()).AccessKeyId != "ASIAREFRESH00002")
        {
            await Task.Yield();
        }

        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task AFailedRefresh_KeepsStillValidCredentials_AndWaitsBeforeTryingAgain()
    {
        var clock = new FakeTimeProvider(Start);
        var inner = new GatedSource(clock);
        var cache = new CachingCredentialsSource(inner, clock);
        await cache.GetCredentialsAsync();

        clock.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(30)); // 30 seconds left: callers must wait for a refresh
        inner.Failure = new AwsCredentialsException("the endpoint is down");
        var kept = await cache.GetCredentialsAsync();
        Assert.Equal("ASIAREFRESH00001", kept.AccessKeyId);
        Assert.Equal(2, inner.Calls);

        Assert.Equal("ASIAREFRESH00001", (await cache.GetCredentialsAsync()).AccessKeyId);
        Assert.Equal(2, inner.Calls); // within the retry delay: not asked again

        clock.Advance(TimeSpan.FromSeconds(31)); // expired now
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => cache.GetCredentialsAsync().AsTask());
        Assert.Equal("the endpoint is down", error.Message);
        Assert.Equal(3, inner.Calls);

        inner.Failure = null;
        Assert.Equal("ASIAREFRESH00004", (await cache.GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task CredentialsWithoutExpiry_AreKept()
    {
        var clock = new FakeTimeProvider(Start);
        var inner = new CountingSource(new AwsCredentials(TempHome.KeyId, TempHome.Secret));
        var cache = new CachingCredentialsSource(inner, clock);

        await cache.GetCredentialsAsync();
        clock.Advance(TimeSpan.FromDays(400));
        await cache.GetCredentialsAsync();

        Assert.Equal(1, inner.Calls);
    }

    private sealed class CountingSource : IAwsCredentialsSource
    {
        private readonly AwsCredentials credentials;
        private int calls;

        public CountingSource(AwsCredentials credentials) => this.credentials = credentials;

        public int Calls => calls;

        public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref calls);
            return new(credentials);
        }
    }
}
