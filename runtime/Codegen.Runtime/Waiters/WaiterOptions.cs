using System;

namespace Codegen.Runtime.Waiters;

/// <summary>
/// How long a waiter may wait, and what may be changed from the model: its delays, its attempt limit, and (for
/// tests) the clock and the jitter.
/// </summary>
/// <param name="MaxWait">The longest the waiter waits in all before it gives up (<see cref="WaiterTimeoutException"/>).</param>
public sealed record WaiterOptions(TimeSpan MaxWait)
{
    /// <summary>The shortest delay between attempts; null for the model's.</summary>
    public TimeSpan? MinDelay { get; init; }

    /// <summary>The longest delay between attempts; null for the model's.</summary>
    public TimeSpan? MaxDelay { get; init; }

    /// <summary>The most attempts; null for the model's (botocore's <c>maxAttempts</c>; Smithy waiters have none).</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>The clock for the delays and the maximum wait; null for the client's (<c>AwsClientOptions.TimeProvider</c>).</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>
    /// Picks a delay from <c>[min, max]</c> (the jitter of the Smithy waiter rules); null for a uniformly random one.
    /// Tests pass a fixed choice.
    /// </summary>
    public Func<TimeSpan, TimeSpan, TimeSpan>? Jitter { get; init; }
}
