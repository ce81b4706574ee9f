using System;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// Keeps the credentials of another source until shortly before they expire, and refreshes them one refresh at a
/// time however many callers ask at once.
/// </summary>
/// <remarks>
/// <para>Credentials without an expiry are kept for good. For temporary credentials:</para>
/// <list type="bullet">
/// <item>more than <see cref="RefreshAhead"/> before expiry: the cached credentials are returned;</item>
/// <item>within <see cref="RefreshAhead"/>: the cached credentials are returned and one refresh starts in the
/// background (callers do not wait for it);</item>
/// <item>within <see cref="MustRefresh"/> of expiry, or expired: callers wait for the one refresh in flight; if it
/// fails and the cached credentials have not expired yet, they get the cached credentials, otherwise the error.</item>
/// </list>
/// <para>
/// After a refresh that failed, or that gave credentials already within <see cref="MustRefresh"/> of expiry, the
/// next one starts no sooner than <see cref="RetryDelay"/> later while still-valid credentials are at hand, so a
/// failing source is not called on every request. A refresh is never cancelled by one caller's token (others may
/// wait for it); the sources bound their own time.
/// </para>
/// </remarks>
public sealed class CachingCredentialsSource : IAwsCredentialsSource
{
    /// <summary>The default <see cref="RefreshAhead"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultRefreshAhead = TimeSpan.FromMinutes(5);

    /// <summary>The default <see cref="MustRefresh"/>: 1 minute.</summary>
    public static readonly TimeSpan DefaultMustRefresh = TimeSpan.FromMinutes(1);

    /// <summary>The default <see cref="RetryDelay"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(10);

    private readonly IAwsCredentialsSource inner;
    private readonly TimeProvider timeProvider;
    private readonly object gate = new();
    private AwsCredentials? current;
    private Task<AwsCredentials>? refresh;
    private DateTimeOffset nextRefreshNotBefore = DateTimeOffset.MinValue;
    private long refreshCount;

    /// <summary>Caches the credentials of <paramref name="inner"/>.</summary>
    /// <param name="inner">The source to refresh from.</param>
    /// <param name="timeProvider">The clock expiry is measured with; <see langword="null"/> is <see cref="TimeProvider.System"/>.</param>
    /// <param name="refreshAhead">How long before expiry a background refresh starts (default 5 minutes).</param>
    /// <param name="mustRefresh">How long before expiry callers wait for fresh credentials (default 1 minute); at most <paramref name="refreshAhead"/>.</param>
    /// <param name="retryDelay">The least time between refreshes while still-valid credentials are at hand (default 10 seconds).</param>
    public CachingCredentialsSource(
        IAwsCredentialsSource inner,
        TimeProvider? timeProvider = null,
        TimeSpan? refreshAhead = null,
        TimeSpan? mustRefresh = null,
        TimeSpan? retryDelay = null)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
        this.timeProvider = timeProvider ?? TimeProvider.System;
        RefreshAhead = refreshAhead ?? DefaultRefreshAhead;
        MustRefresh = mustRefresh ?? DefaultMustRefresh;
        RetryDelay = retryDelay ?? DefaultRetryDelay;
        if (RefreshAhead < TimeSpan.Zero || MustRefresh < TimeSpan.Zero || RetryDelay < TimeSpan.Zero || MustRefresh > RefreshAhead)
        {
            throw new ArgumentException("The refresh windows must not be negative, and mustRefresh must not exceed refreshAhead.");
        }
    }

    /// <summary>How long before expiry a background refresh starts.</summary>
    public TimeSpan RefreshAhead { get; }

    /// <summary>How long before expiry callers wait for fresh credentials.</summary>
    public TimeSpan MustRefresh { get; }

    /// <summary>The least time between refreshes while still-valid credentials are at hand.</summary>
    public TimeSpan RetryDelay { get; }

    /// <summary>How many times the inner source has been asked (for diagnostics and tests).</summary>
    public long RefreshCount => Interlocked.Read(ref refreshCount);

    /// <summary>The source being cached.</summary>
    public IAwsCredentialsSource Inner => inner;

    /// <inheritdoc />
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = timeProvider.GetUtcNow();
        var cached = Volatile.Read(ref current);
        if (cached is not null && (cached.Expiration is not { } expiry || now < expiry - RefreshAhead))
        {
            return cached;
        }

        if (cached is not null && now < cached.Expiration!.Value - MustRefresh)
        {
            _ = StartRefresh(now, cachedStillValid: true);
            return cached;
        }

        var stillValid = cached is not null && now < cached.Expiration!.Value;
        var running = StartRefresh(now, stillValid);
        if (running is null)
        {
            return cached!; // a refresh just failed; the cached credentials still work
        }

        try
        {
            return await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && cached is not null && timeProvider.GetUtcNow() < cached.Expiration!.Value)
        {
            return cached;
        }
    }

    /// <summary>Names the cached source.</summary>
    public override string ToString() => "CachingCredentialsSource(" + inner + ")";

    /// <summary>The refresh in flight, a new one, or <see langword="null"/> when one may not start yet.</summary>
    private Task<AwsCredentials>? StartRefresh(DateTimeOffset now, bool cachedStillValid)
    {
        lock (gate)
        {
            if (refresh is { IsCompleted: false } running)
            {
                return running;
            }

            if (cachedStillValid && now < nextRefreshNotBefore)
            {
                return null;
            }

            var started = Task.Run(RefreshAsync);
            refresh = started;
            // A background refresh may fail with nobody waiting: observe it so it is not reported as unobserved.
            _ = started.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return started;
        }
    }

    private async Task<AwsCredentials> RefreshAsync()
    {
        Interlocked.Increment(ref refreshCount);
        try
        {
            var fresh = await inner.GetCredentialsAsync(CancellationToken.None).ConfigureAwait(false);
            Volatile.Write(ref current, fresh);
            var now = timeProvider.GetUtcNow();
            if (fresh.Expiration is { } expiry && expiry - MustRefresh <= now)
            {
                lock (gate)
                {
                    nextRefreshNotBefore = now + RetryDelay;
                }
            }

            return fresh;
        }
        catch
        {
            lock (gate)
            {
                nextRefreshNotBefore = timeProvider.GetUtcNow() + RetryDelay;
            }

            throw;
        }
    }
}
