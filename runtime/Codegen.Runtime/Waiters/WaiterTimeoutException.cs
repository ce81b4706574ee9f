using System;
using System.Globalization;
using Codegen.Runtime.Errors;

namespace Codegen.Runtime.Waiters;

/// <summary>
/// A waiter ran out of time (the maximum wait) or of attempts (the model's <c>maxAttempts</c>) before an acceptor
/// said success or failure. <see cref="WaiterException.LastResponse"/> is the last response, to see how far the
/// resource got.
/// </summary>
public sealed class WaiterTimeoutException : WaiterException
{
    /// <summary>Creates the exception.</summary>
    public WaiterTimeoutException(string waiter, string operation, int attempts, TimeSpan elapsed, bool attemptsExhausted, object? lastResponse, AwsServiceException? lastError)
        : base(Describe(waiter, operation, attempts, elapsed, attemptsExhausted), waiter, operation, attempts, lastResponse, lastError, lastError)
    {
        Elapsed = elapsed;
        AttemptsExhausted = attemptsExhausted;
    }

    /// <summary>How long the waiter waited.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Whether the attempt limit, rather than the maximum wait, ended it.</summary>
    public bool AttemptsExhausted { get; }

    private static string Describe(string waiter, string operation, int attempts, TimeSpan elapsed, bool attemptsExhausted) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "The waiter {0} gave up after {1} call{2} of {3} in {4:0.###} s: {5}, and no acceptor said success or failure.",
            waiter,
            attempts,
            attempts == 1 ? "" : "s",
            operation,
            elapsed.TotalSeconds,
            attemptsExhausted ? "that is its most attempts" : "another attempt would not fit in the maximum wait");
}
