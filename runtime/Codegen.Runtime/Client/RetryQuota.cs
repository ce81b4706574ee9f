using System;
using System.Threading;

namespace Codegen.Runtime.Client;

/// <summary>
/// The AWS "standard" retry mode's retry quota, one per client: a token bucket that starts full; a retry after an
/// error takes <see cref="RetryCost"/> tokens, after a timeout <see cref="TimeoutCost"/>; a call that succeeds gives
/// back what its last retry took, or <see cref="NoRetryIncrement"/> if it needed none. When the bucket cannot pay
/// for a retry, the error is returned at once: during an outage a client stops multiplying its load by its attempts.
/// </summary>
internal sealed class RetryQuota
{
    /// <summary>The tokens a retry after an error takes.</summary>
    public const int RetryCost = 5;

    /// <summary>The tokens a retry after a timeout or a connection failure takes.</summary>
    public const int TimeoutCost = 10;

    /// <summary>The tokens a call that succeeded at once adds back.</summary>
    public const int NoRetryIncrement = 1;

    private readonly int capacity;
    private int available;

    /// <summary>A full bucket of <paramref name="capacity"/> tokens; 0 turns the quota off (retries are never refused).</summary>
    public RetryQuota(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        this.capacity = capacity;
        available = capacity;
    }

    /// <summary>The tokens left.</summary>
    public int Available => Volatile.Read(ref available);

    /// <summary>
    /// Takes the cost of one retry (<see cref="TimeoutCost"/> when <paramref name="afterTimeout"/>) if the bucket
    /// holds it; <paramref name="cost"/> is what was taken (0 when the quota is off).
    /// </summary>
    public bool TryAcquire(bool afterTimeout, out int cost)
    {
        if (capacity == 0)
        {
            cost = 0;
            return true;
        }

        cost = afterTimeout ? TimeoutCost : RetryCost;
        while (true)
        {
            var current = Volatile.Read(ref available);
            if (current < cost)
            {
                cost = 0;
                return false;
            }

            if (Interlocked.CompareExchange(ref available, current - cost, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>A call succeeded: gives back <paramref name="lastRetryCost"/>, or <see cref="NoRetryIncrement"/> when it had no retry.</summary>
    public void OnSuccess(int lastRetryCost)
    {
        if (capacity == 0)
        {
            return;
        }

        var refund = lastRetryCost > 0 ? lastRetryCost : NoRetryIncrement;
        while (true)
        {
            var current = Volatile.Read(ref available);
            var next = Math.Min(capacity, current + refund);
            if (next == current || Interlocked.CompareExchange(ref available, next, current) == current)
            {
                return;
            }
        }
    }
}
