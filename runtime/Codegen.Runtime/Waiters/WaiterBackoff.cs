using System;

namespace Codegen.Runtime.Waiters;

/// <summary>
/// The delay before the next attempt, by the Smithy waiter rules: exponential from the shortest delay, capped at the
/// longest, with jitter (a random delay between the shortest and that), and shortened so that the wait ends
/// the shortest delay before the maximum wait. With the shortest and longest delays equal (a botocore waiter's
/// <c>delay</c>) it is that fixed delay.
/// </summary>
public static class WaiterBackoff
{
    /// <summary>
    /// The delay after attempt <paramref name="attempt"/> (1-based), or null when no further attempt fits in
    /// <paramref name="remaining"/>, the time left of the maximum wait.
    /// </summary>
    /// <param name="attempt">The attempts made so far (at least 1).</param>
    /// <param name="minDelay">The shortest delay.</param>
    /// <param name="maxDelay">The longest delay.</param>
    /// <param name="remaining">The time left of the maximum wait.</param>
    /// <param name="jitter">Picks a delay from <c>[min, max]</c>.</param>
    public static TimeSpan? Delay(int attempt, TimeSpan minDelay, TimeSpan maxDelay, TimeSpan remaining, Func<TimeSpan, TimeSpan, TimeSpan> jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentNullException.ThrowIfNull(jitter);

        // attemptCeiling = log2(maxDelay / minDelay) + 1: past it, minDelay * 2^(attempt - 1) would exceed maxDelay.
        var ceiling = (int)(Math.Log(maxDelay.TotalSeconds / minDelay.TotalSeconds) / Math.Log(2)) + 1;
        var upper = attempt > ceiling ? maxDelay : TimeSpan.FromTicks(minDelay.Ticks * (1L << (attempt - 1)));
        if (upper > maxDelay)
        {
            upper = maxDelay;
        }

        var delay = jitter(minDelay, upper);
        if (delay < minDelay || delay > upper)
        {
            throw new InvalidOperationException("The jitter chose a delay outside [" + minDelay + ", " + upper + "].");
        }

        // Keep the shortest delay in hand for a last attempt; when not even that is left, stop.
        if (remaining - delay <= minDelay)
        {
            delay = remaining - minDelay;
        }

        return delay > TimeSpan.Zero ? delay : null;
    }

    /// <summary>A uniformly random delay from <c>[min, max]</c>.</summary>
    public static TimeSpan UniformJitter(TimeSpan min, TimeSpan max) =>
        min + TimeSpan.FromTicks((long)((max - min).Ticks * Random.Shared.NextDouble()));
}
