using System;
using System.Collections.Generic;
using Codegen.Runtime.Errors;

namespace Codegen.Runtime.Waiters;

/// <summary>
/// A waiter of the model, as the generated client states it: its name, the operation it polls, its acceptors and
/// the code that matches them, and its delays.
/// </summary>
/// <typeparam name="TResponse">The polled operation's response type.</typeparam>
public sealed class WaiterDefinition<TResponse>
    where TResponse : class
{
    /// <summary>Creates the definition.</summary>
    /// <param name="name">The waiter's name, e.g. <c>TableExists</c>.</param>
    /// <param name="operation">The operation it polls, e.g. <c>DescribeTable</c>.</param>
    /// <param name="acceptors">The acceptors, in order.</param>
    /// <param name="match">
    /// The 0-based index of the first acceptor that matches an attempt, or -1: given the response of a successful attempt
    /// (the error is null) or the service error of a failed one (the response is null).
    /// </param>
    /// <param name="minDelay">The shortest delay between attempts.</param>
    /// <param name="maxDelay">The longest delay between attempts.</param>
    /// <param name="maxAttempts">The most attempts (botocore's <c>maxAttempts</c>), or null for no limit but the time.</param>
    public WaiterDefinition(string name, string operation, IReadOnlyList<WaiterAcceptor> acceptors, Func<TResponse?, AwsServiceException?, int> match, TimeSpan minDelay, TimeSpan maxDelay, int? maxAttempts)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(acceptors);
        ArgumentNullException.ThrowIfNull(match);
        if (minDelay <= TimeSpan.Zero || maxDelay < minDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDelay), "The delays must be positive, the longest no shorter than the shortest.");
        }

        if (maxAttempts is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAttempts), "A waiter makes at least one attempt.");
        }

        Name = name;
        Operation = operation;
        Acceptors = acceptors;
        Match = match;
        MinDelay = minDelay;
        MaxDelay = maxDelay;
        MaxAttempts = maxAttempts;
    }

    /// <summary>The waiter's name.</summary>
    public string Name { get; }

    /// <summary>The operation it polls.</summary>
    public string Operation { get; }

    /// <summary>The acceptors, in order.</summary>
    public IReadOnlyList<WaiterAcceptor> Acceptors { get; }

    /// <summary>The 0-based index of the first acceptor that matches an attempt, or -1.</summary>
    public Func<TResponse?, AwsServiceException?, int> Match { get; }

    /// <summary>The model's shortest delay between attempts.</summary>
    public TimeSpan MinDelay { get; }

    /// <summary>The model's longest delay between attempts.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>The model's limit on attempts, if it has one.</summary>
    public int? MaxAttempts { get; }
}
